package fundexchange.protocol.command;

/** Staff reject a pending custody registration, giving the reason. */
public record RejectCustody(long custodyId, String reason) implements Command {
}
