package fundexchange.engine;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.AcceptQuote;
import fundexchange.protocol.command.CounterQuote;
import fundexchange.protocol.command.DeclineQuote;
import fundexchange.protocol.command.SubmitQuote;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.QuoteAccepted;
import fundexchange.protocol.event.QuoteCountered;
import fundexchange.protocol.event.QuoteDeclined;
import fundexchange.protocol.event.QuoteSubmitted;
import fundexchange.engine.intent.Offer;
import fundexchange.protocol.intent.OfferClosure;
import fundexchange.engine.intent.Quote;
import fundexchange.protocol.intent.Side;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Pricing;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.reference.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Price inquiry on an offer (询价): an investor quotes (price, units); then the side whose turn it is accepts, or
 * counters (any number of rounds), and either side may decline. The holder knows the investor only by its pseudonym
 * on the offer (CONTRACTS.md 12). An acceptance re-checks both sides (CONTRACTS.md 13) and makes the trade, on the
 * settlement path of negotiated transfers; the offer closes when no units are left.
 */
final class InquiryRules {
    private final ExchangeState state;
    private final TransferChecks checks;
    private final TradeTerms terms;

    InquiryRules(ExchangeState state, TransferChecks checks, TradeTerms terms) {
        this.state = state;
        this.checks = checks;
        this.terms = terms;
    }

    List<Event> submit(CommandContext ctx, SubmitQuote c) {
        ctx.requireRole(Role.INVESTOR);
        Offer offer = OfferRules.openOffer(state, c.offerId());
        Rejection.check(!offer.holder().equals(ctx.actorId()), RejectCode.SELLER_IS_BUYER, "the holder cannot quote on its own offer");
        Fund fund = state.funds.get(offer.fundCode());
        TransferChecks.require(checks.buyer(ctx.actorId(), fund, ctx.date()));
        Quote open = state.intentBook.openQuote(offer.offerId(), ctx.actorId());
        Rejection.check(open == null, RejectCode.QUOTE_EXISTS,
                "you have open quote " + (open == null ? 0 : open.quoteId()) + " on this offer: counter or decline it");
        long percentOfNav = checkTerms(offer, fund, c.price(), c.units());
        return List.of(new QuoteSubmitted(ctx.index(), offer.offerId(), offer.fundCode(), ctx.actorId(),
                offer.pseudonymFor(ctx.actorId()), c.price(), c.units(), percentOfNav));
    }

    List<Event> counter(CommandContext ctx, CounterQuote c) {
        Quote quote = openQuote(c.quoteId());
        Offer offer = state.intentBook.offers.get(quote.offerId());
        Side side = yourTurn(ctx, offer, quote);
        long percentOfNav = checkTerms(offer, state.funds.get(offer.fundCode()), c.price(), c.units());
        return List.of(new QuoteCountered(quote.quoteId(), offer.offerId(), quote.round() + 1, side, quote.pseudonym(),
                c.price(), c.units(), percentOfNav));
    }

    List<Event> accept(CommandContext ctx, AcceptQuote c) {
        Quote quote = openQuote(c.quoteId());
        Offer offer = state.intentBook.offers.get(quote.offerId());
        Side side = yourTurn(ctx, offer, quote);
        OfferRules.checkLot(offer, quote.units());
        Fund fund = state.funds.get(offer.fundCode());
        TransferChecks.require(checks.buyer(quote.investor(), fund, ctx.date()));
        TransferChecks.require(checks.seller(offer.holder(), fund, ctx.date()));
        List<Event> events = new ArrayList<>();
        events.add(new QuoteAccepted(quote.quoteId(), offer.offerId(), side, quote.pseudonym(), quote.price(), quote.units()));
        events.add(terms.accepted(terms.trade(ctx.index(), ctx.firstFill(), ctx.time(), 0, fund, offer.holder(),
                quote.investor(), quote.units(), quote.price()).onOffer(offer.offerId())));
        if (quote.units().equals(offer.remaining())) {
            events.add(OfferRules.closed(state.intentBook, offer, OfferClosure.FILLED, Units.ZERO, List.of(quote.quoteId()),
                    List.of()));
        }
        return events;
    }

    List<Event> decline(CommandContext ctx, DeclineQuote c) {
        Quote quote = openQuote(c.quoteId());
        Offer offer = state.intentBook.offers.get(quote.offerId());
        Side side = sideOf(ctx, offer, quote);
        return List.of(new QuoteDeclined(quote.quoteId(), offer.offerId(), side, quote.pseudonym()));
    }

    /** Terms the offer can trade: a positive price, a lot within the remainder and at least the minimum lot. */
    private static long checkTerms(Offer offer, Fund fund, Price price, Units units) {
        Validation.present(price, "price");
        Rejection.check(price.positive(), RejectCode.NOT_POSITIVE, "price must be positive");
        OfferRules.checkLot(offer, units);
        TradeTerms.overflowChecked(() -> Pricing.consideration(units, price));
        return TradeTerms.overflowChecked(() -> Pricing.percentOfNavBasisPoints(price, fund.nav()));
    }

    private Quote openQuote(long quoteId) {
        Quote quote = state.intentBook.quotes.get(quoteId);
        Rejection.check(quote != null, RejectCode.QUOTE_NOT_OPEN, "no open quote " + quoteId);
        return quote;
    }

    private static Side yourTurn(CommandContext ctx, Offer offer, Quote quote) {
        Side side = sideOf(ctx, offer, quote);
        Rejection.check(side == quote.turn(), RejectCode.NOT_YOUR_TURN,
                "quote " + quote.quoteId() + " waits for the " + quote.turn().name().toLowerCase(java.util.Locale.ROOT));
        return side;
    }

    private static Side sideOf(CommandContext ctx, Offer offer, Quote quote) {
        if (ctx.actorId().equals(offer.holder())) {
            return Side.HOLDER;
        }
        Rejection.check(ctx.actorId().equals(quote.investor()), RejectCode.NOT_QUOTE_PARTY,
                "only the offer's holder and the quoting investor act on quote " + quote.quoteId());
        return Side.INVESTOR;
    }
}
