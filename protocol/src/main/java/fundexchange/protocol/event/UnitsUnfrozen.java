package fundexchange.protocol.event;

import fundexchange.protocol.money.Units;

/** A judicial freeze was lifted (at its approval). */
public record UnitsUnfrozen(long freezeId, String fundCode, String holder, Units units, String reason) implements HoldingEvent {
}
