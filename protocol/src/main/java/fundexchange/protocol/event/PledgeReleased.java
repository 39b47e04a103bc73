package fundexchange.protocol.event;

import fundexchange.protocol.money.Units;

/** A pledge was released; its units are available again (unless otherwise encumbered). */
public record PledgeReleased(long pledgeId, String fundCode, String holder, Units units, String releasedBy) implements HoldingEvent {
}
