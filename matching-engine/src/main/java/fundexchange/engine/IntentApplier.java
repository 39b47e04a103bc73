package fundexchange.engine;

import fundexchange.protocol.event.IntentAmended;
import fundexchange.protocol.event.IntentClosed;
import fundexchange.protocol.event.IntentPosted;
import fundexchange.protocol.event.MatchAccepted;
import fundexchange.protocol.event.MatchBrokered;
import fundexchange.protocol.event.MatchProposed;
import fundexchange.protocol.event.OfferClosed;
import fundexchange.protocol.event.OfferPosted;
import fundexchange.protocol.event.QuoteCountered;
import fundexchange.protocol.event.QuoteSubmitted;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.engine.intent.Intent;
import fundexchange.engine.intent.Match;
import fundexchange.engine.intent.MatchStatus;
import fundexchange.engine.intent.Offer;
import fundexchange.engine.intent.Quote;
import fundexchange.protocol.intent.Side;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Units;
import fundexchange.engine.position.Position;
import java.util.List;

/** Applies the intent-matching events for {@link StateApplier}; like it, it never rejects. */
final class IntentApplier {
    private final ExchangeState state;
    private final IntentState book;

    IntentApplier(ExchangeState state) {
        this.state = state;
        this.book = state.intentBook;
    }

    void offerPosted(OfferPosted e) {
        lock(e.fundCode(), e.holder(), e.units());
        book.putOffer(new Offer(e.offerId(), e.fundCode(), e.holder(), e.units(), e.units(), e.minLot(), e.askPrice(),
                e.visibility(), e.expiresAt(), List.of()));
    }

    void offerClosed(OfferClosed e) {
        lock(e.fundCode(), e.holder(), Units.ZERO.minus(e.unitsUnlocked()));
        book.removeOffer(e.offerId());
        e.lapsedQuotes().forEach(book::removeQuote);
        e.lapsedMatches().forEach(book::removeMatch);
    }

    /** A trade on an offer: its units leave the offer's remainder and stay locked for the pending trade. */
    void traded(TradeExecuted e) {
        Offer offer = book.offers.get(e.offerId());
        book.putOffer(offer.withRemaining(offer.remaining().minus(e.units())));
    }

    void intentPosted(IntentPosted e, long index) {
        book.putIntent(new Intent(e.intentId(), e.investor(), e.fundCodes(), e.criteria(), e.minAmount(), e.maxAmount(),
                e.maxPercentOfNavBasisPoints(), e.expiresAt(), index));
    }

    void intentAmended(IntentAmended e, long index) {
        e.lapsedMatches().forEach(book::removeMatch);
        book.putIntent(new Intent(e.intentId(), e.investor(), e.fundCodes(), e.criteria(), e.minAmount(), e.maxAmount(),
                e.maxPercentOfNavBasisPoints(), e.expiresAt(), index));
    }

    void intentClosed(IntentClosed e) {
        e.lapsedMatches().forEach(book::removeMatch);
        book.removeIntent(e.intentId());
    }

    void quoteSubmitted(QuoteSubmitted e) {
        book.putQuote(new Quote(e.quoteId(), e.offerId(), e.investor(), e.pseudonym(), e.price(), e.units(), 0, Side.HOLDER));
        book.putOffer(book.offers.get(e.offerId()).withCounterparty(e.investor()));
    }

    void quoteCountered(QuoteCountered e) {
        Quote quote = book.quotes.get(e.quoteId());
        book.putQuote(new Quote(quote.quoteId(), quote.offerId(), quote.investor(), quote.pseudonym(), e.price(), e.units(),
                e.round(), e.by().other()));
    }

    void matchProposed(MatchProposed e) {
        book.putMatch(new Match(e.matchId(), e.offerId(), e.intentId(), e.units(), e.price(), e.percentOfNavBasisPoints(),
                MatchStatus.PROPOSED, 0, false, false));
    }

    void matchBrokered(MatchBrokered e) {
        book.putMatch(book.matches.get(e.matchId()).brokered(e.investorPseudonym(), e.units(), e.price(),
                e.percentOfNavBasisPoints()));
        String investor = book.intents.get(e.intentId()).investor();
        book.putOffer(book.offers.get(e.offerId()).withCounterparty(investor));
    }

    void matchAccepted(MatchAccepted e) {
        book.putMatch(book.matches.get(e.matchId()).acceptedBy(e.by()));
    }

    /** Adds {@code units} (negative to unlock) to the holder's locked units, as StateApplier keeps positions. */
    private void lock(String fundCode, String holder, Units units) {
        Position position = state.position(fundCode, holder);
        Position changed = position.withLocked(position.locked().plus(units));
        if (changed.isEmpty() && changed.cost().equals(Money.ZERO)) {
            state.dropPosition(fundCode, holder);
        } else {
            state.storePosition(changed);
        }
    }
}
