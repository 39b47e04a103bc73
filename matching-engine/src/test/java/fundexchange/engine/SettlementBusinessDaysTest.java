package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.EventDocument;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.AcceptListing;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.SetHolidays;
import fundexchange.protocol.command.SetPlatformParameter;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.event.TradeFailed;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.Role;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Settlement deadlines in business days of the official calendar (rules version 6, issue 20): the end of the
 * {@code settlement-business-days}-th business day after the trade date, make-up working days counted, holidays not,
 * a year without a calendar refused; a version-5 journal keeps its duration.
 */
class SettlementBusinessDaysTest {
    private static final String FUND = "DGF3";
    private static final long DAY = 24 * 3_600_000L;
    private static final Units LOT = Units.of("1000.00");
    private Market m;

    @AfterEach
    void invariantsHeldAtEveryStepAndReplayAgrees() {
        m.replayCheckingInvariants();
    }

    private void market(Market base) {
        m = base.participant("Holder-01", Role.HOLDER).participant("Investor-07", Role.INVESTOR)
                .fund(FUND, false).deposit(FUND, "Holder-01", "10000.00", "10000.00");
    }

    /** Holder-01 sells a lot to Investor-07 by a negotiated transfer; the acceptance's document. */
    private EventDocument sale() {
        long listing = m.ok("Holder-01", new ListNegotiated(FUND, "Investor-07", LOT, Price.of("1.2000"), 0)).sourceIndex();
        m.ok("Staff-02", new ApproveListing(listing));
        return m.s.by("Investor-07", new AcceptListing(listing));
    }

    private static long at(String isoOffsetDateTime) {
        return OffsetDateTime.parse(isoOffsetDateTime).toInstant().toEpochMilli();
    }

    private static TradeExecuted trade(EventDocument accepted) {
        return (TradeExecuted) Market.accepted(accepted).events().get(0);
    }

    @Test
    void aTradeSettlesByTheEndOfTheFifthBusinessDayCountingAMakeUpSaturdayAndSkippingTheHolidays() {
        market(new Market());
        m.calendar(new SetHolidays(2026, List.of("2026-11-19", "2026-11-20"), List.of("2026-11-21")));
        TradeExecuted trade = trade(sale()); // Wednesday 2026-11-18
        // Thu 19 and Fri 20 are holidays; Sat 21 (make-up), Mon 23, Tue 24, Wed 25 and Thu 26 count.
        assertEquals(at("2026-11-27T00:00+08:00"), trade.settleBy());
        m.s.advance(trade.settleBy() - 1 - m.s.time);
        assertEquals(List.of(), m.s.unsigned(new Tick()).last.events());
        m.s.advance(1);
        assertEquals(List.of(new TradeFailed(trade.tradeId(), FUND, "Holder-01", "Investor-07", LOT,
                RejectCode.SETTLEMENT_DEADLINE_PASSED.code(), "not confirmed by the settlement deadline")),
                m.s.unsigned(new Tick()).last.events());
    }

    @Test
    void aTradeWhoseDeadlineReachesAYearWithoutACalendarIsRefusedUntilStaffSetIt() {
        market(new Market());
        m.s.advance(41 * DAY); // Tuesday 2026-12-29: the fifth business day after it is in 2027
        EventDocument refused = sale();
        assertEquals(RejectCode.CALENDAR_YEAR_NOT_SET.code(), refused.outcome().code());
        assertEquals(true, refused.outcome().message().startsWith("no official calendar is set for 2027"),
                refused.outcome().message());
        assertEquals(List.of(), refused.events());
        m.calendar(new SetHolidays(2027, List.of("2027-01-01")));
        long listing = refused.sourceIndex() - 2;
        // 12-30, 12-31, (01-01 a holiday), 01-04, 01-05, 01-06
        assertEquals(at("2027-01-07T00:00+08:00"), trade(m.s.by("Investor-07", new AcceptListing(listing))).settleBy());
    }

    @Test
    void staffSetTheNumberOfBusinessDaysByMakerChecker() {
        market(new Market());
        m.approved(new SetPlatformParameter("settlement-business-days", "2"));
        assertEquals(at("2026-11-21T00:00+08:00"), trade(sale()).settleBy()); // Thu 19, Fri 20
        m.refused("Staff-01", new Propose(new SetPlatformParameter("settlement-deadline-ms", "86400000")),
                RejectCode.INVALID_PARAMETER);
    }

    @Test
    void aVersionFiveJournalKeepsTheSettlementDeadlineAsADurationAfterTheTrade() {
        market(new Market(5)); // no calendar at all: a version-5 trade never counts business days
        EventDocument accepted = sale();
        assertEquals(accepted.time() + 3 * DAY, trade(accepted).settleBy());
        m.refused("Staff-01", new Propose(new SetPlatformParameter("settlement-business-days", "2")),
                RejectCode.INVALID_PARAMETER);
    }
}
