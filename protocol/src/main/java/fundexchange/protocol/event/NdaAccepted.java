package fundexchange.protocol.event;

/** An investor accepted version {@code version} (digest {@code digest}) of a listing's NDA. */
public record NdaAccepted(long listingId, String investor, int version, String digest, String holder)
        implements DocumentEvent {
}
