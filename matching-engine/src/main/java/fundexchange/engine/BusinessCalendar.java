package fundexchange.engine;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Business days: Monday to Friday, less the holidays staff set per year (CONTRACTS.md 2: in the platform's zone). */
final class BusinessCalendar {
    private final ExchangeState state;

    BusinessCalendar(ExchangeState state) {
        this.state = state;
    }

    boolean isBusinessDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            return false;
        }
        var holidays = state.holidays.get(date.getYear());
        return holidays == null || !holidays.contains(date.toString());
    }

    /** Whether units the position acquired on its {@code acquiredOn} are still inside the anti-flip period on {@code date}. */
    boolean stillRestricted(fundexchange.engine.position.Position position, LocalDate date) {
        int required = state.parameters.antiFlipBusinessDays();
        return position.acquiredOn() != null && required > 0
                && businessDaysAfter(LocalDate.parse(position.acquiredOn()), date, required) < required;
    }

    /** Business days strictly after {@code from} up to and including {@code to}; stops counting at {@code cap}. */
    int businessDaysAfter(LocalDate from, LocalDate to, int cap) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to) && count < cap; day = day.plusDays(1)) {
            if (isBusinessDay(day)) {
                count++;
            }
        }
        return count;
    }
}
