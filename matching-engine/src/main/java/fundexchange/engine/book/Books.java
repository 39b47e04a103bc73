package fundexchange.engine.book;

import fundexchange.protocol.book.BookStatus;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.event.BookBatchSettled;
import fundexchange.protocol.event.BookEvent;
import fundexchange.protocol.event.BookHalted;
import fundexchange.protocol.event.BookOpened;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.HoldingEvent;
import fundexchange.protocol.event.IntentEvent;
import fundexchange.protocol.event.KeyEvent;
import fundexchange.protocol.event.ListingEvent;
import fundexchange.protocol.event.OrderAccepted;
import fundexchange.protocol.event.OrderAmended;
import fundexchange.protocol.event.OrderCancelled;
import fundexchange.protocol.event.ParticipantEvent;
import fundexchange.protocol.event.PlatformEvent;
import fundexchange.protocol.event.TradeEvent;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.event.TradeFailed;
import fundexchange.protocol.event.TradeSettled;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Every fund's book, by fund code, and every resting order by id. Changed only by {@link #apply}ing decided events;
 * order nodes are recycled, so steady trading allocates no nodes.
 */
public final class Books {
    private final TreeMap<String, OrderBook> books = new TreeMap<>();
    private final OrderIndex index = new OrderIndex();
    private RestingOrder spare;

    /** The fund's book, or null if it was never opened. */
    public OrderBook book(String fundCode) {
        return books.get(fundCode);
    }

    /** The resting order with this id, or null if it is not resting (filled, cancelled or never placed). */
    public RestingOrder order(long orderId) {
        return index.get(orderId);
    }

    public int restingOrders() {
        return index.size();
    }

    /**
     * Applies a book event decided at {@code sourceIndex}; returns false for events that do not concern the books.
     * A trade changes the books only when it names its orders.
     */
    public boolean apply(Event event, long sourceIndex) {
        return switch (event) {
            case BookEvent e -> book(e, sourceIndex);
            case TradeEvent e -> trade(e);
            case KeyEvent e -> false;
            case ParticipantEvent e -> false;
            case PlatformEvent e -> false;
            case HoldingEvent e -> false;
            case ListingEvent e -> false;
            case IntentEvent e -> false;
            case fundexchange.protocol.event.StateOwnedEvent e -> false;
            case fundexchange.protocol.event.DocumentEvent e -> false;
            case fundexchange.protocol.event.CashEvent e -> false;
        };
    }

    private boolean book(BookEvent event, long sourceIndex) {
        switch (event) {
            case BookOpened e -> {
                OrderBook book = books.get(e.fundCode());
                if (book == null) {
                    books.put(e.fundCode(), new OrderBook(e.fundCode(), e.lotUnits().raw()));
                } else {
                    book.open(e.lotUnits().raw());
                }
            }
            case BookHalted e -> existing(e.fundCode()).halt();
            case OrderAccepted e -> add(existing(e.fundCode()), e.orderId(), e.owner(), e.side(), e.price().raw(),
                    e.units().raw(), e.orderId());
            case OrderAmended e -> amend(resting(e.orderId()), e.price().raw(), e.units().raw(), e.keptPriority(), sourceIndex);
            case OrderCancelled e -> remove(resting(e.orderId()));
            case BookBatchSettled e -> {
                return false;
            }
        }
        return true;
    }

    /** A fill of the book moves its two orders; settlement happens outside the books. */
    private boolean trade(TradeEvent event) {
        return switch (event) {
            case TradeExecuted e -> e.bookTrade() && filled(e);
            case TradeSettled e -> false;
            case TradeFailed e -> false;
        };
    }

    private boolean filled(TradeExecuted e) {
        fill(resting(e.buyOrderId()), e.units().raw());
        fill(resting(e.sellOrderId()), e.units().raw());
        return true;
    }

    /** Every book as data, by fund code. */
    public List<BookView> views() {
        List<BookView> views = new ArrayList<>(books.size());
        for (OrderBook book : books.values()) {
            views.add(book.view());
        }
        return views;
    }

    /** Rebuilds one book from its view (into empty books); orders go back in priority order. */
    public void restore(BookView view) {
        OrderBook book = new OrderBook(view.fundCode(), view.lotUnits().raw());
        if (view.status() == BookStatus.HALTED) {
            book.halt();
        }
        books.put(view.fundCode(), book);
        for (BookOrder o : view.bids()) {
            add(book, o.orderId(), o.owner(), Side.BUY, o.price().raw(), o.units().raw(), o.priority());
        }
        for (BookOrder o : view.asks()) {
            add(book, o.orderId(), o.owner(), Side.SELL, o.price().raw(), o.units().raw(), o.priority());
        }
    }

    private void add(OrderBook book, long orderId, String owner, Side side, long price, long units, long priority) {
        RestingOrder order = spare;
        if (order == null) {
            order = new RestingOrder();
        } else {
            spare = order.next;
            order.next = null;
        }
        order.orderId = orderId;
        order.owner = owner;
        order.side = side;
        order.price = price;
        order.units = units;
        order.priority = priority;
        if (!index.putNew(orderId, order)) {
            throw new IllegalStateException("order " + orderId + " is already resting");
        }
        book.insert(order);
    }

    private void amend(RestingOrder order, long price, long units, boolean keptPriority, long priority) {
        if (keptPriority) {
            order.level.units += units - order.units;
            order.units = units;
            return;
        }
        OrderBook book = order.book;
        book.unlink(order);
        order.price = price;
        order.units = units;
        order.priority = priority;
        book.insert(order);
    }

    private void fill(RestingOrder order, long units) {
        order.book.reduce(order, units);
        if (order.units == 0) {
            remove(order);
        }
    }

    private void remove(RestingOrder order) {
        order.book.unlink(order);
        index.remove(order.orderId);
        order.owner = null;
        order.book = null;
        order.next = spare;
        spare = order;
    }

    private OrderBook existing(String fundCode) {
        OrderBook book = books.get(fundCode);
        if (book == null) {
            throw new IllegalStateException("no book for " + fundCode);
        }
        return book;
    }

    private RestingOrder resting(long orderId) {
        RestingOrder order = index.get(orderId);
        if (order == null) {
            throw new IllegalStateException("order " + orderId + " is not resting");
        }
        return order;
    }
}
