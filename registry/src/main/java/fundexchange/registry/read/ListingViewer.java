package fundexchange.registry.read;

import java.util.Objects;

/**
 * Who reads listings, which decides which listings exist for them: staff and regulators see every listing; anyone
 * else sees the listings they sell, a negotiated listing naming them as buyer once it is OPEN (and after it EXECUTED),
 * every OPEN auction if they are a qualified investor, and every auction they bid on.
 */
public record ListingViewer(String participantId, boolean oversight, boolean qualifiedInvestor) {
    public ListingViewer {
        Objects.requireNonNull(participantId, "participantId");
    }

    public static ListingViewer oversight(String participantId) {
        return new ListingViewer(participantId, true, false);
    }

    public static ListingViewer participant(String participantId, boolean qualifiedInvestor) {
        return new ListingViewer(participantId, false, qualifiedInvestor);
    }
}
