package fundexchange.protocol.event;

/** Staff rejected a custody registration; nothing was deposited. */
public record CustodyRejected(long custodyId, String fundCode, String rejectedBy, String reason) implements HoldingEvent {
}
