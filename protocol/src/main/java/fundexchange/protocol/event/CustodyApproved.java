package fundexchange.protocol.event;

/** Staff approved a custody registration; one {@link UnitsDeposited} per entry follows in the same document. */
public record CustodyApproved(long custodyId, String fundCode, String approvedBy) implements HoldingEvent {
}
