package fundexchange.engine;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.command.SetHolidays;
import fundexchange.protocol.command.SetOfficialCalendar;
import fundexchange.protocol.command.YearCalendar;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.HolidaysSet;
import fundexchange.protocol.event.ProposalExpired;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Decides a year's official calendar ({@code SetHolidays}; from rules version 7 only proposed, {@code
 * SetOfficialCalendar}, and approved by another staff member): holidays are dates of that year; make-up working days
 * (调休) are Saturdays or Sundays of that year; no date is given twice or in both lists. Rules version 4 also refuses
 * a repeated date, a list longer than a year and a year outside 1900-2200; earlier versions accepted (and merged)
 * those, so their journals replay as written.
 */
final class CalendarRules {
    /** No list may name more dates than a year has. */
    static final int MAX_DATES = 366;
    private final ExchangeState state;

    CalendarRules(ExchangeState state) {
        this.state = state;
    }

    /** The calendars a genesis sets, each decided as its {@code SetHolidays}; a year at most once. */
    static List<HolidaysSet> atGenesis(ExchangeState state, List<YearCalendar> calendars) {
        if (calendars == null) {
            return List.of();
        }
        Rejection.check(calendars.size() <= 100, RejectCode.CALENDAR_TOO_MANY_DATES, "a genesis sets at most 100 calendars");
        CalendarRules rules = new CalendarRules(state);
        java.util.Set<Integer> years = new java.util.TreeSet<>();
        List<HolidaysSet> events = new java.util.ArrayList<>();
        for (YearCalendar calendar : calendars) {
            Rejection.check(calendar != null && years.add(calendar.year()), RejectCode.CALENDAR_DATE_REPEATED,
                    "a genesis sets each year's calendar at most once / 创世记录每年的日历至多设定一次");
            events.add(rules.decide(new SetHolidays(calendar.year(), calendar.holidays(), calendar.workdays())));
        }
        return events;
    }

    /** A direct {@code SetHolidays}: from rules version 7 refused, the calendar is set only by maker-checker. */
    HolidaysSet direct(SetHolidays c) {
        Rejection.check(state.rulesVersion < RulesVersion.HOLIDAYS_BY_PROPOSAL, RejectCode.CALENDAR_NEEDS_PROPOSAL,
                "a year's official calendar is set only by maker-checker: propose SetOfficialCalendar for a second staff"
                        + " member to approve / 官方日历须经复核：请提议 SetOfficialCalendar，由另一名工作人员批准");
        return decide(c);
    }

    /**
     * A proposed calendar ({@code SetOfficialCalendar}, at the proposal and at its approval): from rules version 7;
     * before it refused, one staff member sets the calendar directly.
     */
    HolidaysSet proposed(SetOfficialCalendar a) {
        Rejection.check(state.rulesVersion >= RulesVersion.HOLIDAYS_BY_PROPOSAL, RejectCode.CALENDAR_PROPOSAL_NOT_IN_RULES,
                "this journal's rules version sets a year's calendar directly (SetHolidays), not by proposal"
                        + " / 本日志的规则版本直接设定日历（SetHolidays），不经提案");
        return decide(a.asCommand());
    }

    /**
     * At the approval of proposal {@code approved} (rules version 7): every other pending {@code SetOfficialCalendar}
     * for the same year lapses ({@code ProposalExpired}, by proposal id), so an older proposal cannot put back a
     * calendar the approval superseded.
     */
    List<Event> superseded(long approved, int year) {
        List<Event> events = new ArrayList<>();
        for (ExchangeState.Proposal p : state.proposals.values()) {
            if (p.pending() && p.proposalId() != approved && p.action() instanceof SetOfficialCalendar other
                    && other.year() == year) {
                events.add(new ProposalExpired(p.proposalId(), p.proposer()));
            }
        }
        return events;
    }

    HolidaysSet decide(SetHolidays c) {
        Validation.present(c.holidays(), "holidays");
        boolean strict = state.rulesVersion >= RulesVersion.CALENDAR_HORIZON;
        if (strict) {
            Rejection.check(c.year() >= 1900 && c.year() <= 2200, RejectCode.INVALID_FIELD,
                    "year must be 1900 to 2200 / 年份须在 1900 至 2200 之间");
            bounded(c.holidays(), "holidays");
        }
        bounded(c.workdays(), "workdays");
        TreeSet<String> holidays = dates(c.year(), c.holidays(), "holidays", strict);
        if (c.workdays() == null || c.workdays().isEmpty()) {
            return new HolidaysSet(c.year(), List.copyOf(holidays));
        }
        TreeSet<String> workdays = dates(c.year(), c.workdays(), "workdays", true);
        for (String day : workdays) {
            DayOfWeek weekday = LocalDate.parse(day).getDayOfWeek();
            Rejection.check(weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY, RejectCode.MAKE_UP_DAY_NOT_WEEKEND,
                    "make-up working day " + day + " is a " + weekday + ", not a Saturday or Sunday / 调休工作日 " + day
                            + " 不是周六或周日");
            Rejection.check(!holidays.contains(day), RejectCode.CALENDAR_DATE_REPEATED,
                    day + " is both a holiday and a make-up working day / " + day + " 不能既是节假日又是调休工作日");
        }
        return new HolidaysSet(c.year(), List.copyOf(holidays), List.copyOf(workdays));
    }

    private static void bounded(List<String> dates, String field) {
        Rejection.check(dates == null || dates.size() <= MAX_DATES, RejectCode.CALENDAR_TOO_MANY_DATES,
                field + " names more than " + MAX_DATES + " dates / " + field + " 超过 " + MAX_DATES + " 个日期");
    }

    /** The dates of {@code year}, sorted; {@code unique} refuses a date given twice (else it is merged, as before). */
    private static TreeSet<String> dates(int year, List<String> values, String field, boolean unique) {
        TreeSet<String> dates = new TreeSet<>();
        for (String value : values) {
            LocalDate date = Validation.date(value, field);
            Rejection.check(date.getYear() == year, RejectCode.INVALID_FIELD, value + " is not in " + year);
            Rejection.check(dates.add(date.toString()) || !unique, RejectCode.CALENDAR_DATE_REPEATED,
                    field + " names " + date + " twice / " + field + " 重复列出 " + date);
        }
        return dates;
    }
}
