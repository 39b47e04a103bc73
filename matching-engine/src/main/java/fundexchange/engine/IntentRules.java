package fundexchange.engine;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.AmendIntent;
import fundexchange.protocol.command.CancelIntent;
import fundexchange.protocol.command.PostIntent;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.IntentAmended;
import fundexchange.protocol.event.IntentClosed;
import fundexchange.protocol.event.IntentPosted;
import fundexchange.engine.intent.Intent;
import fundexchange.protocol.intent.IntentClosure;
import fundexchange.protocol.intent.IntentCriteria;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.reference.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Investor intents (投资意向): a qualified investor says what it would buy, by fund list or criteria, how much and up to
 * what % of NAV; it may amend or cancel. Posting or amending matches the intent against resting offers and open
 * auctions. Only the investor, staff and regulators see an intent.
 */
final class IntentRules {
    static final int MAX_FUNDS = 50;
    static final int MAX_STRATEGIES = 20;
    static final long MAX_PERCENT_OF_NAV_BASIS_POINTS = 100_000;
    private final ExchangeState state;
    private final IntentMatching matching;

    IntentRules(ExchangeState state, IntentMatching matching) {
        this.state = state;
        this.matching = matching;
    }

    /** Validated, normalised terms of a PostIntent or AmendIntent. */
    private record Terms(List<String> fundCodes, IntentCriteria criteria, Money minAmount, Money maxAmount,
                         long maxPercentOfNavBasisPoints, long expiresAt) {
    }

    List<Event> post(CommandContext ctx, PostIntent c) {
        requireQualifiedInvestor(ctx);
        Terms t = terms(ctx, c.fundCodes(), c.criteria(), c.minAmount(), c.maxAmount(), c.maxPercentOfNavBasisPoints(),
                c.expiresAt());
        Intent intent = new Intent(ctx.index(), ctx.actorId(), t.fundCodes, t.criteria, t.minAmount, t.maxAmount,
                t.maxPercentOfNavBasisPoints, t.expiresAt, ctx.index());
        List<Event> events = new ArrayList<>();
        events.add(new IntentPosted(intent.intentId(), intent.investor(), t.fundCodes, t.criteria, t.minAmount,
                t.maxAmount, t.maxPercentOfNavBasisPoints, t.expiresAt));
        events.addAll(matching.forIntent(ctx, intent));
        return events;
    }

    List<Event> amend(CommandContext ctx, AmendIntent c) {
        requireQualifiedInvestor(ctx);
        Intent before = ownIntent(ctx, c.intentId());
        Terms t = terms(ctx, c.fundCodes(), c.criteria(), c.minAmount(), c.maxAmount(), c.maxPercentOfNavBasisPoints(),
                c.expiresAt());
        Intent intent = new Intent(before.intentId(), before.investor(), t.fundCodes, t.criteria, t.minAmount,
                t.maxAmount, t.maxPercentOfNavBasisPoints, t.expiresAt, ctx.index());
        List<Event> events = new ArrayList<>();
        events.add(new IntentAmended(intent.intentId(), intent.investor(), t.fundCodes, t.criteria, t.minAmount,
                t.maxAmount, t.maxPercentOfNavBasisPoints, t.expiresAt, state.intentBook.matchesOfIntent(intent.intentId())));
        events.addAll(matching.forIntent(ctx, intent));
        return events;
    }

    List<Event> cancel(CommandContext ctx, CancelIntent c) {
        ctx.requireRole(Role.INVESTOR);
        Intent intent = ownIntent(ctx, c.intentId());
        return List.of(new IntentClosed(intent.intentId(), intent.investor(), IntentClosure.CANCELLED,
                state.intentBook.matchesOfIntent(intent.intentId())));
    }

    /** The intent's expiry passed. */
    static Event expired(IntentState book, Intent intent) {
        return new IntentClosed(intent.intentId(), intent.investor(), IntentClosure.EXPIRED,
                book.matchesOfIntent(intent.intentId()));
    }

    private void requireQualifiedInvestor(CommandContext ctx) {
        ctx.requireRole(Role.INVESTOR);
        Rejection.check(TransferChecks.qualified(ctx.actor(), ctx.date()), RejectCode.BUYER_NOT_QUALIFIED,
                "only investors qualified on " + ctx.date() + " publish intents");
    }

