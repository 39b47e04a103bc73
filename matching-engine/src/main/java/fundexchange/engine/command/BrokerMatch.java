package fundexchange.engine.command;

import fundexchange.engine.money.Price;
import fundexchange.engine.money.Units;

/**
 * Staff put a proposed match to both parties (意向撮合), on the proposal's terms or on {@code units} and {@code price}
 * when given (for instance after the offer traded part of its units).
 */
public record BrokerMatch(long matchId, Units units, Price price) implements Command {
}
