package fundexchange.protocol.event;

/** Non-listed trading: holders' offers, investors' intents, quotes on offers and staff's match proposals. */
public sealed interface IntentEvent extends Event permits OfferPosted, OfferClosed, IntentPosted, IntentAmended,
        IntentClosed, QuoteSubmitted, QuoteCountered, QuoteDeclined, QuoteAccepted, MatchProposed, MatchBrokered,
        MatchAccepted, MatchDeclined, MatchAgreed, IntentMatchedListing, MatchScanLimited {
}
