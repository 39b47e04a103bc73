package fundexchange.engine.book;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.event.BookOpened;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.OrderAccepted;
import fundexchange.protocol.event.OrderCancelled;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Multiple;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The book and its matcher alone, with hand-written fill rules: who fails is decided by the test. */
class BookMatcherTest {
    private final Books books = new Books();
    private final BookMatcher matcher = new BookMatcher();
    private final StubRules rules = new StubRules();
    private long index;

    /** Fails the named participants, or any participant once {@code failAfterFills} trades were made. */
    private static final class StubRules implements FillRules {
        final Set<String> failing = new HashSet<>();
        int failAfterFills = Integer.MAX_VALUE;
        int fills;

        @Override
        public Objection check(String participant, Side side) {
            if (failing.contains(participant) || fills >= failAfterFills) {
                return new Objection(RejectCode.PARTICIPANT_NOT_ACTIVE.code(), participant + " may not trade");
            }
            return null;
        }

        @Override
        public TradeExecuted trade(int fill, long buyOrderId, String buyer, long sellOrderId, String seller, long units, long price) {
            fills++;
            return new TradeExecuted(fill, 0, "F", seller, buyer, new Units(units), new Price(price), Money.ZERO, 0,
                    Multiple.ZERO, false, 0, buyOrderId, sellOrderId, "2026-11-18");
        }
    }

    private List<Event> place(String owner, Side side, String units, String price) {
        List<Event> events = new ArrayList<>();
        matcher.place(++index, 0, books.book("F"), owner, side, Units.of(units).raw(), Price.of(price).raw(), rules, events);
        events.forEach(e -> books.apply(e, index));
        return events;
    }

    private static TradeExecuted trade(int n, long buy, String buyer, long sell, String seller, String units, String price) {
        return new TradeExecuted(n, 0, "F", seller, buyer, Units.of(units), Price.of(price), Money.ZERO, 0, Multiple.ZERO,
                false, 0, buy, sell, "2026-11-18");
    }

    @Test
    void anAggressorFailingAtAFillHasItsRemainderCancelledAndTheRestingOrdersStay() {
        books.apply(new BookOpened("F", Units.of("1.00")), ++index);
        place("S1", Side.SELL, "1.00", "1.0000");
        place("S2", Side.SELL, "1.00", "1.0000");
        rules.failAfterFills = 1;
        List<Event> events = place("B1", Side.BUY, "5.00", "1.0000");
        assertEquals(List.of(new OrderAccepted(4, "F", "B1", Side.BUY, Units.of("5.00"), Price.of("1.0000")),
                trade(0, 4, "B1", 2, "S1", "1.00", "1.0000"),
                new OrderCancelled(4, "F", "B1", Side.BUY, Units.of("4.00"), RejectCode.PARTICIPANT_NOT_ACTIVE.code(),
                        "B1 may not trade")), events);
        assertEquals(List.of(new BookOrder(3, "S2", Price.of("1.0000"), Units.of("1.00"), 3)), books.book("F").orders(Side.SELL));
        assertEquals(List.of(), books.book("F").orders(Side.BUY));
        assertEquals(1, books.restingOrders());
    }

    @Test
    void aFailingRestingOrderIsCancelledAndTheWalkGoesOnToTheNextPriceLevel() {
        books.apply(new BookOpened("F", Units.of("1.00")), ++index);
        place("B1", Side.BUY, "2.00", "1.0100");
        place("B2", Side.BUY, "2.00", "1.0000");
        rules.failing.add("B1");
        List<Event> events = place("S1", Side.SELL, "3.00", "0.9000");
        assertEquals(List.of(new OrderAccepted(4, "F", "S1", Side.SELL, Units.of("3.00"), Price.of("0.9000")),
                new OrderCancelled(2, "F", "B1", Side.BUY, Units.of("2.00"), RejectCode.PARTICIPANT_NOT_ACTIVE.code(),
                        "cancelled at a fill: B1 may not trade"),
                trade(0, 3, "B2", 4, "S1", "2.00", "1.0000")), events);
        assertEquals(List.of(new BookOrder(4, "S1", Price.of("0.9000"), Units.of("1.00"), 4)), books.book("F").orders(Side.SELL));
    }
}
