package fundexchange.engine;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.RulesVersion;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

/**
 * Business days on the official calendar staff set per year (CONTRACTS.md 2: dates in the platform's zone): Monday to
 * Friday less the year's holidays, plus its make-up working days (调休, weekend dates that are working days).
 *
 * <p>Under rules version 4 ({@link RulesVersion#CALENDAR_HORIZON}) a date of a year staff have set no calendar for is
 * beyond the horizon: every method here throws a {@link Rejection} {@code CALENDAR_YEAR_NOT_SET} naming the year
 * rather than guess. A command's rule lets it reject the command; a deadline, which never rejects, must catch it and
 * decide with the reason (as {@link TransferChecks} does for anti-flip). Earlier versions count Monday to Friday in
 * such a year, as they always did.
 */
final class BusinessCalendar {
    private final ExchangeState state;

    BusinessCalendar(ExchangeState state) {
        this.state = state;
    }

    boolean isBusinessDay(LocalDate date) {
        int year = date.getYear();
        List<String> holidays = state.holidays.get(year);
        if (holidays == null) {
            requireNoHorizon(year);
        }
        DayOfWeek day = date.getDayOfWeek();
        String iso = LocalDates.iso(date);
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            List<String> workdays = state.workdays.get(year);
            return workdays != null && Collections.binarySearch(workdays, iso) >= 0;
        }
        return holidays == null || !holidays.contains(iso);
    }

    /** Whether units the position acquired on its {@code acquiredOn} are still inside the anti-flip period on {@code date}. */
    boolean stillRestricted(fundexchange.engine.position.Position position, LocalDate date) {
        int required = state.parameters.antiFlipBusinessDays();
        return position.acquiredOn() != null && required > 0
                && businessDaysAfter(LocalDates.parse(position.acquiredOn()), date, required) < required;
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

    /**
     * The {@code n}-th business day strictly after {@code from} ({@code n} at least 1). Under the horizon it ends: the
     * count reaches either its day or a year without a calendar (a Rejection), since a year has at most 366 holidays.
     */
    LocalDate businessDayAfter(LocalDate from, int n) {
        LocalDate day = from;
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                counted++;
            }
        }
        return day;
    }

    private void requireNoHorizon(int year) {
        if (state.rulesVersion >= RulesVersion.CALENDAR_HORIZON) {
            boolean byProposal = state.rulesVersion >= RulesVersion.HOLIDAYS_BY_PROPOSAL;
            String how = byProposal ? "propose SetOfficialCalendar, approved by a second staff member" : "POST /calendar/holidays";
            String howZh = byProposal ? "提议 SetOfficialCalendar 并经另一名工作人员批准" : "POST /calendar/holidays";
            throw new Rejection(RejectCode.CALENDAR_YEAR_NOT_SET, "no official calendar is set for " + year
                    + ": staff must set its holidays and make-up working days (" + how + ") before a"
                    + " business day of it is counted / 尚未设定 " + year + " 年的官方日历：工作人员须先设定该年的节假日和调休工作日"
                    + "（" + howZh + "），方可计算该年的工作日");
        }
    }
}
