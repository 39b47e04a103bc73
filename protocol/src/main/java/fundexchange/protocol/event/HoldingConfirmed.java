package fundexchange.protocol.event;

import fundexchange.protocol.money.Units;

/** A holder confirmed its line of a FULL custody registration: its {@code units} are no longer unconfirmed. */
public record HoldingConfirmed(long custodyId, String fundCode, String holder, Units units) implements HoldingEvent {
}
