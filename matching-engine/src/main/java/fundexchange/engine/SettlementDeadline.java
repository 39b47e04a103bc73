package fundexchange.engine;

import fundexchange.protocol.RulesVersion;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When a trade made at a time must be settled (docs/rules.md, "settlement"). From rules version 6 ({@link
 * RulesVersion#SETTLEMENT_IN_BUSINESS_DAYS}): the start of the day after the {@code settlement-business-days}-th
 * business day of the official calendar after the trade date, in the platform zone (make-up working days count,
 * holidays do not; a year without a calendar is refused with {@code CALENDAR_YEAR_NOT_SET}, never guessed). Before it:
 * the trade's time plus {@code settlement-deadline-ms}. Nothing is cached: the answer depends on the calendar, which a
 * snapshot restore or a replay may replace, and a command makes at most 4096 fills.
 */
final class SettlementDeadline {
    private final ExchangeState state;
    private final BusinessCalendar calendar;

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
        ZoneId zone = ZoneId.of(state.parameters.zone());
        LocalDate tradeDate = state.dates.of(time, state.parameters.zone());
        return calendar.businessDayAfter(tradeDate, state.parameters.settlementBusinessDaysInForce()).plusDays(1)
                .atStartOfDay(zone).toInstant().toEpochMilli();
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
