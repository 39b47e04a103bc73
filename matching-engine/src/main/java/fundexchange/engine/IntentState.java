package fundexchange.engine;

import fundexchange.engine.intent.Ask;
import fundexchange.engine.intent.AskKind;
import fundexchange.engine.intent.Compatibility;
import fundexchange.engine.intent.Intent;
import fundexchange.engine.intent.IntentMatcher;
import fundexchange.engine.intent.Match;
import fundexchange.engine.intent.Offer;
import fundexchange.engine.intent.Quote;
import fundexchange.protocol.reference.Fund;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The live part of intent matching: resting offers and intents, open quotes and live match proposals (hashed and
 * snapshotted; closed ones leave the engine, the registry keeps their history), and derived indexes rebuilt on
 * restore: the {@link IntentMatcher}, expiries by time, quotes and proposals per offer and intent, offers per fund.
 * Only {@link IntentApplier} mutates it.
 */
final class IntentState {
    final TreeMap<Long, Offer> offers = new TreeMap<>();
    final TreeMap<Long, Intent> intents = new TreeMap<>();
    final TreeMap<Long, Quote> quotes = new TreeMap<>();
    final TreeMap<Long, Match> matches = new TreeMap<>();
    final IntentMatcher matcher;
    private final Function<String, Fund> funds;
    /** Derived: expiry time -> offer and intent ids (ids are journal indexes, so they never collide). */
    private final TreeMap<Long, TreeSet<Long>> expiries = new TreeMap<>();
    private final TreeMap<Long, TreeSet<Long>> quotesByOffer = new TreeMap<>();
    private final TreeMap<Long, TreeSet<Long>> matchesByOffer = new TreeMap<>();
    private final TreeMap<Long, TreeSet<Long>> matchesByIntent = new TreeMap<>();
    private final TreeMap<String, TreeSet<Long>> offersByFund = new TreeMap<>();

    IntentState(Function<String, Fund> funds) {
        this.funds = funds;
        this.matcher = new IntentMatcher(funds);
    }

    /** The sell-side entry of a resting offer, priced against the fund's current NAV. */
    Ask ask(Offer offer) {
        Fund fund = funds.apply(offer.fundCode());
        return new Ask(offer.offerId(), AskKind.OFFER, offer.fundCode(), offer.holder(), offer.askPrice(),
                Compatibility.percentOfNav(offer.askPrice(), fund.nav()), offer.lotMin(), offer.remaining(), offer.offerId());
    }

    void putOffer(Offer offer) {
        Offer before = offers.put(offer.offerId(), offer);
        if (before == null) {
            offersByFund.computeIfAbsent(offer.fundCode(), f -> new TreeSet<>()).add(offer.offerId());
            ExchangeState.addDeadline(expiries, offer.expiresAt(), offer.offerId());
        }
        matcher.add(ask(offer));
    }

    void removeOffer(long offerId) {
        Offer offer = offers.remove(offerId);
        if (offer != null) {
            ExchangeState.removeDeadline(expiries, offer.expiresAt(), offerId);
            removeFrom(offersByFund, offer.fundCode(), offerId);
            matcher.removeAsk(offerId);
        }
    }

    void putIntent(Intent intent) {
        Intent before = intents.put(intent.intentId(), intent);
        if (before != null) {
            ExchangeState.removeDeadline(expiries, before.expiresAt(), before.intentId());
        }
        ExchangeState.addDeadline(expiries, intent.expiresAt(), intent.intentId());
        matcher.add(intent.want());
    }

    void removeIntent(long intentId) {
        Intent intent = intents.remove(intentId);
        if (intent != null) {
            ExchangeState.removeDeadline(expiries, intent.expiresAt(), intentId);
            matcher.removeWant(intentId);
        }
    }

    void putQuote(Quote quote) {
        quotes.put(quote.quoteId(), quote);
        quotesByOffer.computeIfAbsent(quote.offerId(), o -> new TreeSet<>()).add(quote.quoteId());
    }

    void removeQuote(long quoteId) {
        Quote quote = quotes.remove(quoteId);
        if (quote != null) {
            removeFrom(quotesByOffer, quote.offerId(), quoteId);
        }
    }

    void putMatch(Match match) {
        matches.put(match.matchId(), match);
        matchesByOffer.computeIfAbsent(match.offerId(), o -> new TreeSet<>()).add(match.matchId());
        matchesByIntent.computeIfAbsent(match.intentId(), i -> new TreeSet<>()).add(match.matchId());
    }

    void removeMatch(long matchId) {
        Match match = matches.remove(matchId);
        if (match != null) {
            removeFrom(matchesByOffer, match.offerId(), matchId);
            removeFrom(matchesByIntent, match.intentId(), matchId);
        }
    }

    /** Re-prices the fund's resting offers in the index after its NAV changed. */
    void repriceFund(String fundCode) {
        for (long offerId : offersByFund.getOrDefault(fundCode, new TreeSet<>())) {
            matcher.add(ask(offers.get(offerId)));
        }
    }

    /** Open quotes on an offer, in id order. */
    List<Long> quotesOn(long offerId) {
        return List.copyOf(quotesByOffer.getOrDefault(offerId, new TreeSet<>()));
    }

    List<Long> matchesOfOffer(long offerId) {
        return List.copyOf(matchesByOffer.getOrDefault(offerId, new TreeSet<>()));
    }

    List<Long> matchesOfIntent(long intentId) {
        return List.copyOf(matchesByIntent.getOrDefault(intentId, new TreeSet<>()));
    }

    /** The open quote of this investor on this offer, if any. */
    Quote openQuote(long offerId, String investor) {
        for (long quoteId : quotesByOffer.getOrDefault(offerId, new TreeSet<>())) {
            Quote quote = quotes.get(quoteId);
            if (quote.investor().equals(investor)) {
                return quote;
            }
        }
        return null;
    }

    /** Epoch ms of the earliest offer or intent expiry, or {@link Long#MAX_VALUE}. */
    long nextExpiry() {
        return expiries.isEmpty() ? Long.MAX_VALUE : expiries.firstKey();
    }

    /** The offer or intent id that expires first. */
    long firstExpiring() {
        return expiries.firstEntry().getValue().first();
    }

    /** Rebuilds every derived index from restored live items; the funds must already be restored. */
    void restore(Collection<Offer> restoredOffers, Collection<Intent> restoredIntents, Collection<Quote> restoredQuotes,
                 Collection<Match> restoredMatches) {
        restoredOffers.forEach(this::putOffer);
        restoredIntents.forEach(this::putIntent);
        restoredQuotes.forEach(this::putQuote);
        restoredMatches.forEach(this::putMatch);
    }

    /** Ids that are in {@code ids} but not in {@code except}, in order. */
    static List<Long> without(List<Long> ids, Collection<Long> except) {
        List<Long> kept = new ArrayList<>(ids.size());
        for (Long id : ids) {
            if (!except.contains(id)) {
                kept.add(id);
            }
        }
        return List.copyOf(kept);
    }

    private static <K> void removeFrom(TreeMap<K, TreeSet<Long>> index, K key, long id) {
        TreeSet<Long> ids = index.get(key);
        if (ids != null) {
            ids.remove(id);
            if (ids.isEmpty()) {
                index.remove(key);
            }
        }
    }
}
