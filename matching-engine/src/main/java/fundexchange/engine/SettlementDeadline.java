package fundexchange.engine;

import fundexchange.protocol.RulesVersion;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When a trade made at a time must be settled (docs/rules.md, "settlement"). From rules version 6 ({@link
 * RulesVersion#SETTLEMENT_IN_BUSINESS_DAYS}): the start of the day after the {@code settlement-business-days}-th
 * business day of the official calendar after the trade date, in the platform zone (make-up working days count,
 * holidays do not; a year without a calendar is refused with {@code CALENDAR_YEAR_NOT_SET}, never guessed). Before it:
 * the trade's time plus {@code settlement-deadline-ms}. The last answer is kept for the command that asked (every fill
 * of a command has its time; no command both trades and changes the calendar), keyed also by the parameters it used.
 */
final class SettlementDeadline {
    private final ExchangeState state;
    private final BusinessCalendar calendar;
    private long lastIndex = -1;
    private long lastTime;
    private int lastDays;
    private String lastZone;
    private long lastDeadline;

    SettlementDeadline(ExchangeState state) {
        this.state = state;
        this.calendar = new BusinessCalendar(state);
    }

    /**
     * The deadline of a trade made by the command at {@code index} and {@code time}. Throws a Rejection: CALENDAR_YEAR_NOT_SET when the count reaches a
     * year without a calendar, ARITHMETIC_OVERFLOW when a duration passes the range.
     */
    long of(long index, long time) {
        if (state.rulesVersion < RulesVersion.SETTLEMENT_IN_BUSINESS_DAYS) {
            return TradeTerms.overflowChecked(() -> Math.addExact(time, state.parameters.settlementDeadlineMs()));
        }
        int days = state.parameters.settlementBusinessDaysInForce();
        String zoneId = state.parameters.zone();
        if (index == lastIndex && time == lastTime && days == lastDays && zoneId.equals(lastZone)) {
            return lastDeadline;
        }
        ZoneId zone = ZoneId.of(zoneId);
        LocalDate tradeDate = Instant.ofEpochMilli(time).atZone(zone).toLocalDate();
        long deadline = calendar.businessDayAfter(tradeDate, days).plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        lastIndex = index;
        lastTime = time;
        lastDays = days;
        lastZone = zoneId;
        lastDeadline = deadline;
        return deadline;
    }

    /**
     * Refuses ({@link IllegalArgumentException}, as an unknown parameter) a parameter the journal's rules version does
     * not have: {@code settlement-business-days} before version 6, {@code settlement-deadline-ms} from it (it no longer
     * decides anything, and a change that decides nothing would mislead).
     */
    static void requireParameterOfVersion(int rulesVersion, String name) {
        boolean inDays = rulesVersion >= RulesVersion.SETTLEMENT_IN_BUSINESS_DAYS;
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
