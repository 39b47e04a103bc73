package fundexchange.engine;

import fundexchange.engine.cash.ListingDeposit;
import fundexchange.engine.listing.Listing;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.cash.AccountRef;
import fundexchange.protocol.event.DepositLocked;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Pricing;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.reference.PlatformParameters;
import java.util.List;

/**
 * Bid deposits (保证金; issue 22, rules version 8; docs/rules.md "Bid deposits"): what a listing asks, fixed at listing
 * time from public terms only, and the lock at a participant's first bid or acceptance. What happens to a locked deposit
 * as its listing closes, trades or ends is {@link DepositFollowing}'s.
 */
final class BidDeposits {
    private static final long BASIS_POINTS = 10_000L;
    private final ExchangeState state;

    BidDeposits(ExchangeState state) {
        this.state = state;
    }

    boolean inRules() {
        return state.rulesVersion >= RulesVersion.BID_DEPOSITS;
    }

    /**
     * The deposit of a listing of {@code units} at the public {@code price} (an auction's starting price, a negotiated
     * listing's price): the listing's own {@code amount} or {@code basisPoints} share, else the platform's
     * {@code bid-deposit-bp} share; rounded down to the fen; null for none. Never a sealed price or a hidden reserve: a
     * share of the reserve would disclose it.
     */
    Money atListing(Units units, Price price, Money amount, Integer basisPoints) {
        if (!inRules()) {
            Rejection.check(amount == null && basisPoints == null, RejectCode.DEPOSITS_NOT_IN_RULES,
                    "bid deposits apply from rules version " + RulesVersion.BID_DEPOSITS
                            + " / 竞买保证金自规则版本 " + RulesVersion.BID_DEPOSITS + " 起适用");
            return null;
        }
        Rejection.check(amount == null || basisPoints == null, RejectCode.DEPOSIT_TERMS_INVALID,
                "give depositAmount or depositBasisPoints, not both / 保证金金额与比例只能二选一");
        Money value = TradeTerms.overflowChecked(() -> Pricing.consideration(units, price));
        Money deposit;
        if (amount != null) {
            Rejection.check(amount.raw() >= 0 && amount.compareTo(value) <= 0, RejectCode.DEPOSIT_TERMS_INVALID,
                    "depositAmount must be from 0 to the listing's public value " + value
                            + " / 保证金金额须在 0 至挂牌公开价值 " + value + " 之间");
            deposit = amount;
        } else {
            int share = basisPoints != null ? basisPoints : state.parameters.bidDepositBasisPointsInForce();
            Rejection.check(share >= 0 && share <= PlatformParameters.MAX_BID_DEPOSIT_BASIS_POINTS,
                    RejectCode.DEPOSIT_TERMS_INVALID, "depositBasisPoints must be from 0 to "
                            + PlatformParameters.MAX_BID_DEPOSIT_BASIS_POINTS + " / 保证金比例须在 0 至 10000 基点之间");
            deposit = share(value, share);
        }
        return deposit.raw() == 0 ? null : deposit;
    }

    /** {@code basisPoints} of {@code value}, rounded down to the fen, exact in {@code long} (no product overflows). */
    static Money share(Money value, int basisPoints) {
        long raw = value.raw();
        return new Money(raw / BASIS_POINTS * basisPoints + raw % BASIS_POINTS * basisPoints / BASIS_POINTS);
    }

    /**
     * The lock of a bid on {@code listing} by {@code bidder}: its deposit when the listing asks one and the bidder has
     * none locked there yet (later bids lock nothing more); refused when the bidder's available cash in the fund's
     * currency is short. Empty otherwise.
     */
    List<Event> forBid(Listing listing, String bidder) {
        if (!inRules() || listing.deposit() == null || state.cash.depositOn(listing.listingId(), bidder) != null) {
            return List.of();
        }
        return List.of(lock(listing, bidder, listing.deposit()));
    }

    /**
     * The lock of an acceptance that trades at once for {@code units} and {@code consideration}: an acceptance on a
     * mechanism that sells part of its lot per acceptance ({@link ListingMechanism#tradesAtOnce}; today the Dutch auction)
     * locks its share of the listing's deposit ({@link #share}), a negotiated acceptance the whole deposit; never more
     * than the trade it secures, held for that trade in the same document ({@link DepositFollowing}).
     */
    List<Event> forTrade(Listing listing, String buyer, Units units, Money consideration) {
        if (!inRules() || listing.deposit() == null) {
            return List.of();
        }
        Money asked = listing.mechanismOrDefault().tradesAtOnce() ? share(listing, units) : listing.deposit();
        Money amount = asked.compareTo(consideration) <= 0 ? asked : consideration;
        return amount.raw() == 0 ? List.of() : List.of(lock(listing, buyer, amount));
    }

    /**
     * The lock of a priority-right holder's match of an auction's clearing price for {@code units}: its share of the
     * listing's deposit ({@link #share}), unless it has locked one there already. Empty otherwise.
     */
    List<Event> forMatch(Listing listing, String holder, Units units) {
        if (!inRules() || listing.deposit() == null || state.cash.depositOn(listing.listingId(), holder) != null) {
            return List.of();
        }
        Money amount = share(listing, units);
        return amount.raw() == 0 ? List.of() : List.of(lock(listing, holder, amount));
    }

    /** The deposit times {@code units} over the units listed, rounded down to the fen. */
    static Money share(Listing listing, Units units) {
        long listed = listing.listedUnits().raw();
        if (units.raw() >= listed) {
            return listing.deposit();
        }
        return new Money(java.math.BigInteger.valueOf(listing.deposit().raw()).multiply(java.math.BigInteger.valueOf(
                units.raw())).divide(java.math.BigInteger.valueOf(listed)).longValueExact());
    }

    private DepositLocked lock(Listing listing, String participant, Money amount) {
        Fund fund = state.funds.get(listing.fundCode());
        Money available = state.cash.available(fund.currency(), AccountRef.participant(participant));
        Rejection.check(available.compareTo(amount) >= 0, RejectCode.DEPOSIT_NOT_AVAILABLE,
                "listing " + listing.listingId() + " asks a deposit of " + amount + " " + fund.currency()
                        + "; your available cash is " + available + " / 该挂牌须缴纳保证金 " + amount + " "
                        + fund.currency() + "，您的可用资金为 " + available);
        return new DepositLocked(listing.listingId(), participant, fund.currency(), amount);
    }

    /** The deposit {@code participant} has locked on {@code listingId}, or null. */
    ListingDeposit lockedOn(long listingId, String participant) {
        return state.cash.depositOn(listingId, participant);
    }

    /** {@code bid-deposit-bp} is a parameter from rules version 8; before it, unknown (as it always was). */
    static void requireParameterOfVersion(int rulesVersion, String name) {
        if (rulesVersion < RulesVersion.BID_DEPOSITS && "bid-deposit-bp".equals(name)) {
            throw new IllegalArgumentException("unknown platform parameter " + name);
        }
    }
}
