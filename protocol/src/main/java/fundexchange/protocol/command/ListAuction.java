package fundexchange.protocol.command;

import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.listing.Term;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/**
 * A holder auctions a lot (ENGLISH or SEALED), bids being per-unit prices for the whole lot, or sells it on a falling
 * clock (DUTCH). Times are epoch ms. {@code extensionWindowMs} and {@code extensionMs} default to the platform's;
 * {@code minIncrement} is required for ENGLISH; {@code secondPrice} applies to SEALED. A DUTCH clock starts at
 * {@code startingPrice} and falls by {@code minIncrement} every {@code stepMs} down to {@code reservePrice} (the floor).
 * From rules version 8 the listing's bid deposit (保证金) is {@code depositAmount}, or {@code depositBasisPoints} of
 * its public value (units times the starting price), or by default the platform's {@code bid-deposit-bp} share; at
 * most one of the two is given.
 *
 * <p>A field that exists because of one or more auction mechanisms' rules ({@code reservePrice}, {@code minIncrement},
 * {@code extensionWindowMs}, {@code extensionMs}, {@code secondPrice}, {@code stepMs}) is a mechanism's term and says
 * its input grammar as a {@link Term}. The fields an auction has whatever its mechanism (fund, mechanism, units,
 * starting price, times, deposit) are no term: the optional ones among them ({@code startsAt}, {@code depositAmount},
 * {@code depositBasisPoints}) are in {@code command.spec.FieldGrammar}, as {@code ListNegotiated}'s deposit is.
 *
 * <p>Those flat terms are the released mechanisms' and are frozen ({@code FrozenShapesTest}): no field is ever added to
 * this record again. A mechanism added later carries its own fields in {@code terms} (rules version 11), a record of
 * its own that {@link ListingMechanism.ListingTerms} permits; null for every released mechanism, and refused until a
 * mechanism claims it (docs/design/mechanism-terms.md §2.1).
 */
public record ListAuction(String fundCode, ListingMechanism mechanism, Units units, Price startingPrice,
                          @Term(optional = true) Price reservePrice, @Term(optional = true) Price minIncrement,
                          long startsAt, long endsAt, @Term(optional = true) Long extensionWindowMs,
                          @Term(optional = true) Long extensionMs,
                          @Term(optional = true) boolean secondPrice, @Term(optional = true) Long stepMs,
                          Money depositAmount, Integer depositBasisPoints, ListingMechanism.ListingTerms terms)
        implements Command {
    /** An auction without a mechanism's own terms (every auction before rules version 11). */
    public ListAuction(String fundCode, ListingMechanism mechanism, Units units, Price startingPrice,
                       Price reservePrice, Price minIncrement, long startsAt, long endsAt, Long extensionWindowMs,
                       Long extensionMs, boolean secondPrice, Long stepMs, Money depositAmount,
                       Integer depositBasisPoints) {
        this(fundCode, mechanism, units, startingPrice, reservePrice, minIncrement, startsAt, endsAt, extensionWindowMs,
                extensionMs, secondPrice, stepMs, depositAmount, depositBasisPoints, null);
    }

    /** An auction whose deposit is the platform's default. */
    public ListAuction(String fundCode, ListingMechanism mechanism, Units units, Price startingPrice,
                       Price reservePrice, Price minIncrement, long startsAt, long endsAt, Long extensionWindowMs,
                       Long extensionMs, boolean secondPrice, Long stepMs) {
        this(fundCode, mechanism, units, startingPrice, reservePrice, minIncrement, startsAt, endsAt, extensionWindowMs,
                extensionMs, secondPrice, stepMs, null, null, null);
    }
}
