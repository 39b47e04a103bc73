package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fundexchange.engine.cash.CashBalance;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.cash.AccountRef;
import fundexchange.protocol.command.AcceptListing;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ConfirmRegistration;
import fundexchange.protocol.command.ConfirmSettlement;
import fundexchange.protocol.command.FundTrade;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.OverrideSettlement;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.RecordCashReceipt;
import fundexchange.protocol.command.RefuseRegistration;
import fundexchange.protocol.command.SetPlatformParameter;
import fundexchange.protocol.command.SetTransferTerms;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.event.DepositHeldForTrade;
import fundexchange.protocol.event.DepositLocked;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.PayoutInstructed;
import fundexchange.protocol.event.RegistrationConfirmed;
import fundexchange.protocol.event.TradeCashSettled;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.event.TradeFailed;
import fundexchange.protocol.event.TradeFunded;
import fundexchange.protocol.event.TradeFundingLocked;
import fundexchange.protocol.event.TradeFundingReleased;
import fundexchange.protocol.event.TradeProceedsLocked;
import fundexchange.protocol.event.TradeProceedsReleased;
import fundexchange.protocol.event.TradeProceedsReturned;
import fundexchange.protocol.event.TradeSettled;
import fundexchange.protocol.event.TradeUnitsDelivered;
import fundexchange.protocol.event.TradeUnitsReturned;
import fundexchange.protocol.event.RegistrationRefused;
import fundexchange.engine.position.Position;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.transfer.PriorityOrder;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery versus payment and fees (issue 22, rules version 8) beyond the golden scenarios: the version-7 outcome
 * kept, the gate on an active settlement bank, a fund's manager participant as registrar, and a deposit held for a
 * trade (applied when funded, forfeited to the seller when not). From rules version 9 the units move when the trade is
 * funded, locked with the buyer until the registration change, and an unwind returns them; version 8 keeps moving them
 * at the registration change. Each test replays its journal checking the invariants, cash and units conservation
 * among them.
 */
class DeliveryVersusPaymentTest {
    private static final String TODAY = "2026-11-18";
    private static final AccountRef INVESTOR = AccountRef.participant("Investor-07");
    private static final AccountRef HOLDER = AccountRef.participant("Holder-01");
    private Market m;

    private Market market(Market base, boolean bank) {
        m = base;
        // the version-8 market (new Market(DELIVERY_VERSUS_PAYMENT)) has no calendar at genesis; the current one has
        if (base.s.engine.state().rulesVersion < fundexchange.protocol.RulesVersion.UNITS_AT_FUNDING) {
            m.calendar(new fundexchange.protocol.command.SetHolidays(2026, List.of(), List.of()));
        }
        m = base.participant("Holder-01", Role.HOLDER).participant("Investor-07", Role.INVESTOR)
                .fund("DGF3", false).deposit("DGF3", "Holder-01", "100000.00", "100000.00");
        if (bank) {
            m.participant("Bank-01", Role.BANK);
            m.ok("Bank-01", new RecordCashReceipt("Investor-07", "CNY", Money.of("50000.00"), "BOC-R-0001", TODAY));
        }
        return m;
    }

    @AfterEach
    void replayAgrees() {
        m.replayCheckingInvariants();
    }

    /** Lists, approves and accepts 10000 units at 1.0000 (10000.00); returns the trade. */
    private TradeExecuted trade() {
        long listing = m.ok("Holder-01", new ListNegotiated("DGF3", "Investor-07", Units.of("10000.00"),
                Price.of("1.0000"), 0)).sourceIndex();
        m.ok("Staff-02", new ApproveListing(listing));
        EventDocument accepted = m.ok("Investor-07", new AcceptListing(listing));
        return (TradeExecuted) accepted.events().getFirst();
    }

    private CashBalance balance(AccountRef account) {
        return m.s.engine.state().cash.balance("CNY", account);
    }

    @Test
    void aVersionSevenJournalSettlesByStaffConfirmationWithoutFeesEvenWithABank() {
        market(new Market(7), true);
        TradeExecuted trade = trade();
        assertNull(trade.buyerFee());
        assertNull(trade.sellerFee());
        m.refused("Investor-07", new FundTrade(trade.tradeId()), RejectCode.DVP_NOT_IN_RULES);
        m.refused("Staff-01", new ConfirmRegistration(trade.tradeId()), RejectCode.DVP_NOT_IN_RULES);
        m.refused("Staff-01", new RefuseRegistration(trade.tradeId(), "r"), RejectCode.DVP_NOT_IN_RULES);
        m.refused("Staff-01", new Propose(new OverrideSettlement(trade.tradeId(), "r")), RejectCode.DVP_NOT_IN_RULES);
        m.refused("Staff-01", new Propose(new SetPlatformParameter("fee-book-buyer-bps", "5")),
                RejectCode.INVALID_PARAMETER);
        m.refused("Staff-01", new Propose(new SetPlatformParameter("registration-business-days", "5")),
                RejectCode.INVALID_PARAMETER);
        EventDocument settled = m.ok("Staff-01", new ConfirmSettlement(trade.tradeId()));
        assertEquals(1, settled.events().size());
        assertEquals(TradeSettled.class, settled.events().getFirst().getClass());
        assertEquals(new CashBalance("CNY", INVESTOR, Money.of("50000.00"), Money.ZERO), balance(INVESTOR));
    }

