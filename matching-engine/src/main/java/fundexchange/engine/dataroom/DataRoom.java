package fundexchange.engine.dataroom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A listing's (or offer's) data room: its documents in registration order, its NDA versions (the digest of version
 * {@code n} at {@code n - 1}), the investors it is directed to (sorted; empty: every investor) and each investor's
 * latest accepted NDA version (sorted by investor). Immutable; every change makes a new room.
 */
public record DataRoom(long listingId, String holder, List<RoomDocument> documents, List<String> ndaDigests,
                       List<String> directed, List<NdaAcceptance> acceptances) {

    public DataRoom {
        documents = List.copyOf(documents);
        ndaDigests = List.copyOf(ndaDigests);
        directed = List.copyOf(directed);
        acceptances = List.copyOf(acceptances);
    }

    /** An empty room. */
    public static DataRoom empty(long listingId, String holder) {
        return new DataRoom(listingId, holder, List.of(), List.of(), List.of(), List.of());
    }

    /** The current NDA version, 0 when none is published. */
    public int ndaVersion() {
        return ndaDigests.size();
    }

    /** Whether {@code investor} may see the room: it is not directed, or directed to them. */
    public boolean admits(String investor) {
        return directed.isEmpty() || directed.contains(investor);
    }

    /** The latest NDA version {@code investor} accepted, 0 for none. */
    public int acceptedVersion(String investor) {
        return acceptances.stream().filter(a -> a.investor().equals(investor)).mapToInt(NdaAcceptance::version)
                .findFirst().orElse(0);
    }

    /** The bytes its documents take together. */
    public long totalSize() {
        return documents.stream().mapToLong(RoomDocument::size).sum();
    }

    /** The document with {@code documentId}. */
    public Optional<RoomDocument> document(long documentId) {
        return documents.stream().filter(d -> d.documentId() == documentId).findFirst();
    }

    public DataRoom withDocument(RoomDocument document) {
        List<RoomDocument> more = new ArrayList<>(documents);
        more.add(document);
        List<String> ndas = new ArrayList<>(ndaDigests);
        if (document.kind() == fundexchange.protocol.dataroom.DocumentKind.NDA) {
            ndas.add(document.digest());
        }
        return new DataRoom(listingId, holder, more, ndas, directed, acceptances);
    }

    public DataRoom withDirected(List<String> investors) {
        return new DataRoom(listingId, holder, documents, ndaDigests, investors.stream().sorted().toList(), acceptances);
    }

    public DataRoom withAcceptance(String investor, int version) {
        List<NdaAcceptance> next = new ArrayList<>(acceptances.stream().filter(a -> !a.investor().equals(investor)).toList());
        next.add(new NdaAcceptance(investor, version));
        next.sort(Comparator.comparing(NdaAcceptance::investor));
        return new DataRoom(listingId, holder, documents, ndaDigests, directed, next);
    }
}
