package fundexchange.engine;

import fundexchange.protocol.RulesVersion;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When a trade made at a time must be settled (docs/rules.md, "settlement"). From rules version 6 ({@link
 * RulesVersion#SETTLEMENT_IN_BUSINESS_DAYS}): the start of the day after the {@code settlement-business-days}-th
 * business day of the official calendar after the trade date, in the platform zone (make-up working days count,
 * holidays do not; a year without a calendar is refused with {@code CALENDAR_YEAR_NOT_SET}, never guessed). Before it:
 * the trade's time plus {@code settlement-deadline-ms}. The last answer is kept ({@link Last}), a pure function of what
 * it checks on each use: the trade date, the zone, the count, the rules version and the very calendar lists of every
 * year from the trade date's to the deadline's (the calendar is replaced, never changed in place, so a new calendar, a
 * snapshot restore or a replay's fails the check and the answer is counted again).
 */
final class SettlementDeadline {
    /**
     * The last deadline counted and what decided it: the holidays and make-up working days of each year from
     * {@code firstYear} on, as the identical objects (null for none), with the year keys kept boxed so that checking
     * them allocates nothing. Comparing by identity is sound because a year's lists are never changed in place: every
     * store of them is an immutable {@code List.copyOf} (StateApplier's HolidaysSet, Snapshots' restore), replaced as a
     * whole by a new calendar.
     */
    private record Last(long tradeDay, String zone, int businessDays, int rulesVersion, Integer[] years,
                        Object[] holidays, Object[] workdays, long deadline) {
        boolean answers(ExchangeState state, long day, String zoneId, int n) {
            if (day != tradeDay || n != businessDays || state.rulesVersion != rulesVersion || !zone.equals(zoneId)) {
                return false;
            }
            for (int i = 0; i < years.length; i++) {
                if (state.holidays.get(years[i]) != holidays[i] || state.workdays.get(years[i]) != workdays[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    private final ExchangeState state;
    private final BusinessCalendar calendar;
    private Last last;
    /** For tests: how many deadlines were counted on the calendar (not answered by {@link #last}). */
    private long counted;

    SettlementDeadline(ExchangeState state) {
        this.state = state;
        this.calendar = new BusinessCalendar(state);
    }

    /**
     * The deadline of a trade made at {@code time}. Throws a Rejection: from version 6, CALENDAR_YEAR_NOT_SET when the
     * count reaches a year without a calendar; before it, ARITHMETIC_OVERFLOW when the time plus the duration passes
     * the range of a {@code long}.
     */
    long of(long time) {
        if (state.rulesVersion < RulesVersion.SETTLEMENT_IN_BUSINESS_DAYS) {
            return TradeTerms.overflowChecked(() -> Math.addExact(time, state.parameters.settlementDeadlineMs()));
        }
        String zoneId = state.parameters.zone();
        LocalDate tradeDate = state.dates.of(time, zoneId);
        int n = state.parameters.settlementBusinessDaysInForce();
        Last known = last;
        if (known != null && known.answers(state, tradeDate.toEpochDay(), zoneId, n)) {
            return known.deadline();
        }
        counted++;
        LocalDate day = calendar.businessDayAfter(tradeDate, n);
        long deadline = day.plusDays(1).atStartOfDay(ZoneId.of(zoneId)).toInstant().toEpochMilli();
        remember(tradeDate, zoneId, n, day.getYear(), deadline);
        return deadline;
    }

    /** For tests: how many deadlines were counted on the calendar rather than answered by the kept one. */
    long counted() {
        return counted;
    }

    private void remember(LocalDate tradeDate, String zoneId, int n, int lastYear, long deadline) {
        int firstYear = tradeDate.getYear();
        if (lastYear - firstYear > 1) {
            return; // a count over more than a year's turn is rare: not kept
        }
        int count = lastYear - firstYear + 1;
        Integer[] years = new Integer[count];
        Object[] holidays = new Object[count];
        Object[] workdays = new Object[count];
        for (int i = 0; i < count; i++) {
            years[i] = firstYear + i;
            holidays[i] = state.holidays.get(years[i]);
            workdays[i] = state.workdays.get(years[i]);
        }
        last = new Last(tradeDate.toEpochDay(), zoneId, n, state.rulesVersion, years, holidays, workdays, deadline);
    }

    /**
     * Refuses ({@link IllegalArgumentException}, as an unknown parameter) a parameter the journal's rules version does
     * not have: {@code registration-business-days} and the {@code fee-*} parameters before version 8,
     * {@code settlement-business-days} before version 6, {@code settlement-deadline-ms} from it (it no longer
     * decides anything, and a change that decides nothing would mislead).
     */
    static void requireParameterOfVersion(int rulesVersion, String name) {
        boolean inDays = rulesVersion >= RulesVersion.SETTLEMENT_IN_BUSINESS_DAYS;
        if (rulesVersion < RulesVersion.SETTLEMENT_FEES && ("registration-business-days".equals(name)
                || fundexchange.protocol.reference.FeeSchedule.isFee(name))) {
            throw new IllegalArgumentException("unknown platform parameter " + name);
        }
        if (!inDays && "settlement-business-days".equals(name)) {
            throw new IllegalArgumentException("unknown platform parameter " + name);
        }
        if (inDays && "settlement-deadline-ms".equals(name)) {
            throw new IllegalArgumentException("settlement-deadline-ms no longer applies (rules version "
                    + RulesVersion.SETTLEMENT_IN_BUSINESS_DAYS + "): set settlement-business-days / 交收期限已按工作日计算，"
                    + "请设定 settlement-business-days");
        }
    }
}