    @Test
    void withoutAnActiveSettlementBankAVersionEightTradeSettlesByStaffConfirmationAsBefore() {
        market(new Market(), false);
        TradeExecuted trade = trade();
        assertNull(trade.buyerFee());
        m.refused("Investor-07", new FundTrade(trade.tradeId()), RejectCode.DVP_NOT_IN_RULES);
        EventDocument settled = m.ok("Staff-01", new ConfirmSettlement(trade.tradeId()));
        assertEquals(TradeSettled.class, settled.events().getFirst().getClass());
    }

    @Test
    void aFundsManagerParticipantConfirmsItsRegistrationChangesAndNobodyElse() {
        market(new Market(), true);
        m.participant("Manager-01", Role.MANAGER);
        m.approved(new SetTransferTerms("DGF3", "Manager-01", false, null, PriorityOrder.NONE, null, null, List.of(),
                "ab".repeat(32)));
        TradeExecuted trade = trade();
        EventDocument funded = m.ok("Investor-07", new FundTrade(trade.tradeId()));
        TradeFunded awaiting = (TradeFunded) funded.events().get(1);
        assertEquals("Manager-01", awaiting.manager());
        m.refused("Staff-01", new ConfirmRegistration(trade.tradeId()), RejectCode.NOT_FUND_MANAGER);
        m.refused("Holder-01", new ConfirmRegistration(trade.tradeId()), RejectCode.NOT_FUND_MANAGER);
        // The registrar was fixed at the trade: new terms naming another manager do not move it, and that manager,
        // not party, is refused as for an unknown trade (a refusal tells it nothing of the trade).
        m.participant("Manager-02", Role.MANAGER).participant("Investor-08", Role.INVESTOR);
        m.approved(new SetTransferTerms("DGF3", "Manager-02", false, null, PriorityOrder.NONE, null, null, List.of(),
                "cd".repeat(32)));
        m.refused("Manager-02", new ConfirmRegistration(trade.tradeId()), RejectCode.UNKNOWN_TRADE);
        m.refused("Manager-02", new RefuseRegistration(trade.tradeId(), "no"), RejectCode.UNKNOWN_TRADE);
        m.refused("Investor-08", new FundTrade(trade.tradeId()), RejectCode.UNKNOWN_TRADE);
        m.refused("Holder-01", new FundTrade(trade.tradeId()), RejectCode.NOT_TRADE_BUYER);
        EventDocument confirmed = m.ok("Manager-01", new ConfirmRegistration(trade.tradeId()));
        long instruction = confirmed.sourceIndex() * 4096;
        List<Event> events = confirmed.events();
        assertEquals(new RegistrationConfirmed(trade.tradeId(), "DGF3", "Holder-01", "Investor-07", "Manager-01"),
                events.get(0));
        assertEquals(new TradeProceedsReleased(trade.tradeId(), "DGF3", "Holder-01", "Investor-07", "CNY",
                Money.of("9900.00"), Money.of("200.00")), events.get(2));
        assertEquals(new PayoutInstructed(instruction, HOLDER, "CNY", Money.of("9900.00"), null, null), events.get(3));
        assertEquals(new CashBalance("CNY", INVESTOR, Money.of("39900.00"), Money.ZERO), balance(INVESTOR));
        assertEquals(new CashBalance("CNY", HOLDER, Money.ZERO, Money.of("9900.00")), balance(HOLDER));
        assertEquals(new CashBalance("CNY", AccountRef.REVENUE, Money.of("200.00"), Money.ZERO),
                balance(AccountRef.REVENUE));
    }

    @Test
    void aFundsManagerThatIsTheBuyerNeverConfirmsItsOwnTradeAStaffMemberNotPartyDoes() {
        m = new Market().participant("Holder-01", Role.HOLDER)
                .participant("Investor-07", Role.INVESTOR, Role.MANAGER).fund("DGF3", false)
                .deposit("DGF3", "Holder-01", "100000.00", "100000.00");
        m.participant("Bank-01", Role.BANK);
        m.ok("Bank-01", new RecordCashReceipt("Investor-07", "CNY", Money.of("50000.00"), "BOC-R-0001", TODAY));
        m.approved(new SetTransferTerms("DGF3", "Investor-07", false, null, PriorityOrder.NONE, null, null, List.of(),
                "ab".repeat(32)));
        TradeExecuted trade = trade();
        EventDocument funded = m.ok("Investor-07", new FundTrade(trade.tradeId()));
        assertNull(((TradeFunded) funded.events().get(1)).manager());
        m.refused("Investor-07", new ConfirmRegistration(trade.tradeId()), RejectCode.REGISTRAR_NOT_STAFF);
        m.refused("Investor-07", new RefuseRegistration(trade.tradeId(), "mine"), RejectCode.REGISTRAR_NOT_STAFF);
        EventDocument confirmed = m.ok("Staff-01", new ConfirmRegistration(trade.tradeId()));
        assertEquals(new RegistrationConfirmed(trade.tradeId(), "DGF3", "Holder-01", "Investor-07", "Staff-01"),
                confirmed.events().getFirst());
    }

