package fundexchange.registry.read;

import java.util.List;

/**
 * A year's official calendar: its holidays and make-up working days (ISO dates, sorted), and the journal index and
 * time (epoch ms) of the {@code SetHolidays} (or genesis) that set it.
 */
public record CalendarView(int year, long setIndex, long setAt, List<String> holidays, List<String> workdays) {
    public CalendarView {
        holidays = List.copyOf(holidays);
        workdays = List.copyOf(workdays);
    }
}
