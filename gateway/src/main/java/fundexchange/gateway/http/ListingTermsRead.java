package fundexchange.gateway.http;

import com.fasterxml.jackson.core.type.TypeReference;
import fundexchange.journal.JournalCodec;
import fundexchange.protocol.disclosure.Disclosed;
import fundexchange.protocol.disclosure.DisclosurePolicy;
import fundexchange.protocol.disclosure.Shown;
import fundexchange.protocol.disclosure.Viewer;
import fundexchange.protocol.listing.ListingFacts;
import fundexchange.protocol.listing.ListingMechanism.BidTerms;
import fundexchange.protocol.listing.ListingMechanism.ListingTerms;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.registry.read.BidView;
import fundexchange.registry.read.ListingView;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What a mechanism's own terms add to the reads of listings and bids, the same for every mechanism
 * (docs/design/mechanism-terms.md §2.6). The registry's JSON (V33) is decoded with the journal codec into the
 * protocol's record and shown as {@link DisclosurePolicy#terms} shapes it for the caller: whole to oversight and the
 * terms' owner (the seller, the bidder), to the market its {@code type} and the components marked market-visible.
 * A listing also shows what its terms derive as of the read ({@link ListingTerms#readAt}: {@code termsRead}, read at
 * {@code termsReadAt}) to a caller who sees every term ({@link DisclosurePolicy#termsRead}). Terms this build cannot
 * decode (a later build's record, read after going back a version) show nothing rather than fail the read.
 */
final class ListingTermsRead {
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    private ListingTermsRead() {
    }

    /** Adds the listing's terms, and their read at {@code now}, to {@code shown} as {@code viewer} may see them. */
    static void show(Map<String, Object> shown, ListingView listing, Viewer viewer, long now) {
        Optional<ListingTerms> decoded = decode(listing.terms(), ListingTerms.class);
        if (decoded.isEmpty()) {
            return;
        }
        ListingTerms terms = decoded.get();
        shown.put("terms", shaped(terms, viewer, listing.seller()));
        if (DisclosurePolicy.termsRead(viewer, listing.seller(), terms.getClass()) instanceof Shown.Full
                && listing.startsAt() != null && listing.endsAt() != null) {
            SortedMap<String, Object> read = terms.readAt(new ListingFacts(Price.of(listing.price()),
                    Units.of(listing.unitsLeft()), listing.startsAt(), listing.endsAt()), now);
            if (!read.isEmpty()) {
                shown.put("termsRead", read);
                shown.put("termsReadAt", now);
            }
        }
    }

    /** The bid's terms as {@code viewer} may see them, or null when it has none. */
    static Map<String, Object> bid(BidView bid, Viewer viewer) {
        return decode(bid.terms(), BidTerms.class).map(terms -> shaped(terms, viewer, bid.bidder())).orElse(null);
    }

    private static Map<String, Object> shaped(Object terms, Viewer viewer, String owner) {
        Map<String, Object> fields = JournalCodec.mapper().convertValue(terms, OBJECT);
        return Disclosed.fields(fields, DisclosurePolicy.terms(viewer, owner, terms.getClass()));
    }

    private static <T> Optional<T> decode(String json, Class<T> type) {
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JournalCodec.read(json.getBytes(StandardCharsets.UTF_8), type));
        } catch (UncheckedIOException unknownToThisBuild) {
            return Optional.empty();
        }
    }
}