    @Test
    void aBidWhoseLotIsWorthLessThanTheMinimumFeeIsRefusedAtEntryAndAnAdequateOneIsTaken() {
        market(new Market(), true);
        long start = m.s.time;
        long listing = m.ok("Holder-01", new fundexchange.protocol.command.ListAuction("DGF3",
                fundexchange.protocol.listing.ListingMechanism.ENGLISH, Units.of("100.00"), Price.of("0.5000"), null,
                Price.of("0.0100"), start, start + 3_600_000L, 0L, 0L, false, null)).sourceIndex();
        m.ok("Staff-02", new ApproveListing(listing));
        // 100 units at 0.9000 is 90.00, below the default minimum fee of 100.00 for English auctions.
        m.refused("Investor-07", new fundexchange.protocol.command.PlaceBid(listing, Price.of("0.9000"), null),
                RejectCode.FEE_ABOVE_CONSIDERATION);
        m.ok("Investor-07", new fundexchange.protocol.command.PlaceBid(listing, Price.of("1.0000"), null));
    }

    /**
     * A deposit held for the trade (locked and held by the acceptance; an auction's close holds the winner's, golden
     * {@code dvp-deposit-applied.json}) counts toward funding and is applied.
     */
    @Test
    void aHeldDepositCountsTowardFundingAndIsAppliedAtSettlement() {
        market(new Market(), true);
        TradeExecuted trade = tradeWithDeposit("3000.00");
        EventDocument funded = m.ok("Investor-07", new FundTrade(trade.tradeId()));
        assertEquals(new TradeFundingLocked(trade.tradeId(), "Investor-07", "CNY", Money.of("7100.00"),
                Money.of("10100.00"), Money.of("10100.00")), funded.events().get(0));
        assertEquals(new TradeProceedsLocked(trade.tradeId(), "DGF3", "Holder-01", "Investor-07", "CNY",
                Money.of("10000.00"), Money.of("100.00"), Money.of("100.00"), Money.of("3000.00"), Money.ZERO),
                funded.events().get(3));
        m.ok("Staff-01", new ConfirmRegistration(trade.tradeId()));
        assertEquals(new CashBalance("CNY", INVESTOR, Money.of("39900.00"), Money.ZERO), balance(INVESTOR));
        assertEquals(0, m.s.engine.state().cash.depositsByTrade().size());
    }

    @Test
    void aSuspendedSellersProceedsStayInItsAvailableCashWithoutAPayout() {
        market(new Market(), true);
        TradeExecuted trade = trade();
        m.ok("Investor-07", new FundTrade(trade.tradeId()));
        m.approved(new fundexchange.protocol.command.SuspendParticipant("Holder-01", "audit"));
        EventDocument confirmed = m.ok("Staff-01", new ConfirmRegistration(trade.tradeId()));
        assertEquals(List.of(RegistrationConfirmed.class, TradeSettled.class, TradeProceedsReleased.class),
                confirmed.events().stream().map(Object::getClass).toList());
        assertEquals(new CashBalance("CNY", HOLDER, Money.of("9900.00"), Money.ZERO), balance(HOLDER));
    }

    @Test
    void aHeldDepositIsForfeitedToTheSellerWhenTheBuyerDoesNotFundByTheDeadline() {
        market(new Market(), true);
        TradeExecuted trade = tradeWithDeposit("3000.00");
        m.s.time = trade.settleBy();
        EventDocument tick = m.s.unsigned(new Tick()).last;
        assertEquals(List.of(new TradeFailed(trade.tradeId(), "DGF3", "Holder-01", "Investor-07", Units.of("10000.00"),
                        RejectCode.FUNDING_DEADLINE_PASSED.code(), "not funded by the settlement deadline"),
                new TradeFundingReleased(trade.tradeId(), "Holder-01", "Investor-07", "CNY", Money.ZERO,
                        Money.of("3000.00"))), tick.events());
        assertEquals(new CashBalance("CNY", INVESTOR, Money.of("47000.00"), Money.ZERO), balance(INVESTOR));
        assertEquals(new CashBalance("CNY", HOLDER, Money.of("3000.00"), Money.ZERO), balance(HOLDER));
    }

