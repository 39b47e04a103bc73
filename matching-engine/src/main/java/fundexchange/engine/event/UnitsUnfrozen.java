package fundexchange.engine.event;

import fundexchange.engine.money.Units;

/** A judicial freeze was lifted (at its approval). */
public record UnitsUnfrozen(long freezeId, String fundCode, String holder, Units units, String reason) implements Event {
}
