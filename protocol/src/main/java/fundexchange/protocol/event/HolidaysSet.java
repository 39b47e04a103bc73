package fundexchange.protocol.event;

import java.util.List;

/** A year's non-business weekdays. */
public record HolidaysSet(int year, List<String> holidays) implements PlatformEvent {
}
