package fundexchange.protocol.command;

import java.util.List;

/** Staff sets a year's non-business weekdays (ISO dates). */
public record SetHolidays(int year, List<String> holidays) implements Command {
}
