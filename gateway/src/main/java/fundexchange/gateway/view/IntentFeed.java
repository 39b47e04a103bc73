package fundexchange.gateway.view;

import fundexchange.protocol.disclosure.Relation;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.IntentAmended;
import fundexchange.protocol.event.IntentClosed;
import fundexchange.protocol.event.IntentEvent;
import fundexchange.protocol.event.IntentMatchedListing;
import fundexchange.protocol.event.IntentPosted;
import fundexchange.protocol.event.MatchAccepted;
import fundexchange.protocol.event.MatchAgreed;
import fundexchange.protocol.event.MatchBrokered;
import fundexchange.protocol.event.MatchDeclined;
import fundexchange.protocol.event.MatchProposed;
import fundexchange.protocol.event.MatchScanLimited;
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
 * Who hears of intent matching (docs/matching.md, CONTRACTS.md 12): offers their holder, intents their investor, quotes
 * their investor and the offer's holder, brokered proposals, their acceptances and declines and the agreement both
 * parties; match proposals before brokering reach the oversight feed only. What each sees (the investor as its
 * pseudonym, no broker, the holder without the intent) is {@link fundexchange.protocol.disclosure.DisclosurePolicy}'s.
 */
final class IntentFeed {
    private final Map<Long, String> offerHolders = new ConcurrentHashMap<>();
    private final Map<Long, String> intentInvestors = new ConcurrentHashMap<>();
    private final Map<Long, String> quoteInvestors = new ConcurrentHashMap<>();

    /** Delivers an intent-matching event to its parties; a proposal and a scan limit reach the oversight feed only. */
    void shape(EventDocument doc, IntentEvent event, BiConsumer<String, FeedEntry> deliver) {
        switch (event) {
            case OfferPosted e -> {
                offerHolders.put(e.offerId(), e.holder());
                FeedShaper.to(e.holder(), Relation.SELF, doc, e, deliver);
            }
            case OfferClosed e -> FeedShaper.to(e.holder(), Relation.SELF, doc, e, deliver);
            case IntentPosted e -> {
                intentInvestors.put(e.intentId(), e.investor());
                FeedShaper.to(e.investor(), Relation.SELF, doc, e, deliver);
            }
            case IntentAmended e -> FeedShaper.to(e.investor(), Relation.SELF, doc, e, deliver);
            case IntentClosed e -> FeedShaper.to(e.investor(), Relation.SELF, doc, e, deliver);
            case IntentMatchedListing e -> FeedShaper.to(e.investor(), Relation.SELF, doc, e, deliver);
            case QuoteSubmitted e -> {
                quoteInvestors.put(e.quoteId(), e.investor());
                FeedShaper.to(e.investor(), Relation.SELF, doc, e, deliver);
                FeedShaper.to(offerHolders.get(e.offerId()), Relation.COUNTERPARTY, doc, e, deliver);
            }
            case QuoteCountered e -> toQuoteParties(doc, e, e.quoteId(), e.offerId(), deliver);
            case QuoteDeclined e -> toQuoteParties(doc, e, e.quoteId(), e.offerId(), deliver);
            case QuoteAccepted e -> toQuoteParties(doc, e, e.quoteId(), e.offerId(), deliver);
            case MatchBrokered e -> toMatchParties(doc, e, e.offerId(), e.intentId(), deliver);
            case MatchAccepted e -> toMatchParties(doc, e, e.offerId(), e.intentId(), deliver);
            case MatchDeclined e -> toMatchParties(doc, e, e.offerId(), e.intentId(), deliver);
            case MatchAgreed e -> {
                FeedShaper.to(e.holder(), Relation.COUNTERPARTY, doc, e, deliver);
                FeedShaper.to(e.investor(), Relation.SELF, doc, e, deliver);
            }
            case MatchProposed e -> { }
            case MatchScanLimited e -> { }
        }
    }

    private void toQuoteParties(EventDocument doc, Event e, long quoteId, long offerId,
                                BiConsumer<String, FeedEntry> deliver) {
        FeedShaper.to(offerHolders.get(offerId), Relation.COUNTERPARTY, doc, e, deliver);
        FeedShaper.to(quoteInvestors.get(quoteId), Relation.SELF, doc, e, deliver);
    }

    /** A proposal's event: the offer's holder is the investor's counterparty; the intent is the investor's own. */
    private void toMatchParties(EventDocument doc, Event e, long offerId, long intentId,
                                BiConsumer<String, FeedEntry> deliver) {
        FeedShaper.to(offerHolders.get(offerId), Relation.COUNTERPARTY, doc, e, deliver);
        FeedShaper.to(intentInvestors.get(intentId), Relation.SELF, doc, e, deliver);
    }
}
