package fundexchange.gateway.http;

import com.fasterxml.jackson.core.type.TypeReference;
import fundexchange.journal.JournalCodec;
import fundexchange.protocol.disclosure.Disclosed;
import fundexchange.protocol.disclosure.Disclosure;
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
 * While a listing is OPEN it also shows what its terms derive as of the read ({@link ListingTerms#readAt}:
 * {@code termsRead}, read at {@code termsReadAt}) to a caller who sees every term ({@link DisclosurePolicy#termsRead});
 * a listing pending approval, closed or cancelled shows none, as the Dutch auction's clock ({@link LegacyListingRead}).
 * A read never fails on one row: terms this build cannot decode (a later build's record, read after going back a
 * version) show nothing, and a {@code readAt} that throws (a mechanism's bug) shows no {@code termsRead} and is logged.
 */
final class ListingTermsRead {
    private static final System.Logger LOG = System.getLogger(ListingTermsRead.class.getName());
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    private ListingTermsRead() {
    }

    /** Adds the listing's terms, and their read at {@code now}, to {@code shown} as {@code viewer} may see them. */
    static void show(Map<String, Object> shown, ListingView listing, Viewer viewer, long now) {
        decode(listing.terms(), ListingTerms.class)
                .ifPresent(terms -> show(shown, listing, terms, terms.getClass(), viewer, now));
    }

    /**
     * As {@link #show(Map, ListingView, Viewer, long)} for decoded {@code terms}, disclosed as the record class
     * {@code disclosedAs} marks its components: the terms' own class, except in a test, which names a record with a
     * hidden term (no permitted record has one yet, and the interface is sealed).
     */
    static void show(Map<String, Object> shown, ListingView listing, ListingTerms terms, Class<?> disclosedAs,
            Viewer viewer, long now) {
        shown.put("terms", shaped(terms, DisclosurePolicy.terms(viewer, listing.seller(), disclosedAs)));
        if (DisclosurePolicy.termsRead(viewer, listing.seller(), disclosedAs) instanceof Shown.Full
                && "OPEN".equals(listing.status()) && listing.startsAt() != null && listing.endsAt() != null) {
            SortedMap<String, Object> read;
            try {
                read = terms.readAt(new ListingFacts(Price.of(listing.price()), Units.of(listing.unitsLeft()),
                        listing.startsAt(), listing.endsAt()), now);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "listing " + listing.listingId() + ": its "
                        + terms.getClass().getSimpleName() + " could not be read, shown without termsRead", e);
                return;
            }
            if (!read.isEmpty()) {
                shown.put("termsRead", read);
                shown.put("termsReadAt", now);
            }
        }
    }

    /** The bid's terms as {@code viewer} may see them, or null when it has none. */
    static Map<String, Object> bid(BidView bid, Viewer viewer) {
        return decode(bid.terms(), BidTerms.class)
                .map(terms -> shaped(terms, DisclosurePolicy.terms(viewer, bid.bidder(), terms.getClass()))).orElse(null);
    }

    /** {@code terms} encoded as the journal codec writes them ({@code type} included), shaped by {@code disclosure}. */
    private static Map<String, Object> shaped(Object terms, Disclosure disclosure) {
        return Disclosed.fields(JournalCodec.mapper().convertValue(terms, OBJECT), disclosure);
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
