package fundexchange.engine;

import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.IntentMatchedListing;
import fundexchange.protocol.event.ListingOpened;
import fundexchange.protocol.event.MatchProposed;
import fundexchange.protocol.event.MatchScanLimited;
import fundexchange.engine.intent.Ask;
import fundexchange.engine.intent.AskKind;
import fundexchange.engine.intent.Candidate;
import fundexchange.engine.intent.Compatibility;
import fundexchange.engine.intent.Eligibility;
import fundexchange.engine.intent.Intent;
import fundexchange.engine.intent.MatchResult;
import fundexchange.engine.intent.Offer;
import fundexchange.engine.listing.Listing;
import fundexchange.protocol.listing.ListingStatus;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.reference.PlatformParameters;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Runs the {@link fundexchange.engine.intent.IntentMatcher} for the one item a command adds or changes, and turns the
 * top K into events: {@link MatchProposed} for an offer and an intent (staff only), {@link IntentMatchedListing} for an
 * intent and an open auction (its investor is told). The participant rules are answered by {@link TransferChecks} as
 * of the command's business date. Work per command is bounded by {@code match-scan-limit} (docs/matching.md).
 */
final class IntentMatching {
    /** Match ids are {@code sourceIndex * 4096 + n}, like trade ids; K is at most 100. */
    static final long MATCHES_PER_COMMAND = 4096;
    private final ExchangeState state;
    private final TransferChecks checks;

    IntentMatching(ExchangeState state, TransferChecks checks) {
        this.state = state;
        this.checks = checks;
    }

    /** Proposals for a new offer, against the resting intents. */
    List<Event> forOffer(CommandContext ctx, Offer offer) {
        PlatformParameters p = state.parameters;
        Ask ask = state.intentBook.ask(offer);
        MatchResult result = state.intentBook.matcher.matchAsk(ask, p.matchTopK(), p.matchScanLimit(), eligibility(ctx.date()));
        return events(ctx, offer.offerId(), result);
    }

    /** Proposals and listing notices for a new or amended intent, against resting offers and open auctions. */
    List<Event> forIntent(CommandContext ctx, Intent intent) {
        PlatformParameters p = state.parameters;
        MatchResult result = state.intentBook.matcher.matchWant(intent.want(), openAuctions(p.matchScanLimit(), ctx.time()),
                p.matchTopK(), p.matchScanLimit(), eligibility(ctx.date()));
        return events(ctx, intent.intentId(), result);
    }

    /** The decided events of a listing approval, followed by notices to the top intents if it opened an auction. */
    List<Event> afterApproval(CommandContext ctx, List<Event> decided) {
        List<Event> events = new ArrayList<>(decided);
        for (Event event : decided) {
            if (event instanceof ListingOpened opened) {
                Listing listing = state.listings.get(opened.listingId());
                if (listing.auctioned()) {
                    PlatformParameters p = state.parameters;
                    Ask ask = auctionAsk(listing, ctx.time());
                    MatchResult result = state.intentBook.matcher.matchAsk(ask, p.matchTopK(), p.matchScanLimit(),
                            eligibility(ctx.date()));
                    events.addAll(events(ctx, listing.listingId(), result));
                }
            }
        }
        return events;
    }

    private List<Event> events(CommandContext ctx, long triggerId, MatchResult result) {
        List<Event> events = new ArrayList<>();
        int rank = 0;
        for (Candidate c : result.ranked()) {
            rank++;
            Ask ask = c.ask();
            if (ask.kind() == AskKind.LISTING) {
                events.add(new IntentMatchedListing(c.want().id(), c.want().investor(), ask.id(), ask.fundCode(), rank,
                        ask.price(), ask.percentOfNavBasisPoints()));
            } else {
                long matchId = ctx.index() * MATCHES_PER_COMMAND + rank - 1;
                events.add(new MatchProposed(matchId, ask.id(), c.want().id(), ask.fundCode(), rank, c.units(), ask.price(),
                        c.amount(), ask.percentOfNavBasisPoints(), c.surplusBasisPoints()));
            }
        }
        if (result.truncated()) {
            events.add(new MatchScanLimited(triggerId, result.examined()));
        }
        return events;
    }

    /**
     * Open auctions as asks at their public price, whole lot only: the live listings are walked in deadline order
     * (every auction has one), at most {@code limit} of them.
     */
    private List<Ask> openAuctions(int limit, long time) {
        List<Ask> asks = new ArrayList<>();
        int visited = 0;
        for (TreeSet<Long> due : state.listingDeadlines.values()) {
            for (long listingId : due) {
                if (++visited > limit) {
                    return asks;
                }
                Listing listing = state.listings.get(listingId);
                if (listing.auctioned() && listing.status() == ListingStatus.OPEN) {
                    asks.add(auctionAsk(listing, time));
                }
            }
        }
        return asks;
    }

    /**
     * An auction offered at the price every investor who may see it sees at {@code time}, its mechanism's
     * {@link AuctionMechanism#offeredPrice}: the notice carries the ask's price and % of NAV to the intent's investor.
     */
    private Ask auctionAsk(Listing listing, long time) {
        Fund fund = state.funds.get(listing.fundCode());
        Price price = AuctionMechanism.ofAuction(listing.mechanism()).offeredPrice(listing, time, state.rulesVersion);
        return new Ask(listing.listingId(), AskKind.LISTING, listing.fundCode(), listing.seller(), price,
                Compatibility.percentOfNav(price, fund.nav()), listing.units(), listing.units(), listing.listingId());
    }

    private Eligibility eligibility(LocalDate date) {
        return new Eligibility() {
            @Override
            public boolean buyer(String investor, Fund fund) {
                return checks.buyer(investor, fund, date) == null;
            }

            @Override
            public boolean seller(String holder, Fund fund) {
                return checks.seller(holder, fund, date) == null;
            }
        };
    }
}
