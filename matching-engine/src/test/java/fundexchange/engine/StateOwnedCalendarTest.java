package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fundexchange.engine.stateowned.Appraisal;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The disclosure period counted on the business calendar, and an appraisal's prices rounded up. */
class StateOwnedCalendarTest {
    private final ExchangeState state = new ExchangeState();
    private final StateOwnedRules rules = new StateOwnedRules(state, new TransferChecks(state));

    StateOwnedCalendarTest() {
        // Calendars without holidays for the years counted: under rules version 4 an unset year is refused.
        state.holidays.put(2026, List.of());
        state.holidays.put(2027, List.of());
    }

    private long dealsFrom(String openedAt) {
        return rules.dealsFrom(Instant.parse(openedAt).toEpochMilli());
    }

    @Test
    void aDealMayComeFromTheStartOfTheDayAfterTheTwentiethWorkingDayAfterTheOpeningDay() {
        // Opened Tuesday 2026-11-17 (Shanghai): 20 working days end on Tuesday 2026-12-15.
        assertEquals(Instant.parse("2026-12-15T16:00:00Z").toEpochMilli(), dealsFrom("2026-11-17T01:00:00Z"));
        // Opened late on a Saturday: the weekend counts for nothing, so the period ends as when opened on the Friday.
        assertEquals(dealsFrom("2026-11-20T01:00:00Z"), dealsFrom("2026-11-21T15:00:00Z"));
    }

    @Test
    void holidaysLengthenThePeriod() {
        long without = dealsFrom("2027-09-20T01:00:00Z");
        state.holidays.put(2027, List.of("2027-10-01", "2027-10-04", "2027-10-05", "2027-10-06", "2027-10-07"));
        assertEquals(Instant.parse("2027-10-18T16:00:00Z").toEpochMilli(), without);
        assertEquals(Instant.parse("2027-10-25T16:00:00Z").toEpochMilli(), dealsFrom("2027-09-20T01:00:00Z"));
    }

    @Test
    void aPeriodReachingAYearWithoutACalendarIsRefused() {
        Rejection refused = assertThrows(Rejection.class, () -> dealsFrom("2027-12-20T01:00:00Z"));
        assertEquals(RejectCode.CALENDAR_YEAR_NOT_SET, refused.code());
    }

    @Test
    void anAppraisalsPricesRoundUpSoNoPriceUnderTheExactFigurePasses() {
        Price perUnit = AppraisalPrices.perUnit(Money.of("1000000.00"), Units.of("300000.00"));
        assertEquals(Price.of("3.3334"), perUnit);
        Appraisal appraisal = new Appraisal(1, "DGF3", "Holder-01", Money.of("1000000.00"), Units.of("300000.00"), perUnit,
                "ref", "2027-06-30", null);
        assertEquals(Price.of("3.0000"), AppraisalPrices.consentLine(appraisal));
        Appraisal odd = new Appraisal(1, "DGF3", "Holder-01", Money.of("1000.01"), Units.of("1000.00"),
                AppraisalPrices.perUnit(Money.of("1000.01"), Units.of("1000.00")), "ref", "2027-06-30", null);
        assertEquals(List.of(Price.of("1.0001"), Price.of("0.9001")), List.of(odd.pricePerUnit(), AppraisalPrices.consentLine(odd)));
    }
}
