package fundexchange.protocol.event;

import java.util.List;

/**
 * A year's official calendar: its holidays and, when it has any, its make-up working days ({@code workdays}: weekend
 * dates that are business days; absent when none, as in documents written before they existed). Both sorted.
 */
public record HolidaysSet(int year, List<String> holidays, List<String> workdays) implements PlatformEvent {
    /** A year's holidays without make-up working days. */
    public HolidaysSet(int year, List<String> holidays) {
        this(year, holidays, null);
    }
}