    @Test
    void aHeldDepositThatCoversWhatIsDueFundsTheTradeAtTheDeadlineWithoutFundTrade() {
        market(new Market(), true);
        TradeExecuted second = tradeWithDepositCoveringAll();
        m.s.time = second.settleBy();
        EventDocument tick = m.s.unsigned(new Tick()).last;
        assertEquals(List.of(TradeFunded.class, TradeUnitsDelivered.class, TradeProceedsLocked.class),
                tick.events().stream().map(Object::getClass).toList());
        TradeFunded funded = (TradeFunded) tick.events().getFirst();
        assertEquals(second.tradeId(), funded.tradeId());
        assertEquals(new TradeProceedsLocked(second.tradeId(), "DGF3", "Holder-01", "Investor-07", "CNY",
                Money.of("100.00"), Money.ZERO, Money.of("100.00"), Money.of("100.00"), Money.ZERO),
                tick.events().get(2));
        EventDocument confirmed = m.ok("Staff-01", new ConfirmRegistration(second.tradeId()));
        assertEquals(new TradeProceedsReleased(second.tradeId(), "DGF3", "Holder-01", "Investor-07", "CNY",
                Money.ZERO, Money.of("100.00")), confirmed.events().get(2));
    }

    private Position position(String holder) {
        return position("DGF3", holder);
    }

    private Position position(String fund, String holder) {
        return m.s.engine.state().position(fund, holder);
    }

    @Test
    void fundedUnitsMoveToTheBuyerLockedPendingRegistrationAndTheRegistrationChangeFreesThem() {
        market(new Market(), true);
        TradeExecuted trade = trade();
        EventDocument funded = m.ok("Investor-07", new FundTrade(trade.tradeId()));
        assertEquals(List.of(new TradeFundingLocked(trade.tradeId(), "Investor-07", "CNY", Money.of("10100.00"),
                        Money.of("10100.00"), Money.of("10100.00")),
                funded.events().get(1),
                new TradeUnitsDelivered(trade.tradeId(), "DGF3", "Holder-01", "Investor-07", null, Units.of("10000.00"),
                        Money.of("10000.00"), Money.of("10000.00"), 2, null, null),
                new TradeProceedsLocked(trade.tradeId(), "DGF3", "Holder-01", "Investor-07", "CNY",
                        Money.of("10000.00"), Money.of("100.00"), Money.of("100.00"), Money.ZERO, Money.ZERO)),
                funded.events());
        assertEquals(Units.of("90000.00"), position("Holder-01").units());
        assertEquals(Units.ZERO, position("Holder-01").locked());
        assertEquals(Units.of("10000.00"), position("Investor-07").units());
        assertEquals(Units.of("10000.00"), position("Investor-07").pendingRegistration());
        assertEquals(Units.ZERO, position("Investor-07").available());
        assertEquals(new CashBalance("CNY", INVESTOR, Money.of("39900.00"), Money.ZERO), balance(INVESTOR));
        assertEquals(new CashBalance("CNY", HOLDER, Money.ZERO, Money.of("9900.00")), balance(HOLDER));
        assertEquals(new CashBalance("CNY", AccountRef.REVENUE, Money.ZERO, Money.of("200.00")),
                balance(AccountRef.REVENUE));
        // The buyer may not list, pledge or withdraw what it holds pending registration, nor the seller its proceeds.
        m.refused("Staff-01", new fundexchange.protocol.command.RegisterPledge("DGF3", "Investor-07",
                Units.of("100.00"), "Demo Bank", null, "ab".repeat(32)), RejectCode.INSUFFICIENT_UNITS);
        m.refused("Staff-01", new Propose(new fundexchange.protocol.command.FreezeUnits("DGF3", "Investor-07",
                Units.of("100.00"), "Demo District Court", "(2026) Demo 0001", "cd".repeat(32))),
                RejectCode.INSUFFICIENT_UNITS);
        m.refused("Holder-01", new fundexchange.protocol.command.WithdrawCash("CNY", Money.of("1.00")),
                RejectCode.INSUFFICIENT_CASH);
        EventDocument confirmed = m.ok("Staff-01", new ConfirmRegistration(trade.tradeId()));
        assertEquals(List.of(new RegistrationConfirmed(trade.tradeId(), "DGF3", "Holder-01", "Investor-07", "Staff-01"),
                new TradeSettled(trade.tradeId(), "DGF3", "Holder-01", "Investor-07", Units.of("10000.00"),
                        Money.of("10000.00"), Money.of("10000.00"), 2, TODAY, null, null, true),
                new TradeProceedsReleased(trade.tradeId(), "DGF3", "Holder-01", "Investor-07", "CNY",
                        Money.of("9900.00"), Money.of("200.00")),
                new PayoutInstructed(confirmed.sourceIndex() * 4096, HOLDER, "CNY", Money.of("9900.00"), null, null)),
                confirmed.events());
        assertEquals(Units.of("10000.00"), position("Investor-07").units());
        assertEquals(Units.ZERO, position("Investor-07").pendingRegistration());
        assertEquals(Units.of("10000.00"), position("Investor-07").available());
        assertEquals(new CashBalance("CNY", HOLDER, Money.ZERO, Money.of("9900.00")), balance(HOLDER));
        assertEquals(new CashBalance("CNY", AccountRef.REVENUE, Money.of("200.00"), Money.ZERO),
                balance(AccountRef.REVENUE));
    }

