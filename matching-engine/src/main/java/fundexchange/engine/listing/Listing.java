package fundexchange.engine.listing;

import fundexchange.protocol.listing.AuctionTerms;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.listing.ListingStatus;
import fundexchange.protocol.listing.RofrStatus;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/**
 * A listing of units. Its id is the index of the command that made it. A negotiated listing names its buyer and price
 * and may expire at {@code expiresAt} (0: never); an auction carries its {@link AuctionTerms} and closes at their end.
 * {@code deposit} (rules version 8) is the bid deposit each bidder or accepting buyer locks; null when none.
 * {@code listed} is the units listed, kept once a partial acceptance leaves fewer in {@code units} of a listing that
 * asks a deposit (an acceptance's share of the deposit is by units of the lot as listed); null otherwise.
 * {@code terms} (rules version 11) are its mechanism's own terms as listed ({@code ListingSubmitted.terms}); null for
 * every released mechanism, so a state without them hashes and snapshots as before.
 */
public record Listing(long listingId, String fundCode, String seller, String buyer, Units units, Price price,
                      long expiresAt, ListingStatus status, ListingMechanism mechanism, AuctionTerms auction,
                      RofrStatus rofr, Money deposit, Units listed, ListingMechanism.ListingTerms terms) {
    /** A listing without a mechanism's own terms. */
    public Listing(long listingId, String fundCode, String seller, String buyer, Units units, Price price,
                   long expiresAt, ListingStatus status, ListingMechanism mechanism, AuctionTerms auction,
                   RofrStatus rofr, Money deposit, Units listed) {
        this(listingId, fundCode, seller, buyer, units, price, expiresAt, status, mechanism, auction, rofr, deposit,
                listed, null);
    }

    /** A listing as listed. */
    public Listing(long listingId, String fundCode, String seller, String buyer, Units units, Price price,
                   long expiresAt, ListingStatus status, ListingMechanism mechanism, AuctionTerms auction,
                   RofrStatus rofr, Money deposit) {
        this(listingId, fundCode, seller, buyer, units, price, expiresAt, status, mechanism, auction, rofr, deposit,
                null, null);
    }

    /** The units listed, before any partial acceptance. */
    public Units listedUnits() {
        return listed == null ? units : listed;
    }

    /** A listing without a deposit. */
    public Listing(long listingId, String fundCode, String seller, String buyer, Units units, Price price,
                   long expiresAt, ListingStatus status, ListingMechanism mechanism, AuctionTerms auction,
                   RofrStatus rofr) {
        this(listingId, fundCode, seller, buyer, units, price, expiresAt, status, mechanism, auction, rofr, null);
    }

    /** The rest of the lot after a partial acceptance. */
    public Listing withUnits(Units left) {
        return new Listing(listingId, fundCode, seller, buyer, left, price, expiresAt, status, mechanism, auction, rofr,
                deposit, deposit == null ? listed : listedUnits(), terms);
    }

    public Listing withStatus(ListingStatus newStatus) {
        return new Listing(listingId, fundCode, seller, buyer, units, price, expiresAt, newStatus, mechanism, auction, rofr, deposit,
                listed, terms);
    }

    public Listing withAuction(AuctionTerms newTerms) {
        return new Listing(listingId, fundCode, seller, buyer, units, price, expiresAt, status, mechanism, newTerms, rofr, deposit,
                listed, terms);
    }

    public Listing withRofr(RofrStatus newRofr) {
        return new Listing(listingId, fundCode, seller, buyer, units, price, expiresAt, status, mechanism, auction, newRofr, deposit,
                listed, terms);
    }

    /** Negotiated unless stated (journals written before auctions existed carry no mechanism). */
    public ListingMechanism mechanismOrDefault() {
        return mechanism == null ? ListingMechanism.NEGOTIATED : mechanism;
    }

    public boolean auctioned() {
        return auction != null;
    }

    public boolean live() {
        return status == ListingStatus.PENDING_APPROVAL || status == ListingStatus.OPEN;
    }

    /** When the engine acts on this listing by the clock: the auction's end, or the expiry (0: never). */
    public long deadline() {
        return auction != null ? auction.endsAt() : expiresAt;
    }
}
