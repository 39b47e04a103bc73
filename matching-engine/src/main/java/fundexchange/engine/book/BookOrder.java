package fundexchange.engine.book;

import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/** A resting order as data, for snapshots and the state hash. */
public record BookOrder(long orderId, String owner, Price price, Units units, long priority) {
}