    @Test
    void aBuyerThatIsAlsoAHolderCannotListOrSellOnTheBookUnitsPendingRegistrationUntilTheChangeIsConfirmed() {
        market(new Market(), true);
        m.participant("Holder-02", Role.HOLDER, Role.INVESTOR);
        m.ok("Bank-01", new RecordCashReceipt("Holder-02", "CNY", Money.of("50000.00"), "BOC-R-0002", TODAY));
        long listing = m.ok("Holder-01", new ListNegotiated("DGF3", "Holder-02", Units.of("10000.00"),
                Price.of("1.0000"), 0)).sourceIndex();
        m.ok("Staff-02", new ApproveListing(listing));
        TradeExecuted trade = (TradeExecuted) m.ok("Holder-02", new AcceptListing(listing)).events().getFirst();
        m.ok("Holder-02", new FundTrade(trade.tradeId()));
        m.refused("Holder-02", new ListNegotiated("DGF3", "Investor-07", Units.of("100.00"), Price.of("1.0000"), 0),
                RejectCode.INSUFFICIENT_UNITS);
        m.ok("Staff-01", new fundexchange.protocol.command.OpenBook("DGF3", Units.of("100.00")));
        m.refused("Holder-02", new fundexchange.protocol.command.PlaceOrder("DGF3", fundexchange.protocol.book.Side.SELL,
                Units.of("100.00"), Price.of("1.0000")), RejectCode.INSUFFICIENT_UNITS);
        m.ok("Staff-01", new ConfirmRegistration(trade.tradeId()));
        assertEquals(Units.of("10000.00"), position("Holder-02").available());
    }

    @Test
    void unitsPendingRegistrationNeverCoverTheSaleOfUnitsStillInsideTheAntiFlipPeriod() {
        market(new Market(), true);
        m.participant("Holder-02", Role.HOLDER, Role.INVESTOR);
        m.ok("Bank-01", new RecordCashReceipt("Holder-02", "CNY", Money.of("50000.00"), "BOC-R-0002", TODAY));
        TradeExecuted first = tradeTo("Holder-02");
        m.ok("Holder-02", new FundTrade(first.tradeId()));
        m.ok("Staff-01", new ConfirmRegistration(first.tradeId())); // 10000 units acquired today: restricted
        TradeExecuted second = tradeTo("Holder-02");
        m.ok("Holder-02", new FundTrade(second.tradeId())); // 10000 more, pending registration
        assertEquals(Units.of("10000.00"), position("Holder-02").available());
        m.refused("Holder-02", new ListNegotiated("DGF3", "Investor-07", Units.of("100.00"), Price.of("1.0000"), 0),
                RejectCode.ANTI_FLIP_PERIOD);
    }

    @Test
    void aRestoredSnapshotRebuildsTheSellersAwaitingRegistrationAndTheActiveBanks() {
        market(new Market(), true);
        TradeExecuted trade = trade();
        m.ok("Investor-07", new FundTrade(trade.tradeId()));
        ExchangeState restored = Engine.restore(m.s.engine.snapshot()).state();
        assertEquals(m.s.engine.state().deliveredBySeller, restored.deliveredBySeller);
        assertEquals(true, restored.sellsAwaitingRegistration("DGF3", "Holder-01"));
        assertEquals(m.s.engine.state().activeBanks, restored.activeBanks);
        m.ok("Staff-01", new ConfirmRegistration(trade.tradeId()));
        assertEquals(false, m.s.engine.state().sellsAwaitingRegistration("DGF3", "Holder-01"));
    }

    /** Lists, approves and accepts 10000 units of DGF3 at 1.0000 from Holder-01 to {@code buyer}. */
    private TradeExecuted tradeTo(String buyer) {
        long listing = m.ok("Holder-01", new ListNegotiated("DGF3", buyer, Units.of("10000.00"),
                Price.of("1.0000"), 0)).sourceIndex();
        m.ok("Staff-02", new ApproveListing(listing));
        return (TradeExecuted) m.ok(buyer, new AcceptListing(listing)).events().getFirst();
    }

