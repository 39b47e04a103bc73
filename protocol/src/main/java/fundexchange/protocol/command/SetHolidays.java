package fundexchange.protocol.command;

import java.util.List;

/**
 * Staff set a year's official calendar: its {@code holidays} (ISO dates that are no business day) and, optionally,
 * its make-up working days {@code workdays} (调休: ISO dates on a Saturday or Sunday that are business days). A year's
 * command replaces that year's whole calendar. {@code workdays} absent (as in records written before it existed)
 * means none.
 */
public record SetHolidays(int year, List<String> holidays, List<String> workdays) implements Command {
    /** A year's holidays without make-up working days (as written before they existed). */
    public SetHolidays(int year, List<String> holidays) {
        this(year, holidays, null);
    }
}
