package fundexchange.protocol.command;

/**
 * An investor accepts a listing's NDA, naming the version and its digest, so the signature binds the exact text. Only
 * the current version may be accepted; a newer version must be accepted again before the data room opens.
 */
public record AcceptNda(long listingId, int version, String digest) implements Command {
}
