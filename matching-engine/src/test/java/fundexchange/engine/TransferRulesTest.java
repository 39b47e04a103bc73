package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.AcceptListing;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ClearRofr;
import fundexchange.protocol.command.ClearRofr.RofrDecision;
import fundexchange.protocol.command.ConfirmSettlement;
import fundexchange.protocol.command.FailSettlement;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.SetHolidays;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.event.ListingCancelled;
import fundexchange.protocol.event.ListingOpened;
import fundexchange.protocol.event.RofrCleared;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.event.TradeFailed;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.engine.position.Position;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.EventDocument;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransferRulesTest {
    private static final String FUND = "DGF3";
    private static final String ROFR_FUND = "DGF4";
    private static final long DAY = 24 * 3_600_000L;
    private static final Units LOT = Units.of("1000.00");
    private Market m;
    private Scenario s;

    @AfterEach
    void invariantsHeldAtEveryStepAndReplayAgrees() {
        m.replayCheckingInvariants();
    }

    @BeforeEach
    void market() {
        market(new Market());
    }

    /** The market on {@code base} (a journal of the current rules version, or of an older one). */
    private void market(Market base) {
        m = base.participant("Holder-01", Role.HOLDER).participant("Holder-02", Role.HOLDER)
                .participant("Investor-07", Role.INVESTOR, Role.HOLDER).participant("Investor-08", Role.INVESTOR)
                .fund(FUND, false).fund(ROFR_FUND, true)
                .deposit(FUND, "Holder-01", "10000.00", "10000.00")
                .deposit(ROFR_FUND, "Holder-01", "10000.00", "10000.00")
                .deposit(ROFR_FUND, "Holder-02", "5000.00", "5000.00");
        s = m.s;
    }

    private long tradeOf(String fund, String buyer) {
        long listing = m.ok("Holder-01", new ListNegotiated(fund, buyer, LOT, Price.of("1.2000"), 0)).sourceIndex();
        m.ok("Staff-02", new ApproveListing(listing));
        EventDocument accepted = m.ok(buyer, new AcceptListing(listing));
        return ((TradeExecuted) accepted.events().get(0)).tradeId();
    }

    private Position position(String fund, String holder) {
        return s.engine.snapshot().positions().stream()
                .filter(p -> p.fundCode().equals(fund) && p.holder().equals(holder)).findFirst().orElseThrow();
    }

    private Fund fund(String code) {
        return s.engine.snapshot().funds().stream().filter(f -> f.fundCode().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void aListingInAFundWithRofrOpensOnlyAfterStaffRecordTheWaiverUnderRulesVersion3() {
        market(new Market(3));
        long id = m.ok("Holder-01", new ListNegotiated(ROFR_FUND, "Investor-07", LOT, Price.of("1.2000"), 0)).sourceIndex();
        m.refused("Staff-02", new ApproveListing(id), RejectCode.ROFR_NOT_CLEARED);
        m.refused("Staff-01", new ClearRofr(id, RofrDecision.WAIVED, List.of("Investor-07"), null), RejectCode.INVALID_FIELD);
        assertEquals(List.of(new RofrCleared(id, RofrDecision.WAIVED, List.of("Holder-02"), null, "Staff-01")),
                m.ok("Staff-01", new ClearRofr(id, RofrDecision.WAIVED, List.of("Holder-02"), null)).events());
        m.refused("Staff-01", new ClearRofr(id, RofrDecision.WAIVED, List.of(), null), RejectCode.ROFR_NOT_PENDING);
        assertEquals(List.of(new ListingOpened(id)), m.ok("Staff-02", new ApproveListing(id)).events());
    }

    @Test
    void anExercisedRofrCancelsTheListingAndUnlocksItsUnitsUnderRulesVersion3() {
        market(new Market(3));
        long id = m.ok("Holder-01", new ListNegotiated(ROFR_FUND, "Investor-07", LOT, Price.of("1.2000"), 0)).sourceIndex();
        assertEquals(List.of(new RofrCleared(id, RofrDecision.EXERCISED, List.of(), "Holder-02", "Staff-01"),
                        new ListingCancelled(id, LOT, RejectCode.ROFR_NOT_CLEARED.code(), "right of first refusal exercised by Holder-02")),
                m.ok("Staff-01", new ClearRofr(id, RofrDecision.EXERCISED, null, "Holder-02")).events());
        assertEquals(Units.ZERO, position(ROFR_FUND, "Holder-01").locked());
    }

    @Test
    void anUnconfirmedTradeFailsAtItsSettlementDeadlineAndReleasesUnitsAndHolderRoom() {
        long tradeId = tradeOf(FUND, "Investor-07");
        assertEquals(1, fund(FUND).reservedHolders());
        s.advance(Scenario.settleBy(s.time) - 1 - s.time);
        assertEquals(List.of(), s.unsigned(new Tick()).last.events());
        s.advance(1);
        assertEquals(List.of(new TradeFailed(tradeId, FUND, "Holder-01", "Investor-07", LOT,
                RejectCode.SETTLEMENT_DEADLINE_PASSED.code(), "not confirmed by the settlement deadline")),
                s.unsigned(new Tick()).last.events());
        assertEquals(Units.ZERO, position(FUND, "Holder-01").locked());
        assertEquals(0, fund(FUND).reservedHolders());
        m.refused("Staff-01", new ConfirmSettlement(tradeId), RejectCode.TRADE_NOT_PENDING);
    }

    @Test
    void staffFailATradeOnlyByMakerChecker() {
        long tradeId = tradeOf(FUND, "Investor-07");
        m.approved(new FailSettlement(tradeId, "buyer's consideration never arrived"));
        assertEquals(Units.ZERO, position(FUND, "Holder-01").locked());
        m.refused("Staff-01", new ConfirmSettlement(tradeId), RejectCode.TRADE_NOT_PENDING);
    }

    @Test
    void unitsBoughtMayBeResoldOnlyAfterTheAntiFlipBusinessDays() {
        long tradeId = tradeOf(FUND, "Investor-07");
        m.ok("Staff-01", new ConfirmSettlement(tradeId)); // settled on Wednesday 2026-11-18
        m.calendar(new SetHolidays(2026, List.of("2026-11-20")));
        ListNegotiated resale = new ListNegotiated(FUND, "Investor-08", Units.of("500.00"), Price.of("1.3000"), 0);
        s.advance(6 * DAY); // Tuesday 11-24: Thu 19, Mon 23, Tue 24 are business days (Fri 20 is a holiday)
        m.refused("Investor-07", resale, RejectCode.ANTI_FLIP_PERIOD);
        s.advance(DAY);
        m.refused("Investor-07", resale, RejectCode.ANTI_FLIP_PERIOD);
        s.advance(DAY); // Thursday 11-26: the fifth business day after the settlement
        m.ok("Investor-07", resale);
    }

    @Test
    void failingTheTradeThatReservedHolderRoomKeepsTheRoomForTheBuyersOtherPendingTrade() {
        long first = tradeOf(FUND, "Investor-08");
        long second = tradeOf(FUND, "Investor-08");
        assertEquals(1, fund(FUND).reservedHolders());
        m.approved(new FailSettlement(first, "escrow never funded"));
        assertEquals(1, fund(FUND).reservedHolders(), "the second pending trade still needs the place");
        m.ok("Staff-01", new ConfirmSettlement(second));
        assertEquals(0, fund(FUND).reservedHolders());
        assertEquals(2, fund(FUND).holderCount());
    }

    @Test
    void onlyTheUnitsAcquiredByATradeAreHeldBackByAntiFlip() {
        m.deposit(FUND, "Investor-07", "5000.00", "5000.00"); // deposited units are free to sell
        long tradeId = tradeOf(FUND, "Investor-07");
        m.ok("Staff-01", new ConfirmSettlement(tradeId));
        m.ok("Investor-07", new ListNegotiated(FUND, "Investor-08", Units.of("5000.00"), Price.of("1.3000"), 0));
        m.refused("Investor-07", new ListNegotiated(FUND, "Investor-08", Units.of("100.00"), Price.of("1.3000"), 0),
                RejectCode.ANTI_FLIP_PERIOD);
    }
}
