package fundexchange.protocol.event;

import fundexchange.protocol.money.Units;

/** A judicial freeze took effect (at its approval); {@code freezeId} is its proposal's id. */
public record UnitsFrozen(long freezeId, String fundCode, String holder, Units units, String authority,
                          String caseNumber, String documentDigest) implements HoldingEvent {
}
