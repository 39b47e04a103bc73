package fundexchange.audit.bundle;

import fundexchange.protocol.ChainHash;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit chain as the verifier recomputes it: {@code link(0)} is 32 zero bytes and
 * {@code link(n) = SHA-256(link(n-1) || commandDigest(n) || eventDigest(n))}. Every link is kept, because a
 * checkpoint names the head at an earlier index.
 */
final class AuditChain {
    private final List<String> links = new ArrayList<>(List.of(ChainHash.GENESIS));

    /** Appends the next index's link and returns it. */
    String extend(String commandDigestHex, String eventDigestHex) {
        String next = ChainHash.auditLink(head(), ChainHash.bytes(commandDigestHex), ChainHash.bytes(eventDigestHex));
        links.add(next);
        return next;
    }

    String head() {
        return links.getLast();
    }

    /** The last index linked so far. */
    long length() {
        return links.size() - 1L;
    }

    /** The link at {@code index}, which must lie in 0..{@link #length()}. */
    String linkAt(long index) {
        return links.get(Math.toIntExact(index));
    }
}
