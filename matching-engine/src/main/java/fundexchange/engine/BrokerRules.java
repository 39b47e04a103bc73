package fundexchange.engine;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.AcceptMatch;
import fundexchange.protocol.command.BrokerMatch;
import fundexchange.protocol.command.DeclineMatch;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.IntentClosed;
import fundexchange.protocol.event.MatchAccepted;
import fundexchange.protocol.event.MatchAgreed;
import fundexchange.protocol.event.MatchBrokered;
import fundexchange.protocol.event.MatchDeclined;
import fundexchange.engine.intent.Intent;
import fundexchange.protocol.intent.IntentClosure;
import fundexchange.engine.intent.Match;
import fundexchange.engine.intent.MatchStatus;
import fundexchange.engine.intent.Offer;
import fundexchange.protocol.intent.OfferClosure;
import fundexchange.protocol.intent.Side;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Pricing;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.reference.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Brokering (意向撮合 with the exchange's staff): staff put a proposed match to both parties; each accepts or declines.
 * Until both accept, each sees only the offer, the intent's terms and the investor's pseudonym; when both have, the
 * identities are revealed to the two ({@link MatchAgreed}) and the trade follows on the negotiated settlement path,
 * both sides re-checked (CONTRACTS.md 13). The intent is then filled; the offer closes when no units are left.
 */
final class BrokerRules {
    private final ExchangeState state;
    private final TransferChecks checks;
    private final TradeTerms terms;

    BrokerRules(ExchangeState state, TransferChecks checks, TradeTerms terms) {
        this.state = state;
        this.checks = checks;
        this.terms = terms;
    }

    List<Event> broker(CommandContext ctx, BrokerMatch c) {
        ctx.requireRole(Role.STAFF);
        Match match = liveMatch(c.matchId());
        Rejection.check(match.status() == MatchStatus.PROPOSED, RejectCode.MATCH_NOT_PROPOSED,
                "match " + match.matchId() + " was already put to the parties");
        Offer offer = state.intentBook.offers.get(match.offerId());
        Intent intent = state.intentBook.intents.get(match.intentId());
        Duties.notParty(ctx.actorId(), "match " + match.matchId(), offer.holder(), intent.investor());
        Units units = c.units() == null ? match.units() : c.units();
        Price price = c.price() == null ? match.price() : c.price();
        OfferRules.checkLot(offer, units);
        Rejection.check(price.positive(), RejectCode.NOT_POSITIVE, "price must be positive");
        TradeTerms.overflowChecked(() -> Pricing.consideration(units, price));
        long percentOfNav = TradeTerms.overflowChecked(() -> Pricing.percentOfNavBasisPoints(price,
                state.funds.get(offer.fundCode()).nav()));
        return List.of(new MatchBrokered(match.matchId(), offer.offerId(), intent.intentId(), offer.fundCode(),
                offer.pseudonymFor(intent.investor()), units, price, percentOfNav, ctx.actorId()));
    }

    List<Event> accept(CommandContext ctx, AcceptMatch c) {
        Match match = brokeredMatch(c.matchId());
        Offer offer = state.intentBook.offers.get(match.offerId());
        Intent intent = state.intentBook.intents.get(match.intentId());
        Side side = sideOf(ctx, offer, intent, match);
        Rejection.check(!match.accepted(side), RejectCode.MATCH_ALREADY_ACCEPTED, "you already accepted match " + match.matchId());
        Fund fund = state.funds.get(offer.fundCode());
        TransferChecks.require(side == Side.HOLDER ? checks.seller(offer.holder(), fund, ctx.date())
                : checks.buyer(intent.investor(), fund, ctx.date()));
        MatchAccepted accepted = new MatchAccepted(match.matchId(), offer.offerId(), intent.intentId(), side,
                match.investorPseudonym());
        if (!match.accepted(side.other())) {
            return List.of(accepted);
        }
        OfferRules.checkLot(offer, match.units());
        TransferChecks.require(checks.buyer(intent.investor(), fund, ctx.date()));
        TransferChecks.require(checks.seller(offer.holder(), fund, ctx.date()));
        List<Event> events = new ArrayList<>();
        events.add(accepted);
        events.add(new MatchAgreed(match.matchId(), offer.offerId(), intent.intentId(), offer.holder(), intent.investor()));
        events.add(terms.accepted(terms.trade(ctx.index(), ctx.firstFill(), ctx.time(), 0, fund, offer.holder(),
                intent.investor(), match.units(), match.price()).onOffer(offer.offerId())));
        List<Long> intentLapses = IntentState.without(state.intentBook.matchesOfIntent(intent.intentId()),
                List.of(match.matchId()));
        events.add(new IntentClosed(intent.intentId(), intent.investor(), IntentClosure.FILLED, intentLapses));
        if (match.units().equals(offer.remaining())) {
            List<Long> ended = new ArrayList<>(intentLapses);
            ended.add(match.matchId());
            events.add(OfferRules.closed(state.intentBook, offer, OfferClosure.FILLED, Units.ZERO, List.of(), ended));
        }
        return events;
    }

    List<Event> decline(CommandContext ctx, DeclineMatch c) {
        Match match = brokeredMatch(c.matchId());
        Offer offer = state.intentBook.offers.get(match.offerId());
        Intent intent = state.intentBook.intents.get(match.intentId());
        Side side = sideOf(ctx, offer, intent, match);
        return List.of(new MatchDeclined(match.matchId(), offer.offerId(), intent.intentId(), side, match.investorPseudonym()));
    }

    private Match liveMatch(long matchId) {
        Match match = state.intentBook.matches.get(matchId);
        Rejection.check(match != null, RejectCode.MATCH_NOT_LIVE, "no live match proposal " + matchId);
        return match;
    }

    private Match brokeredMatch(long matchId) {
        Match match = liveMatch(matchId);
        Rejection.check(match.status() == MatchStatus.BROKERED, RejectCode.MATCH_NOT_BROKERED,
                "match " + matchId + " has not been put to the parties");
        return match;
    }

    private static Side sideOf(CommandContext ctx, Offer offer, Intent intent, Match match) {
        if (ctx.actorId().equals(offer.holder())) {
            return Side.HOLDER;
        }
        Rejection.check(ctx.actorId().equals(intent.investor()), RejectCode.NOT_MATCH_PARTY,
                "only the offer's holder and the intent's investor act on match " + match.matchId());
        return Side.INVESTOR;
    }
}