    @Test
    void aBookBatchMixingADeliveredTradeAndAStaffConfirmedOneCountsHoldersOnceAfterTheBankIsSuspendedMidDay() {
        market(new Market(), true);
        m.participant("Investor-08", Role.INVESTOR);
        m.ok("Staff-01", new fundexchange.protocol.command.OpenBook("DGF3", Units.of("100.00")));
        m.ok("Investor-07", new fundexchange.protocol.command.PlaceOrder("DGF3", fundexchange.protocol.book.Side.BUY,
                Units.of("1000.00"), Price.of("1.0000")));
        m.ok("Holder-01", new fundexchange.protocol.command.PlaceOrder("DGF3", fundexchange.protocol.book.Side.SELL,
                Units.of("1000.00"), Price.of("1.0000")));
        m.approved(new fundexchange.protocol.command.SuspendParticipant("Bank-01", "review"));
        assertEquals(false, m.s.engine.state().activeBanks.contains("Bank-01"));
        m.ok("Investor-08", new fundexchange.protocol.command.PlaceOrder("DGF3", fundexchange.protocol.book.Side.BUY,
                Units.of("500.00"), Price.of("1.0000")));
        m.ok("Holder-01", new fundexchange.protocol.command.PlaceOrder("DGF3", fundexchange.protocol.book.Side.SELL,
                Units.of("500.00"), Price.of("1.0000")));
        EventDocument batch = m.ok("Staff-01", new fundexchange.protocol.command.SettleBookBatch("DGF3", TODAY));
        // In trade id order: the funded trade delivers to a new holder (2), the staff-confirmed one adds another (3).
        assertEquals(List.of(2, 3), batch.events().stream().<Integer>mapMulti((e, out) -> {
            if (e instanceof TradeUnitsDelivered d) {
                out.accept(d.holderCount());
            } else if (e instanceof TradeSettled t) {
                out.accept(t.holderCount());
            }
        }).toList());
        assertEquals(3, m.s.engine.state().funds.get("DGF3").holderCount());
        m.approved(new fundexchange.protocol.command.ReinstateParticipant("Bank-01", "review done"));
        assertEquals(true, m.s.engine.state().activeBanks.contains("Bank-01"));
    }

    @Test
    void aBuyerWhoseUnitsAwaitRegistrationHoldsNoPriorityRightYet() {
        long first = noticedListing(new Market());
        m.ok("Bank-01", new RecordCashReceipt("Investor-07", "CNY", Money.of("5000.00"), "BOC-R-0001", TODAY));
        m.ok("Manager-01", new fundexchange.protocol.command.AnswerTransferNotice(first,
                fundexchange.protocol.transfer.NoticeAnswer.WAIVE, null, null));
        m.ok("Holder-02", new fundexchange.protocol.command.AnswerTransferNotice(first,
                fundexchange.protocol.transfer.NoticeAnswer.WAIVE, null, null));
        m.ok("Staff-02", new ApproveListing(first));
        TradeExecuted trade = (TradeExecuted) m.ok("Investor-07", new AcceptListing(first)).events().getFirst();
        m.ok("Investor-07", new FundTrade(trade.tradeId()));
        assertEquals(Units.of("1000.00"), position("DGP1", "Investor-07").pendingRegistration());
        // Holder-01 sells to Holder-02: Investor-07's units are not yet registered to it, so it is not told.
        EventDocument listed = m.ok("Holder-01", new ListNegotiated("DGP1", "Holder-02", Units.of("1000.00"),
                Price.of("0.5000"), 0));
        fundexchange.protocol.event.TransferNoticeIssued notice = listed.events().stream()
                .filter(e -> e instanceof fundexchange.protocol.event.TransferNoticeIssued)
                .map(e -> (fundexchange.protocol.event.TransferNoticeIssued) e).findFirst().orElseThrow();
        assertEquals(List.of(), notice.holders());
        m.ok("Manager-01", new ConfirmRegistration(trade.tradeId()));
        EventDocument later = m.ok("Holder-01", new ListNegotiated("DGP1", "Holder-02", Units.of("1000.00"),
                Price.of("0.5000"), 0));
        assertEquals(List.of(new fundexchange.protocol.event.TransferNoticeIssued.NoticeHolder("Investor-07",
                        Units.of("1000.00"))),
                later.events().stream().filter(e -> e instanceof fundexchange.protocol.event.TransferNoticeIssued)
                        .map(e -> ((fundexchange.protocol.event.TransferNoticeIssued) e).holders()).findFirst()
                        .orElseThrow());
    }

    @Test
    void aRefusedRegistrationReturnsTheUnitsToTheSellerAndTheCashToTheBuyer() {
        market(new Market(), true);
        TradeExecuted trade = trade();
        m.ok("Investor-07", new FundTrade(trade.tradeId()));
        EventDocument refused = m.ok("Staff-01", new RefuseRegistration(trade.tradeId(), "register not changed"));
        assertEquals(List.of(new RegistrationRefused(trade.tradeId(), "DGF3", "Holder-01", "Investor-07", "Staff-01",
                        "register not changed"),
                new TradeUnitsReturned(trade.tradeId(), "DGF3", "Holder-01", "Investor-07", null, Units.of("10000.00"),
                        Money.of("10000.00"), Money.of("10000.00"), 1, null, null),
                new TradeProceedsReturned(trade.tradeId(), "DGF3", "Holder-01", "Investor-07", "CNY",
                        Money.of("9900.00"), Money.of("200.00")),
                new TradeFailed(trade.tradeId(), "DGF3", "Holder-01", "Investor-07", Units.of("10000.00"),
                        RejectCode.REGISTRATION_REFUSED.code(), "register not changed"),
                new TradeFundingReleased(trade.tradeId(), "Holder-01", "Investor-07", "CNY", Money.of("10100.00"),
                        Money.ZERO)), refused.events());
        assertEquals(Units.of("100000.00"), position("Holder-01").units());
        assertEquals(Units.ZERO, position("Holder-01").locked());
        assertEquals(Money.of("100000.00"), position("Holder-01").cost());
        assertEquals(Units.ZERO, position("Investor-07").units());
        assertEquals(new CashBalance("CNY", INVESTOR, Money.of("50000.00"), Money.ZERO), balance(INVESTOR));
        assertEquals(new CashBalance("CNY", HOLDER, Money.ZERO, Money.ZERO), balance(HOLDER));
        assertEquals(new CashBalance("CNY", AccountRef.REVENUE, Money.ZERO, Money.ZERO), balance(AccountRef.REVENUE));
        m.refused("Staff-01", new ConfirmRegistration(trade.tradeId()), RejectCode.TRADE_NOT_AWAITING_REGISTRATION);
    }