    private Intent ownIntent(CommandContext ctx, long intentId) {
        Intent intent = state.intentBook.intents.get(intentId);
        Rejection.check(intent != null, RejectCode.INTENT_NOT_OPEN, "no open intent " + intentId);
        Rejection.check(intent.investor().equals(ctx.actorId()), RejectCode.NOT_INTENT_INVESTOR,
                "only its investor may change intent " + intentId);
        return intent;
    }

    private Terms terms(CommandContext ctx, List<String> fundCodes, IntentCriteria criteria, Money minAmount,
                        Money maxAmount, long maxPercentOfNav, long expiresAt) {
        boolean byFunds = fundCodes != null && !fundCodes.isEmpty();
        Rejection.check(byFunds != (criteria != null), RejectCode.INTENT_TARGET_INVALID,
                "give either fundCodes or criteria, not both");
        List<String> funds = byFunds ? funds(fundCodes) : List.of();
        IntentCriteria normalised = byFunds ? null : criteria(criteria);
        Validation.present(minAmount, "minAmount");
        Validation.present(maxAmount, "maxAmount");
        Rejection.check(minAmount.raw() >= 0, RejectCode.INVALID_FIELD, "minAmount must not be negative");
        Rejection.check(maxAmount.positive(), RejectCode.NOT_POSITIVE, "maxAmount must be positive");
        Rejection.check(minAmount.compareTo(maxAmount) <= 0, RejectCode.INVALID_FIELD, "minAmount must not exceed maxAmount");
        Rejection.check(maxPercentOfNav > 0 && maxPercentOfNav <= MAX_PERCENT_OF_NAV_BASIS_POINTS, RejectCode.INVALID_FIELD,
                "maxPercentOfNavBasisPoints must be 1 to " + MAX_PERCENT_OF_NAV_BASIS_POINTS);
        Rejection.check(expiresAt >= 0, RejectCode.INVALID_FIELD, "expiresAt must not be negative");
        Rejection.check(expiresAt == 0 || expiresAt > ctx.time(), RejectCode.EXPIRY_IN_PAST, "expiresAt is in the past");
        return new Terms(funds, normalised, minAmount, maxAmount, maxPercentOfNav, expiresAt);
    }

    private List<String> funds(List<String> fundCodes) {
        Rejection.check(fundCodes.size() <= MAX_FUNDS, RejectCode.INVALID_FIELD, "at most " + MAX_FUNDS + " fundCodes");
        TreeSet<String> sorted = new TreeSet<>();
        for (String code : fundCodes) {
            Rejection.check(code != null && state.funds.containsKey(code), RejectCode.UNKNOWN_FUND, "no fund " + code);
            sorted.add(code);
        }
        return List.copyOf(sorted);
    }

    private static IntentCriteria criteria(IntentCriteria c) {
        List<String> given = c.strategyList();
        Rejection.check(given.size() <= MAX_STRATEGIES, RejectCode.INVALID_FIELD, "at most " + MAX_STRATEGIES + " strategies");
        TreeSet<String> strategies = new TreeSet<>();
        for (String strategy : given) {
            strategies.add(Validation.text(strategy, "strategies"));
        }
        vintage(c.vintageFrom(), "vintageFrom");
        vintage(c.vintageTo(), "vintageTo");
        Rejection.check(c.vintageFrom() == null || c.vintageTo() == null || c.vintageFrom() <= c.vintageTo(),
                RejectCode.INVALID_FIELD, "vintageFrom must not follow vintageTo");
        if (c.currency() != null) {
            Validation.currency(c.currency());
        }
        if (c.manager() != null) {
            Validation.text(c.manager(), "manager");
        }
        return new IntentCriteria(List.copyOf(strategies), c.vintageFrom(), c.vintageTo(), c.currency(), c.manager(),
                c.legalForm());
    }

    private static void vintage(Integer year, String field) {
        Rejection.check(year == null || (year >= 1900 && year <= 2200), RejectCode.INVALID_FIELD, field + " must be a year");
    }
}
