package fundexchange.gateway.view;

import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.IntentAmended;
import fundexchange.protocol.event.IntentClosed;
import fundexchange.protocol.event.IntentMatchedListing;
import fundexchange.protocol.event.IntentPosted;
import fundexchange.protocol.event.MatchAccepted;
import fundexchange.protocol.event.MatchAgreed;
import fundexchange.protocol.event.MatchBrokered;
import fundexchange.protocol.event.MatchDeclined;
import fundexchange.protocol.event.OfferClosed;
import fundexchange.protocol.event.OfferPosted;
import fundexchange.protocol.event.QuoteAccepted;
import fundexchange.protocol.event.QuoteCountered;
import fundexchange.protocol.event.QuoteDeclined;
import fundexchange.protocol.event.QuoteSubmitted;
import fundexchange.protocol.EventDocument;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Who hears what of intent matching (docs/matching.md, CONTRACTS.md 12): offers to their holder, intents to their
 * investor; a quote to its investor whole and to the offer's holder with the investor as its pseudonym; counters,
 * declines, acceptances and brokered proposals (which name nobody) to both parties, the brokering staff member left
 * out; the agreement, which reveals both, to both. Match proposals before brokering reach staff and regulators only.
 */
final class IntentFeed {
    private final Map<Long, String> offerHolders = new ConcurrentHashMap<>();
    private final Map<Long, String> intentInvestors = new ConcurrentHashMap<>();
    private final Map<Long, String> quoteInvestors = new ConcurrentHashMap<>();

    /** Delivers the event if it belongs to intent matching; false if it does not. */
    boolean shape(EventDocument doc, Event event, BiConsumer<String, FeedEntry> deliver) {
        switch (event) {
            case OfferPosted e -> {
                offerHolders.put(e.offerId(), e.holder());
                deliver.accept(e.holder(), FeedShaper.whole(doc, e));
            }
            case OfferClosed e -> deliver.accept(e.holder(), FeedShaper.whole(doc, e));
            case IntentPosted e -> {
                intentInvestors.put(e.intentId(), e.investor());
                deliver.accept(e.investor(), FeedShaper.whole(doc, e));
            }
            case IntentAmended e -> deliver.accept(e.investor(), FeedShaper.whole(doc, e));
            case IntentClosed e -> deliver.accept(e.investor(), FeedShaper.whole(doc, e));
            case IntentMatchedListing e -> deliver.accept(e.investor(), FeedShaper.whole(doc, e));
            case QuoteSubmitted e -> {
                quoteInvestors.put(e.quoteId(), e.investor());
                deliver.accept(e.investor(), FeedShaper.whole(doc, e));
                Map<String, Object> seen = FeedShaper.fields(e);
                seen.put("investor", "P" + e.pseudonym());
                deliver(offerHolders.get(e.offerId()), FeedShaper.entry(doc, "event", seen), deliver);
            }
            case QuoteCountered e -> toQuoteParties(doc, e, e.quoteId(), e.offerId(), deliver);
            case QuoteDeclined e -> toQuoteParties(doc, e, e.quoteId(), e.offerId(), deliver);
            case QuoteAccepted e -> toQuoteParties(doc, e, e.quoteId(), e.offerId(), deliver);
            case MatchBrokered e -> {
                Map<String, Object> seen = FeedShaper.fields(e);
                seen.remove("brokeredBy");
                deliver(offerHolders.get(e.offerId()), FeedShaper.entry(doc, "event", withoutIntent(seen)), deliver);
                deliver(intentInvestors.get(e.intentId()), FeedShaper.entry(doc, "event", seen), deliver);
            }
            case MatchAccepted e -> toMatchParties(doc, e, e.offerId(), e.intentId(), deliver);
            case MatchDeclined e -> toMatchParties(doc, e, e.offerId(), e.intentId(), deliver);
            case MatchAgreed e -> {
                deliver.accept(e.holder(), FeedShaper.whole(doc, e));
                deliver.accept(e.investor(), FeedShaper.whole(doc, e));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void toQuoteParties(EventDocument doc, Event e, long quoteId, long offerId,
                                BiConsumer<String, FeedEntry> deliver) {
        FeedEntry entry = FeedShaper.whole(doc, e);
        deliver(offerHolders.get(offerId), entry, deliver);
        deliver(quoteInvestors.get(quoteId), entry, deliver);
    }

    private void toMatchParties(EventDocument doc, Event e, long offerId, long intentId,
                                BiConsumer<String, FeedEntry> deliver) {
        deliver(offerHolders.get(offerId), FeedShaper.entry(doc, "event", withoutIntent(FeedShaper.fields(e))), deliver);
        deliver(intentInvestors.get(intentId), FeedShaper.whole(doc, e), deliver);
    }

    /** The holder's copy of a proposal's event: the investor's intent id stays with the investor, as in GET /matches. */
    private static Map<String, Object> withoutIntent(Map<String, Object> fields) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(fields);
        copy.remove("intentId");
        return copy;
    }

    private static void deliver(String participant, FeedEntry entry, BiConsumer<String, FeedEntry> deliver) {
        if (participant != null) {
            deliver.accept(participant, entry);
        }
    }
}