    @Test
    void aMissedRegistrationDeadlineUnwindsADeliveredTrade() {
        market(new Market(), true);
        TradeExecuted trade = trade();
        TradeFunded funded = (TradeFunded) m.ok("Investor-07", new FundTrade(trade.tradeId())).events().get(1);
        m.s.time = funded.registrationDue();
        EventDocument tick = m.s.unsigned(new Tick()).last;
        assertEquals(List.of(TradeUnitsReturned.class, TradeProceedsReturned.class, TradeFailed.class,
                TradeFundingReleased.class), tick.events().stream().map(Object::getClass).toList());
        assertEquals(RejectCode.REGISTRATION_DEADLINE_PASSED.code(), ((TradeFailed) tick.events().get(2)).rejectCode());
        assertEquals(Units.of("100000.00"), position("Holder-01").available());
        assertEquals(new CashBalance("CNY", INVESTOR, Money.of("50000.00"), Money.ZERO), balance(INVESTOR));
    }

    @Test
    void staffFailingADeliveredTradeByMakerCheckerUnwindsIt() {
        market(new Market(), true);
        TradeExecuted trade = trade();
        m.ok("Investor-07", new FundTrade(trade.tradeId()));
        m.approved(new fundexchange.protocol.command.FailSettlement(trade.tradeId(), "registrar unreachable"));
        assertEquals(Units.of("100000.00"), position("Holder-01").available());
        assertEquals(Units.ZERO, position("Investor-07").units());
        assertEquals(new CashBalance("CNY", INVESTOR, Money.of("50000.00"), Money.ZERO), balance(INVESTOR));
    }

    @Test
    void staffOverridingADeliveredTradeByMakerCheckerMakesItFinalWithoutMovingUnitsAgain() {
        market(new Market(), true);
        TradeExecuted trade = trade();
        m.ok("Investor-07", new FundTrade(trade.tradeId()));
        EventDocument proposal = m.ok("Staff-01", new Propose(new OverrideSettlement(trade.tradeId(), "registered")));
        EventDocument approved = m.ok("Staff-02", new fundexchange.protocol.command.ApproveProposal(
                proposal.sourceIndex()));
        assertEquals(List.of(fundexchange.protocol.event.ProposalApproved.class,
                fundexchange.protocol.event.SettlementOverridden.class, TradeSettled.class,
                TradeProceedsReleased.class, PayoutInstructed.class),
                approved.events().stream().map(Object::getClass).toList());
        assertEquals(Boolean.TRUE, ((TradeSettled) approved.events().get(2)).unitsDelivered());
        assertEquals(Units.of("90000.00"), position("Holder-01").units());
        assertEquals(Units.of("10000.00"), position("Investor-07").available());
        assertEquals(new CashBalance("CNY", AccountRef.REVENUE, Money.of("200.00"), Money.ZERO),
                balance(AccountRef.REVENUE));
    }

    @Test
    void aVersionEightJournalMovesTheUnitsOnlyAtTheRegistrationChange() {
        market(new Market(fundexchange.protocol.RulesVersion.DELIVERY_VERSUS_PAYMENT), true);
        TradeExecuted trade = trade();
        EventDocument funded = m.ok("Investor-07", new FundTrade(trade.tradeId()));
        assertEquals(List.of(TradeFundingLocked.class, TradeFunded.class),
                funded.events().stream().map(Object::getClass).toList());
        assertEquals(Units.of("100000.00"), position("Holder-01").units());
        assertEquals(Units.of("10000.00"), position("Holder-01").locked());
        assertEquals(new CashBalance("CNY", INVESTOR, Money.of("39900.00"), Money.of("10100.00")), balance(INVESTOR));
        EventDocument confirmed = m.ok("Staff-01", new ConfirmRegistration(trade.tradeId()));
        assertEquals(List.of(RegistrationConfirmed.class, TradeSettled.class, TradeCashSettled.class,
                PayoutInstructed.class), confirmed.events().stream().map(Object::getClass).toList());
        assertNull(((TradeSettled) confirmed.events().get(1)).unitsDelivered());
        assertEquals(Units.of("10000.00"), position("Investor-07").available());
    }

