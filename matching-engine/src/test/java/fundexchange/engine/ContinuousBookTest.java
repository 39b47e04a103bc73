package fundexchange.engine;

import static fundexchange.engine.BookMarket.FUND;
import static fundexchange.engine.BookMarket.accepted;
import static fundexchange.engine.BookMarket.rejected;
import static fundexchange.engine.BookMarket.resting;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.engine.book.BookOrder;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.book.BookStatus;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.command.AmendOrder;
import fundexchange.protocol.command.CancelOrder;
import fundexchange.protocol.command.HaltBook;
import fundexchange.protocol.command.OpenBook;
import fundexchange.protocol.command.RevokeKey;
import fundexchange.protocol.command.SetQualification;
import fundexchange.protocol.event.BookHalted;
import fundexchange.protocol.event.BookOpened;
import fundexchange.protocol.event.OrderAccepted;
import fundexchange.protocol.event.OrderAmended;
import fundexchange.protocol.event.OrderCancelled;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.QualificationStatus;
import fundexchange.protocol.EventDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContinuousBookTest {
    private final BookMarket m = new BookMarket();

    private static Units u(String units) {
        return Units.of(units);
    }

    private static Price p(String price) {
        return Price.of(price);
    }

    @Test
    void aSellOrderRestsAndLocksItsUnits() {
        EventDocument doc = accepted(m.order("Holder-01", Side.SELL, "300.00", "1.0000"));
        long id = doc.sourceIndex();
        assertEquals(List.of(new OrderAccepted(id, FUND, "Holder-01", Side.SELL, u("300.00"), p("1.0000"))), doc.events());
        assertEquals(List.of(resting(id, "Holder-01", "1.0000", "300.00")), m.asks());
        assertEquals(u("300.00"), m.position("Holder-01").locked());
    }

    @Test
    void aCrossingBuyTradesAtTheRestingPriceAndRestsItsRemainder() {
        long ask = m.sell("Holder-01", "300.00", "1.0000");
        EventDocument buy = accepted(m.order("Investor-07", Side.BUY, "500.00", "1.1000"));
        long id = buy.sourceIndex();
        assertEquals(List.of(new OrderAccepted(id, FUND, "Investor-07", Side.BUY, u("500.00"), p("1.1000")),
                m.trade(id, 0, "Holder-01", "Investor-07", "300.00", "1.0000", true, id, ask)), buy.events());
        assertEquals(List.of(), m.asks());
        assertEquals(List.of(resting(id, "Investor-07", "1.1000", "200.00")), m.bids());
        assertEquals(u("300.00"), m.position("Holder-01").locked(), "the filled units stay locked until settlement");
    }

    @Test
    void aPartialFillLeavesTheRestingRemainderInPlace() {
        long ask = m.sell("Holder-01", "500.00", "1.0000");
        long buy = m.buy("Investor-07", "200.00", "1.0000");
        assertEquals(List.of(new BookOrder(ask, "Holder-01", p("1.0000"), u("300.00"), ask)), m.asks());
        assertEquals(List.of(), m.bids());
        assertEquals(u("500.00"), m.position("Holder-01").locked());
        assertEquals(List.of(m.trade(buy, 0, "Holder-01", "Investor-07", "200.00", "1.0000", true, buy, ask)),
                m.s.last.events().subList(1, 2));
    }

    @Test
    void fillsFollowPriceThenTimePriority() {
        long later = m.sell("Holder-01", "100.00", "1.0000");
        long better = m.sell("Holder-02", "100.00", "0.9900");
        long laterStill = m.sell("Dual-01", "100.00", "1.0000");
        EventDocument buy = accepted(m.order("Investor-07", Side.BUY, "300.00", "1.0000"));
        long id = buy.sourceIndex();
        assertEquals(List.of(new OrderAccepted(id, FUND, "Investor-07", Side.BUY, u("300.00"), p("1.0000")),
                m.trade(id, 0, "Holder-02", "Investor-07", "100.00", "0.9900", true, id, better),
                m.trade(id, 1, "Holder-01", "Investor-07", "100.00", "1.0000", false, id, later),
                m.trade(id, 2, "Dual-01", "Investor-07", "100.00", "1.0000", false, id, laterStill)), buy.events());
        assertEquals(List.of(), m.asks());
        assertEquals(1, m.s.engine.snapshot().funds().getFirst().reservedHolders(), "one place for one new buyer");
    }

    @Test
    void theOwnerCancelsAndTheUnitsAreUnlocked() {
        long ask = m.sell("Holder-01", "300.00", "1.0000");
        rejected(m.s.by("Holder-02", new CancelOrder(ask)), RejectCode.NOT_ORDER_OWNER);
        assertEquals(List.of(new OrderCancelled(ask, FUND, "Holder-01", Side.SELL, u("300.00"), 0, "cancelled by its owner")),
                accepted(m.s.by("Holder-01", new CancelOrder(ask))).events());
        assertEquals(u("0.00"), m.position("Holder-01").locked());
        rejected(m.s.by("Holder-01", new CancelOrder(ask)), RejectCode.UNKNOWN_ORDER);
    }

    @Test
    void aSmallerSizeAtTheSamePriceKeepsTimePriority() {
        long first = m.sell("Holder-01", "300.00", "1.0000");
        long second = m.sell("Holder-02", "300.00", "1.0000");
        EventDocument amend = accepted(m.s.by("Holder-01", new AmendOrder(first, null, u("100.00"))));
        assertEquals(List.of(new OrderAmended(first, FUND, "Holder-01", Side.SELL, p("1.0000"), u("100.00"), u("300.00"), true)),
                amend.events());
        assertEquals(List.of(resting(first, "Holder-01", "1.0000", "100.00"), resting(second, "Holder-02", "1.0000", "300.00")),
                m.asks());
        assertEquals(u("100.00"), m.position("Holder-01").locked());
    }

    @Test
    void aLargerSizeLosesTimePriority() {
        long first = m.sell("Holder-01", "300.00", "1.0000");
        long second = m.sell("Holder-02", "300.00", "1.0000");
        long amend = accepted(m.s.by("Holder-01", new AmendOrder(first, null, u("400.00")))).sourceIndex();
        assertEquals(List.of(resting(second, "Holder-02", "1.0000", "300.00"),
                new BookOrder(first, "Holder-01", p("1.0000"), u("400.00"), amend)), m.asks());
        assertEquals(u("400.00"), m.position("Holder-01").locked());
        rejected(m.s.by("Holder-01", new AmendOrder(first, p("1.0000"), u("400.00"))), RejectCode.AMENDMENT_CHANGES_NOTHING);
        rejected(m.s.by("Holder-01", new AmendOrder(first, null, u("10100.00"))), RejectCode.INSUFFICIENT_UNITS);
    }

    @Test
    void aNewPriceLosesTimePriorityAndMayCross() {
        long bid = m.buy("Investor-07", "200.00", "0.9500");
        long ask = m.sell("Holder-01", "300.00", "1.0000");
        EventDocument amend = accepted(m.s.by("Holder-01", new AmendOrder(ask, p("0.9500"), null)));
        long index = amend.sourceIndex();
        assertEquals(List.of(new OrderAmended(ask, FUND, "Holder-01", Side.SELL, p("0.9500"), u("300.00"), u("300.00"), false),
                m.trade(index, 0, "Holder-01", "Investor-07", "200.00", "0.9500", true, bid, ask)), amend.events());
        assertEquals(List.of(new BookOrder(ask, "Holder-01", p("0.9500"), u("100.00"), index)), m.asks());
        assertEquals(List.of(), m.bids());
    }

    @Test
    void selfTradePreventionCancelsTheRestingOrderAndMatchingContinues() {
        long own = m.sell("Dual-01", "100.00", "0.9000");
        long other = m.sell("Holder-01", "100.00", "1.0000");
        EventDocument buy = accepted(m.order("Dual-01", Side.BUY, "100.00", "1.0000"));
        long id = buy.sourceIndex();
        assertEquals(List.of(new OrderAccepted(id, FUND, "Dual-01", Side.BUY, u("100.00"), p("1.0000")),
                new OrderCancelled(own, FUND, "Dual-01", Side.SELL, u("100.00"), RejectCode.SELF_TRADE_PREVENTED.code(),
                        "self-trade prevention: crossed by an aggressing order of the same participant"),
                m.trade(id, 0, "Holder-01", "Dual-01", "100.00", "1.0000", false, id, other)), buy.events());
        assertEquals(u("0.00"), m.position("Dual-01").locked());
    }

    @Test
    void aHaltedBookKeepsItsOrdersTakesCancelsAndRefusesEverythingElseUntilReopened() {
        long ask = m.sell("Holder-01", "100.00", "1.0000");
        long other = m.sell("Holder-02", "100.00", "1.0000");
        assertEquals(List.of(new BookHalted(FUND)), accepted(m.s.by("Staff-01", new HaltBook(FUND))).events());
        assertEquals(BookStatus.HALTED, m.book().status());
        rejected(m.order("Investor-07", Side.BUY, "100.00", "1.0000"), RejectCode.BOOK_NOT_OPEN);
        rejected(m.s.by("Holder-01", new AmendOrder(ask, p("1.1000"), null)), RejectCode.BOOK_NOT_OPEN);
        rejected(m.s.by("Staff-01", new HaltBook(FUND)), RejectCode.BOOK_NOT_OPEN);
        accepted(m.s.by("Holder-02", new CancelOrder(other)));
        rejected(m.s.by("Staff-01", new OpenBook(FUND, u("50.00"))), RejectCode.LOT_CHANGE_WITH_ORDERS);
        assertEquals(List.of(new BookOpened(FUND, u("100.00"))),
                accepted(m.s.by("Staff-01", new OpenBook(FUND, u("100.00")))).events());
        rejected(m.s.by("Staff-01", new OpenBook(FUND, u("100.00"))), RejectCode.BOOK_ALREADY_OPEN);
        assertEquals(List.of(resting(ask, "Holder-01", "1.0000", "100.00")), m.asks());
        m.buy("Investor-07", "100.00", "1.0000");
        assertEquals(List.of(), m.asks());
    }

    @Test
    void ordersAreMultiplesOfTheLotAndSellsAtLeastTheMinimumTransfer() {
        rejected(m.order("Holder-01", Side.SELL, "150.00", "1.0000"), RejectCode.NOT_LOT_MULTIPLE);
        rejected(m.order("Investor-07", Side.BUY, "50.00", "1.0000"), RejectCode.NOT_LOT_MULTIPLE);
        accepted(m.s.by("Staff-01", new HaltBook(FUND)));
        accepted(m.s.by("Staff-01", new OpenBook(FUND, u("50.00"))));
        rejected(m.order("Holder-01", Side.SELL, "50.00", "1.0000"), RejectCode.BELOW_MIN_TRANSFER);
        rejected(m.order("Holder-01", Side.SELL, "10050.00", "1.0000"), RejectCode.INSUFFICIENT_UNITS);
        rejected(m.order("Holder-01", Side.BUY, "100.00", "1.0000"), RejectCode.WRONG_ROLE);
        rejected(m.order("Investor-07", Side.SELL, "100.00", "1.0000"), RejectCode.WRONG_ROLE);
        rejected(m.order("Investor-07", Side.BUY, "100.00", "0"), RejectCode.NOT_POSITIVE);
        long ask = m.sell("Holder-01", "100.00", "1.0000");
        EventDocument buy = accepted(m.order("Investor-07", Side.BUY, "50.00", "1.0000"));
        assertEquals(u("50.00"), ((fundexchange.protocol.event.TradeExecuted) buy.events().get(1)).units(),
                "a fill below the minimum transfer is allowed: the minimum applies to sell orders");
        assertEquals(List.of(resting(ask, "Holder-01", "1.0000", "50.00")), m.asks());
    }

    @Test
    void aRestingBuyerWhoLostQualificationIsCancelledWithTheReasonAndMatchingContinues() {
        long stale = m.buy("Investor-08", "100.00", "1.0000");
        long good = m.buy("Investor-07", "100.00", "1.0000");
        m.approved(new SetQualification("Investor-08", QualificationStatus.NOT_QUALIFIED, null));
        EventDocument sell = accepted(m.order("Holder-01", Side.SELL, "200.00", "1.0000"));
        long id = sell.sourceIndex();
        assertEquals(List.of(new OrderAccepted(id, FUND, "Holder-01", Side.SELL, u("200.00"), p("1.0000")),
                new OrderCancelled(stale, FUND, "Investor-08", Side.BUY, u("100.00"), RejectCode.BUYER_NOT_QUALIFIED.code(),
                        "cancelled at a fill: Investor-08 is not a qualified investor on 2026-11-18"),
                m.trade(id, 0, "Holder-01", "Investor-07", "100.00", "1.0000", true, good, id)), sell.events());
        assertEquals(List.of(resting(id, "Holder-01", "1.0000", "100.00")), m.asks());
    }

    @Test
    void aRestingSellerWithoutAnActiveKeyIsCancelledAndItsUnitsUnlocked() {
        long revoked = m.sell("Holder-02", "100.00", "1.0000");
        accepted(m.s.by("Holder-02", new RevokeKey("Holder-02-k1")));
        EventDocument buy = accepted(m.order("Investor-07", Side.BUY, "100.00", "1.0000"));
        long id = buy.sourceIndex();
        assertEquals(List.of(new OrderAccepted(id, FUND, "Investor-07", Side.BUY, u("100.00"), p("1.0000")),
                new OrderCancelled(revoked, FUND, "Holder-02", Side.SELL, u("100.00"), RejectCode.PARTICIPANT_NOT_ACTIVE.code(),
                        "cancelled at a fill: seller Holder-02 is not active or has no active key")), buy.events());
        assertEquals(u("0.00"), m.position("Holder-02").locked());
        assertEquals(List.of(resting(id, "Investor-07", "1.0000", "100.00")), m.bids());
    }

    @Test
    void newBuyersBeyondTheHolderCapAreCancelledAtTheFillOncePlacesAreReserved() {
        BookMarket capped = new BookMarket(4);
        long first = capped.buy("Investor-07", "100.00", "1.0000");
        long again = capped.buy("Investor-07", "100.00", "1.0000");
        long second = capped.buy("Investor-08", "100.00", "1.0000");
        EventDocument sell = accepted(capped.order("Holder-01", Side.SELL, "300.00", "1.0000"));
        long id = sell.sourceIndex();
        assertEquals(List.of(new OrderAccepted(id, FUND, "Holder-01", Side.SELL, u("300.00"), p("1.0000")),
                capped.trade(id, 0, "Holder-01", "Investor-07", "100.00", "1.0000", true, first, id),
                capped.trade(id, 1, "Holder-01", "Investor-07", "100.00", "1.0000", false, again, id),
                new OrderCancelled(second, FUND, "Investor-08", Side.BUY, u("100.00"), RejectCode.HOLDER_CAP_REACHED.code(),
                        "cancelled at a fill: fund DGF3 is at its holder cap of 4")), sell.events());
        assertEquals(1, capped.s.engine.snapshot().funds().getFirst().reservedHolders());
        rejected(capped.order("Investor-09", Side.BUY, "100.00", "1.0000"), RejectCode.HOLDER_CAP_REACHED);
    }

    @Test
    void theCommandStopsAt4096FillsAndCancelsTheAggressorsRemainder() {
        BookMarket big = new BookMarket();
        accepted(big.s.by("Staff-01", new fundexchange.protocol.command.DepositUnits(FUND, "Holder-02", u("500000.00"),
                fundexchange.protocol.money.Money.of("500000.00"))));
        long firstAsk = big.sell("Holder-01", "100.00", "1.0000");
        for (int i = 0; i < 4096; i++) {
            big.sell("Holder-02", "100.00", "1.0000");
        }
        EventDocument buy = accepted(big.order("Investor-07", Side.BUY, "500000.00", "1.0000"));
        long id = buy.sourceIndex();
        List<fundexchange.protocol.event.Event> events = buy.events();
        assertEquals(4096 + 2, events.size());
        assertEquals(big.trade(id, 0, "Holder-01", "Investor-07", "100.00", "1.0000", true, id, firstAsk), events.get(1));
        assertEquals(id * 4096 + 4095, ((fundexchange.protocol.event.TradeExecuted) events.get(4096)).tradeId());
        assertEquals(new OrderCancelled(id, FUND, "Investor-07", Side.BUY, u("90400.00"), RejectCode.FILL_LIMIT_REACHED.code(),
                "the command reached 4096 fills; the remainder is cancelled"), events.get(4097));
        assertEquals(1, big.asks().size());
        assertEquals(List.of(), big.bids());
    }
}
