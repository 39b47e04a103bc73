package fundexchange.engine;

import fundexchange.engine.book.BookOrder;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * A deliberately naive reference of one fund's continuous book and the rules around it, for the differential test:
 * lists and linear scans, state changed as it goes. It knows only what the test's market can do: every participant
 * holds both roles and is qualified, anti-flip is off, and a participant whose key was revoked is refused (1003) and
 * fails every fill (1007). Staff halt and reopen the book: a halted book refuses orders and amendments but not
 * cancellations, halting a halted book is refused (4101), reopening an open one too (4102), and a reopening may change
 * the lot only while no order rests (4108). Each method returns the reject code the engine should answer (0: accepted).
 */
final class NaiveBook {
    static final class Order {
        final long id;
        final String owner;
        final Side side;
        long price;
        long units;
        long priority;

        Order(long id, String owner, Side side, long price, long units) {
            this.id = id;
            this.owner = owner;
            this.side = side;
            this.price = price;
            this.units = units;
            this.priority = id;
        }
    }

    static final class Trade {
        final long id;
        final String seller;
        final String buyer;
        final long units;
        final String date;
        boolean reserved;
        boolean pending = true;

        Trade(long id, String seller, String buyer, long units, String date, boolean reserved) {
            this.id = id;
            this.seller = seller;
            this.buyer = buyer;
            this.units = units;
            this.date = date;
            this.reserved = reserved;
        }
    }

    final List<Order> orders = new ArrayList<>();
    final List<Trade> trades = new ArrayList<>();
    final TreeMap<String, long[]> positions = new TreeMap<>(); // holder -> {units, locked}
    final Set<String> revoked = new HashSet<>();
    final MessageDigest fills = BookDigest.newDigest();
    long lot;
    final long minimum;
    final int holderCap;
    boolean open = true;

    NaiveBook(long lot, long minimum, int holderCap) {
        this.lot = lot;
        this.minimum = minimum;
        this.holderCap = holderCap;
    }

    long[] position(String holder) {
        return positions.computeIfAbsent(holder, h -> new long[2]);
    }

    int place(long index, String owner, Side side, long units, long price, String date) {
        if (revoked.contains(owner)) {
            return RejectCode.KEY_REVOKED.code();
        }
        if (!open) {
            return RejectCode.BOOK_NOT_OPEN.code();
        }
        if (units % lot != 0) {
            return RejectCode.NOT_LOT_MULTIPLE.code();
        }
        if (side == Side.SELL) {
            if (units < minimum) {
                return RejectCode.BELOW_MIN_TRANSFER.code();
            }
            if (available(owner) < units) {
                return RejectCode.INSUFFICIENT_UNITS.code();
            }
        } else if (buyerRefusal(owner) != 0) {
            return buyerRefusal(owner);
        }
        Order order = new Order(index, owner, side, price, units);
        orders.add(order);
        if (side == Side.SELL) {
            position(owner)[1] += units;
        }
        match(index, order, date);
        return 0;
    }

    int cancel(String by, long orderId) {
        if (revoked.contains(by)) {
            return RejectCode.KEY_REVOKED.code();
        }
        Order order = find(orderId);
        if (order == null) {
            return RejectCode.UNKNOWN_ORDER.code();
        }
        if (!order.owner.equals(by)) {
            return RejectCode.NOT_ORDER_OWNER.code();
        }
        remove(order);
        return 0;
    }

    int amend(long index, String by, long orderId, Long newPrice, Long newUnits, String date) {
        if (revoked.contains(by)) {
            return RejectCode.KEY_REVOKED.code();
        }
        Order order = find(orderId);
        if (order == null) {
            return RejectCode.UNKNOWN_ORDER.code();
        }
        if (!order.owner.equals(by)) {
            return RejectCode.NOT_ORDER_OWNER.code();
        }
        if (!open) {
            return RejectCode.BOOK_NOT_OPEN.code();
        }
        long price = newPrice == null ? order.price : newPrice;
        long units = newUnits == null ? order.units : newUnits;
        if (units % lot != 0) {
            return RejectCode.NOT_LOT_MULTIPLE.code();
        }
        if (price == order.price && units == order.units) {
            return RejectCode.AMENDMENT_CHANGES_NOTHING.code();
        }
        boolean keeps = price == order.price && units < order.units;
        if (!keeps && order.side == Side.BUY && buyerRefusal(by) != 0) {
            return buyerRefusal(by);
        }
        long more = units - order.units;
        if (order.side == Side.SELL && more > 0 && available(by) < more) {
            return RejectCode.INSUFFICIENT_UNITS.code();
        }
        if (order.side == Side.SELL) {
            position(by)[1] += more;
        }
        boolean repriced = price != order.price;
        order.price = price;
        order.units = units;
        if (!keeps) {
            order.priority = index;
        }
        if (repriced) {
            match(index, order, date);
        }
        return 0;
    }