    @Test
    void aVersionEightJournalUnwindsARefusedRegistrationWithoutMovingUnits() {
        market(new Market(fundexchange.protocol.RulesVersion.DELIVERY_VERSUS_PAYMENT), true);
        TradeExecuted trade = trade();
        m.ok("Investor-07", new FundTrade(trade.tradeId()));
        EventDocument refused = m.ok("Staff-01", new RefuseRegistration(trade.tradeId(), "no"));
        assertEquals(List.of(RegistrationRefused.class, TradeFailed.class, TradeFundingReleased.class),
                refused.events().stream().map(Object::getClass).toList());
        assertEquals(Units.of("100000.00"), position("Holder-01").available());
    }

    /**
     * A partnership fund DGP1 with the default terms (consent, the manager first then pro rata), a bank active, and a
     * negotiated listing of 1000 units at 0.5000 noticed to Holder-02; returns the listing id after the manager's
     * consent. An exercise of 100 units is worth 50.00, below the negotiated minimum fee of 100.00.
     */
    private long noticedListing(Market base) {
        m = base;
        // the version-8 market (new Market(DELIVERY_VERSUS_PAYMENT)) has no calendar at genesis; the current one has
        if (base.s.engine.state().rulesVersion < fundexchange.protocol.RulesVersion.UNITS_AT_FUNDING) {
            m.calendar(new fundexchange.protocol.command.SetHolidays(2026, List.of(), List.of()));
        }
        m.participant("Manager-01", Role.MANAGER).participant("Holder-01", Role.HOLDER)
                .participant("Holder-02", Role.HOLDER, Role.INVESTOR).participant("Investor-07", Role.INVESTOR)
                .fund("DGP1", false).deposit("DGP1", "Holder-01", "10000.00", "10000.00")
                .deposit("DGP1", "Holder-02", "3000.00", "3000.00");
        m.participant("Bank-01", Role.BANK);
        m.approved(new SetTransferTerms("DGP1", "Manager-01", null, null, null, null, null, List.of(), "ab".repeat(32)));
        long listing = m.ok("Holder-01", new ListNegotiated("DGP1", "Investor-07", Units.of("1000.00"),
                Price.of("0.5000"), 0)).sourceIndex();
        m.ok("Manager-01", new fundexchange.protocol.command.AnswerTransferNotice(listing,
                fundexchange.protocol.transfer.NoticeAnswer.CONSENT, null, null));
        return listing;
    }

    @Test
    void aPriorityRightExerciseBelowTheMinimumFeeIsRefusedAtEntry() {
        long listing = noticedListing(new Market());
        m.refused("Holder-02", new fundexchange.protocol.command.AnswerTransferNotice(listing,
                fundexchange.protocol.transfer.NoticeAnswer.EXERCISE, Units.of("100.00"), null),
                RejectCode.FEE_ABOVE_CONSIDERATION);
        m.ok("Holder-02", new fundexchange.protocol.command.AnswerTransferNotice(listing,
                fundexchange.protocol.transfer.NoticeAnswer.EXERCISE, Units.of("200.00"), null));
    }

    @Test
    void aVersionEightJournalTakesAPriorityRightExerciseBelowTheMinimumFee() {
        long listing = noticedListing(new Market(fundexchange.protocol.RulesVersion.DELIVERY_VERSUS_PAYMENT));
        m.ok("Holder-02", new fundexchange.protocol.command.AnswerTransferNotice(listing,
                fundexchange.protocol.transfer.NoticeAnswer.EXERCISE, Units.of("100.00"), null));
    }

    /** A lot of 100 units at 1.0000 (100.00) under a zero negotiated buyer fee, with a deposit of all of it. */
    private TradeExecuted tradeWithDepositCoveringAll() {
        m.approved(new SetPlatformParameter("fee-negotiated-buyer-bps", "0"));
        long listing = m.ok("Holder-01", new ListNegotiated("DGF3", "Investor-07", Units.of("100.00"),
                Price.of("1.0000"), 0, Money.of("100.00"), null)).sourceIndex();
        m.ok("Staff-02", new ApproveListing(listing));
        return (TradeExecuted) m.ok("Investor-07", new AcceptListing(listing)).events().get(1);
    }

    /**
     * Lists 10000 units at 1.0000 to Investor-07 asking a deposit of {@code deposit}, approves and accepts: the
     * acceptance locks the deposit and holds it for its trade in one document (rules version 8); returns the trade.
     */
    private TradeExecuted tradeWithDeposit(String deposit) {
        long listing = m.ok("Holder-01", new ListNegotiated("DGF3", "Investor-07", Units.of("10000.00"),
                Price.of("1.0000"), 0, Money.of(deposit), null)).sourceIndex();
        m.ok("Staff-02", new ApproveListing(listing));
        EventDocument accepted = m.ok("Investor-07", new AcceptListing(listing));
        TradeExecuted trade = (TradeExecuted) accepted.events().get(1);
        assertEquals(List.of(new DepositLocked(listing, "Investor-07", "CNY", Money.of(deposit)), trade,
                new DepositHeldForTrade(listing, trade.tradeId(), "Investor-07", "CNY", Money.of(deposit))),
                accepted.events());
        return trade;
    }
}
