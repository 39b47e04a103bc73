package fundexchange.protocol.command;

import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/**
 * The owner changes a resting order: its price and/or its open {@code units} (null keeps the current value). Only a
 * smaller size at the same price keeps time priority.
 */
public record AmendOrder(long orderId, Price price, Units units) implements Command {
}