    int settleBatch(String date) {
        List<Trade> due = new ArrayList<>();
        for (Trade t : trades) {
            if (t.pending && t.date.equals(date)) {
                due.add(t);
            }
        }
        due.sort(Comparator.comparingLong(t -> t.id));
        for (Trade t : due) {
            t.pending = false;
            long[] seller = position(t.seller);
            seller[0] -= t.units;
            seller[1] -= t.units;
            position(t.buyer)[0] += t.units;
            if (t.reserved) {
                continue;
            }
            for (Trade other : trades) {
                if (other.pending && other.reserved && other.buyer.equals(t.buyer)) {
                    other.reserved = false;
                }
            }
        }
        return 0;
    }

    int halt() {
        if (!open) {
            return RejectCode.BOOK_NOT_OPEN.code();
        }
        open = false;
        return 0;
    }

    int reopen(long lotUnits) {
        if (open) {
            return RejectCode.BOOK_ALREADY_OPEN.code();
        }
        if (lotUnits != lot && !orders.isEmpty()) {
            return RejectCode.LOT_CHANGE_WITH_ORDERS.code();
        }
        lot = lotUnits;
        open = true;
        return 0;
    }

    private void match(long index, Order aggressor, String date) {
        int fill = 0;
        while (aggressor.units > 0) {
            Order best = null;
            for (Order o : orders) {
                if (o.side == aggressor.side) {
                    continue;
                }
                boolean crosses = aggressor.side == Side.BUY ? o.price <= aggressor.price : o.price >= aggressor.price;
                if (crosses && (best == null || better(o, best))) {
                    best = o;
                }
            }
            if (best == null) {
                return;
            }
            if (best.owner.equals(aggressor.owner)) {
                cancelByExchange(best, RejectCode.SELF_TRADE_PREVENTED.code());
                continue;
            }
            int aggressorRefusal = refusal(aggressor.owner, aggressor.side);
            if (aggressorRefusal != 0) {
                cancelByExchange(aggressor, aggressorRefusal);
                return;
            }
            int restingRefusal = refusal(best.owner, best.side);
            if (restingRefusal != 0) {
                cancelByExchange(best, restingRefusal);
                continue;
            }
            if (fill == 4096) {
                cancelByExchange(aggressor, RejectCode.FILL_LIMIT_REACHED.code());
                return;
            }
            long units = Math.min(aggressor.units, best.units);
            Order buy = aggressor.side == Side.BUY ? aggressor : best;
            Order sell = aggressor.side == Side.BUY ? best : aggressor;
            long tradeId = index * 4096 + fill++;
            trades.add(new Trade(tradeId, sell.owner, buy.owner, units, date, needsRoom(buy.owner)));
            BookDigest.fill(fills, tradeId, buy.id, sell.id, units, best.price);
            aggressor.units -= units;
            best.units -= units;
            if (best.units == 0) {
                orders.remove(best);
            }
            if (aggressor.units == 0) {
                orders.remove(aggressor);
            }
        }
    }

    private boolean better(Order a, Order b) {
        if (a.price != b.price) {
            return a.side == Side.SELL ? a.price < b.price : a.price > b.price;
        }
        return a.priority < b.priority;
    }

    private void cancelByExchange(Order order, int code) {
        BookDigest.cancel(fills, order.id, code, order.units);
        remove(order);
    }

    private void remove(Order order) {
        orders.remove(order);
        if (order.side == Side.SELL) {
            position(order.owner)[1] -= order.units;
        }
    }

    private int refusal(String owner, Side side) {
        if (revoked.contains(owner)) {
            return RejectCode.PARTICIPANT_NOT_ACTIVE.code();
        }
        return side == Side.BUY ? buyerRefusal(owner) : 0;
    }

    private int buyerRefusal(String buyer) {
        if (revoked.contains(buyer)) {
            return RejectCode.PARTICIPANT_NOT_ACTIVE.code();
        }
        if (needsRoom(buyer)) {
            int holders = 0;
            for (long[] p : positions.values()) {
                holders += p[0] > 0 ? 1 : 0;
            }
            int reserved = 0;
            for (Trade t : trades) {
                reserved += t.pending && t.reserved ? 1 : 0;
            }
            if (holders + reserved >= holderCap) {
                return RejectCode.HOLDER_CAP_REACHED.code();
            }
        }
        return 0;
    }

    private boolean needsRoom(String buyer) {
        if (position(buyer)[0] > 0) {
            return false;
        }
        for (Trade t : trades) {
            if (t.pending && t.reserved && t.buyer.equals(buyer)) {
                return false;
            }
        }
        return true;
    }

    private long available(String holder) {
        long[] p = position(holder);
        return p[0] - p[1];
    }

    private Order find(long id) {
        for (Order o : orders) {
            if (o.id == id) {
                return o;
            }
        }
        return null;
    }

    /** Resting orders of one side in priority order, as the engine's snapshot lists them. */
    List<BookOrder> resting(Side side) {
        List<Order> sorted = new ArrayList<>();
        for (Order o : orders) {
            if (o.side == side) {
                sorted.add(o);
            }
        }
        sorted.sort((a, b) -> better(a, b) ? -1 : better(b, a) ? 1 : 0);
        List<BookOrder> result = new ArrayList<>();
        for (Order o : sorted) {
            result.add(new BookOrder(o.id, o.owner, new Price(o.price), new Units(o.units), o.priority));
        }
        return result;
    }
}
