package fundexchange.protocol.command;

import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/**
 * Staff put a proposed match to both parties (意向撮合), on the proposal's terms or on {@code units} and {@code price}
 * when given (for instance after the offer traded part of its units).
 */
public record BrokerMatch(long matchId, Units units, Price price) implements Command {
}
