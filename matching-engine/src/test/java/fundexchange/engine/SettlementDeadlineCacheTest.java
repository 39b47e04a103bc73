package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import fundexchange.protocol.RulesVersion;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The settlement deadline's kept last answer never outlives what decided it (SettlementDeadline.Last). */
class SettlementDeadlineCacheTest {
    private static long tenOClock(ExchangeState state, String date) {
        return LocalDate.parse(date).atStartOfDay(ZoneId.of(state.parameters.zone())).plusHours(10).toInstant().toEpochMilli();
    }

    /** The answer of a deadline that has kept nothing. */
    private static long fresh(ExchangeState state, long time) {
        return new SettlementDeadline(state).of(time);
    }

    @Test
    void aReplacedCalendarOfAnyYearTheCountSpansOrAnotherCountIsCountedAgain() {
        ExchangeState state = new ExchangeState();
        state.holidays.put(2026, List.of());
        state.holidays.put(2027, List.of());
        state.parameters = state.parameters.with("settlement-business-days", "2");
        SettlementDeadline deadline = new SettlementDeadline(state);
        long friday = tenOClock(state, "2026-12-04");
        long first = deadline.of(friday);
        assertEquals(fresh(state, friday), first);
        assertEquals(first, deadline.of(friday + 3_600_000), "the same day: the same deadline");
        assertEquals(1, deadline.counted(), "the same day: answered by the kept deadline");

        state.holidays.put(2026, List.of("2026-12-07"));
        long moved = deadline.of(friday);
        assertNotEquals(first, moved, "a holiday on the Monday moves it");
        assertEquals(fresh(state, friday), moved);

        state.parameters = state.parameters.with("settlement-business-days", "3");
        assertEquals(fresh(state, friday), deadline.of(friday));
        assertNotEquals(moved, deadline.of(friday), "another count, another deadline");

        long newYearsEve = tenOClock(state, "2026-12-31");
        long overTheTurn = deadline.of(newYearsEve);
        assertEquals(fresh(state, newYearsEve), overTheTurn);
        state.holidays.put(2027, List.of("2027-01-01", "2027-01-04"));
        assertEquals(fresh(state, newYearsEve), deadline.of(newYearsEve));
        assertNotEquals(overTheTurn, deadline.of(newYearsEve), "the next year's new holidays move it");
        state.workdays.put(2027, List.of("2027-01-02"));
        assertEquals(fresh(state, newYearsEve), deadline.of(newYearsEve), "a make-up working day counts again");
    }

    @Test
    void anotherZoneIsCountedAgainThoughTheTradeDateIsTheSame() {
        ExchangeState state = new ExchangeState();
        state.holidays.put(2026, List.of());
        state.parameters = state.parameters.with("zone", "Asia/Shanghai");
        SettlementDeadline deadline = new SettlementDeadline(state);
        long friday = tenOClock(state, "2026-12-04"); // 02:00 the same day in London
        long inShanghai = deadline.of(friday);
        assertEquals(fresh(state, friday), inShanghai);

        state.parameters = state.parameters.with("zone", "Europe/London");
        long inLondon = deadline.of(friday);
        assertEquals(fresh(state, friday), inLondon);
        assertEquals(inShanghai + 8 * 3_600_000L, inLondon, "the same day starts eight hours later in London");
    }

    /**
     * The rules version is part of what the kept answer checks. Versions from 6 on count the same days today, so this
     * observes the recount itself ({@link SettlementDeadline#counted}); below 6 the deadline is the time plus a duration.
     */
    @Test
    void anotherRulesVersionIsCountedAgain() {
        ExchangeState state = new ExchangeState();
        state.holidays.put(2026, List.of());
        SettlementDeadline deadline = new SettlementDeadline(state);
        long friday = tenOClock(state, "2026-12-04");
        long now = deadline.of(friday);
        assertEquals(fresh(state, friday), now);
        assertEquals(now, deadline.of(friday));
        assertEquals(1, deadline.counted(), "the same question answered by the kept deadline");

        state.rulesVersion = RulesVersion.SETTLEMENT_IN_BUSINESS_DAYS;
        assertEquals(fresh(state, friday), deadline.of(friday));
        assertEquals(2, deadline.counted(), "another version counts again");

        state.rulesVersion = RulesVersion.SETTLEMENT_IN_BUSINESS_DAYS - 1;
        long byDuration = deadline.of(friday);
        assertEquals(fresh(state, friday), byDuration);
        assertEquals(friday + state.parameters.settlementDeadlineMs(), byDuration);
        assertNotEquals(now, byDuration);

        state.rulesVersion = RulesVersion.CURRENT;
        assertEquals(now, deadline.of(friday));
        assertEquals(3, deadline.counted(), "back to the current version: counted again, as the kept one was version 6's");
    }
}
