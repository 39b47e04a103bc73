package fundexchange.protocol.command;

import java.util.List;

/**
 * A year's official calendar as a genesis carries it: what {@link SetHolidays} would set, decided by the same rules
 * ({@code workdays}: make-up working days; absent means none).
 */
public record YearCalendar(int year, List<String> holidays, List<String> workdays) {
}
