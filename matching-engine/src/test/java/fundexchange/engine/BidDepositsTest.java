package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.engine.cash.HeldDeposit;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.cash.AccountRef;
import fundexchange.protocol.command.AcceptListing;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ApproveProposal;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.RecordCashReceipt;
import fundexchange.protocol.command.SetPlatformParameter;
import fundexchange.protocol.event.BidPlaced;
import fundexchange.protocol.event.DepositHeldForTrade;
import fundexchange.protocol.event.DepositLocked;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.ListingSubmitted;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bid deposits (issue 22, rules version 8) where the goldens do not go: a version-7 journal behaves as before, a
 * negotiated acceptance locks and holds its deposit at once, and the share's rounding. The auctions' paths are the
 * golden scenarios {@code deposit-*.json}.
 */
class BidDepositsTest {
    private static Market market(int rulesVersion) {
        // From version 8 the genesis carries the published calendars, as it did when version 8 was current (a trade
        // counts its settlement days).
        Market m = rulesVersion >= fundexchange.protocol.RulesVersion.BID_DEPOSITS ? Market.withCalendars(rulesVersion)
                : new Market(rulesVersion);
        return m.participant("Holder-01", Role.HOLDER).participant("Investor-07", Role.INVESTOR)
                .participant("Bank-01", Role.BANK).fund("DGF3", false)
                .deposit("DGF3", "Holder-01", "100000.00", "100000.00");
    }

    private static ListAuction english(Market m, Money depositAmount) {
        return new ListAuction("DGF3", ListingMechanism.ENGLISH, Units.of("10000.00"), Price.of("1.0000"),
                Price.of("1.0000"), Price.of("0.0100"), m.s.time, m.s.time + 3_600_000L, null, null, false, null,
                depositAmount, null);
    }

    @Test
    void aVersionSevenJournalRefusesDepositTermsAndTheParameterAndLocksNothing() {
        Market m = market(7);
        m.refused("Holder-01", english(m, Money.of("100.00")), RejectCode.DEPOSITS_NOT_IN_RULES);
        EventDocument proposal = m.s.by("Staff-01", new Propose(new SetPlatformParameter("bid-deposit-bp", "500")));
        EventDocument decided = Engine.succeeded(proposal.outcome())
                ? m.s.by("Staff-02", new ApproveProposal(proposal.sourceIndex())) : proposal;
        assertEquals(RejectCode.INVALID_PARAMETER.code(), decided.outcome().code(), "as before: an unknown parameter");
        assertEquals("unknown platform parameter bid-deposit-bp", decided.outcome().message());
        EventDocument listed = m.ok("Holder-01", english(m, null));
        assertEquals(null, ((ListingSubmitted) listed.events().getFirst()).deposit());
        m.ok("Staff-02", new ApproveListing(listed.sourceIndex()));
        EventDocument bid = m.ok("Investor-07", new PlaceBid(listed.sourceIndex(), Price.of("1.1000"), null));
        assertEquals(List.of(BidPlaced.class), bid.events().stream().map(Event::getClass).toList());
        m.replayCheckingInvariants();
    }

    @Test
    void aNegotiatedAcceptanceLocksAndHoldsTheDepositForItsTradeAtOnce() {
        Market m = market(fundexchange.protocol.RulesVersion.BID_DEPOSITS);
        EventDocument listed = m.ok("Holder-01", new ListNegotiated("DGF3", "Investor-07", Units.of("10000.00"),
                Price.of("1.2000"), 0, null, 1000));
        assertEquals(Money.of("1200.00"), ((ListingSubmitted) listed.events().getFirst()).deposit());
        m.ok("Staff-02", new ApproveListing(listed.sourceIndex()));
        m.refused("Investor-07", new AcceptListing(listed.sourceIndex()), RejectCode.DEPOSIT_NOT_AVAILABLE);
        String today = java.time.Instant.ofEpochMilli(m.s.time).atZone(java.time.ZoneId.of("Asia/Shanghai"))
                .toLocalDate().toString();
        m.ok("Bank-01", new RecordCashReceipt("Investor-07", "CNY", Money.of("5000.00"), "BR-1", today));
        EventDocument accepted = m.ok("Investor-07", new AcceptListing(listed.sourceIndex()));
        TradeExecuted trade = (TradeExecuted) accepted.events().get(1);
        assertEquals(List.of(new DepositLocked(listed.sourceIndex(), "Investor-07", "CNY", Money.of("1200.00")), trade,
                new DepositHeldForTrade(listed.sourceIndex(), trade.tradeId(), "Investor-07", "CNY",
                        Money.of("1200.00"))), accepted.events());
        var cash = m.s.engine.state().cash;
        assertEquals(List.of(new HeldDeposit(trade.tradeId(), Long.toString(listed.sourceIndex()), "Investor-07", "CNY",
                Money.of("1200.00"))), List.copyOf(cash.depositsByTrade().values()));
        assertEquals(Money.of("1200.00"), cash.balance("CNY", AccountRef.participant("Investor-07")).locked());
        m.replayCheckingInvariants();
    }

    @Test
    void aShareIsRoundedDownToTheFenWithoutOverflow() {
        assertEquals(Money.of("0.49"), BidDeposits.share(Money.of("0.99"), 5000));
        assertEquals(new Money(Long.MAX_VALUE), BidDeposits.share(new Money(Long.MAX_VALUE), 10_000));
        assertEquals(Money.ZERO, BidDeposits.share(Money.of("1000.00"), 0));
    }
}
