package fundexchange.protocol.event;

import fundexchange.protocol.listing.AuctionTerms;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.listing.RofrStatus;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/**
 * A listing awaits staff approval; the seller's units are locked. {@code mechanism} null means NEGOTIATED (records
 * from before auctions); {@code auction} holds an auction's terms; {@code rofr} PENDING if the fund's right of first
 * refusal must be cleared before approval. {@code deposit} (rules version 8) is the bid deposit (保证金) each bidder
 * or accepting buyer must lock, in the fund's currency, fixed now from public terms only; null when none.
 * {@code terms} (rules version 11) are the listing's mechanism's own terms as {@code ListAuction} gave them; null for
 * every released mechanism, whose terms are the frozen flat fields and {@code auction}.
 */
public record ListingSubmitted(long listingId, String fundCode, String seller, String buyer, Units units, Price price,
                               long expiresAt, ListingMechanism mechanism, AuctionTerms auction, RofrStatus rofr,
                               Money deposit, ListingMechanism.ListingTerms terms) implements ListingEvent {
    /** A listing without a mechanism's own terms (every listing before rules version 11). */
    public ListingSubmitted(long listingId, String fundCode, String seller, String buyer, Units units, Price price,
                            long expiresAt, ListingMechanism mechanism, AuctionTerms auction, RofrStatus rofr,
                            Money deposit) {
        this(listingId, fundCode, seller, buyer, units, price, expiresAt, mechanism, auction, rofr, deposit, null);
    }

    /** A listing without a deposit (every listing before rules version 8). */
    public ListingSubmitted(long listingId, String fundCode, String seller, String buyer, Units units, Price price,
                            long expiresAt, ListingMechanism mechanism, AuctionTerms auction, RofrStatus rofr) {
        this(listingId, fundCode, seller, buyer, units, price, expiresAt, mechanism, auction, rofr, null, null);
    }

    /** This listing with {@code left} as its units, everything else kept (its deposit and terms too). */
    public ListingSubmitted withUnits(Units left) {
        return new ListingSubmitted(listingId, fundCode, seller, buyer, left, price, expiresAt, mechanism, auction, rofr,
                deposit, terms);
    }

    /** This listing with {@code amount} as its deposit (none when null or zero). */
    public ListingSubmitted withDeposit(Money amount) {
        return new ListingSubmitted(listingId, fundCode, seller, buyer, units, price, expiresAt, mechanism, auction, rofr,
                amount == null || amount.raw() == 0 ? null : amount, terms);
    }

    /** This listing with {@code newTerms} as its mechanism's own terms, everything else kept. */
    public ListingSubmitted withTerms(ListingMechanism.ListingTerms newTerms) {
        return new ListingSubmitted(listingId, fundCode, seller, buyer, units, price, expiresAt, mechanism, auction, rofr,
                deposit, newTerms);
    }
}
