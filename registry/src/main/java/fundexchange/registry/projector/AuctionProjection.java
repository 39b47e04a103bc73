package fundexchange.registry.projector;

import static fundexchange.registry.schema.Tables.BIDS;
import static fundexchange.registry.schema.Tables.LISTINGS;
import static fundexchange.registry.schema.Tables.ROFR_DECISIONS;

import fundexchange.protocol.event.AuctionClosed;
import fundexchange.protocol.event.BidCancelled;
import fundexchange.protocol.event.BidPlaced;
import fundexchange.protocol.event.RofrCleared;
import fundexchange.protocol.event.SealedBidPlaced;
import fundexchange.protocol.listing.BidStatus;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Bids, auction closes and ROFR decisions. A sealed bid's price is not written until the close reveals it
 * (CONTRACTS.md 12), so no registry reader can see it early.
 */
final class AuctionProjection {
    private static final Template BID = Template.insert("bids.insert", BIDS, BIDS.BID_ID, BIDS.LISTING_ID, BIDS.BIDDER,
            BIDS.PSEUDONYM, BIDS.PRICE, BIDS.STATUS, BIDS.TERMS);
    private final DSLContext tx;
    private final StatementBatch batch;

    AuctionProjection(DSLContext tx, StatementBatch batch) {
        this.tx = tx;
        this.batch = batch;
    }

    void bid(BidPlaced e) {
        insertBid(e.bidId(), e.listingId(), e.bidder(), e.pseudonym(), e.price().decimal(), TermsJson.of(e.terms()));
        if (e.extended()) {
            batch.one(tx.update(LISTINGS).set(LISTINGS.ENDS_AT, e.endsAt())
                    .where(LISTINGS.LISTING_ID.eq(e.listingId())), "listing " + e.listingId(), EventProjection.listing(e.listingId()));
        }
    }

    void sealedBid(SealedBidPlaced e) {
        insertBid(e.bidId(), e.listingId(), e.bidder(), e.pseudonym(), null, null);
    }

    void cancelled(BidCancelled e) {
        bidStatus(e.bidId(), BidStatus.CANCELLED.name());
    }

    void closed(AuctionClosed e) {
        for (AuctionClosed.ClosedBid bid : e.bids()) {
            batch.one(tx.update(BIDS)
                    .set(BIDS.STATUS, bid.status().name())
                    .set(BIDS.PRICE, bid.price().decimal())
                    .set(BIDS.REJECT_CODE, bid.rejectCode())
                    .set(BIDS.REASON, bid.reason())
                    .where(BIDS.BID_ID.eq(bid.bidId())), "bid " + bid.bidId(), bid(bid.bidId()));
        }
    }

    void rofr(RofrCleared e, long index) {
        batch.insert(tx.insertInto(ROFR_DECISIONS)
                .set(ROFR_DECISIONS.LISTING_ID, e.listingId())
                .set(ROFR_DECISIONS.DECISION, e.decision().name())
                .set(ROFR_DECISIONS.WAIVED_BY, String.join(",", e.waivedBy()))
                .set(ROFR_DECISIONS.EXERCISED_BY, e.exercisedBy())
                .set(ROFR_DECISIONS.RECORDED_BY, e.recordedBy())
                .set(ROFR_DECISIONS.REASON, e.reason())
                .set(ROFR_DECISIONS.SOURCE_INDEX, index), List.of("R:" + e.listingId()), EventProjection.listing(e.listingId()));
        String status = e.decision() == fundexchange.protocol.command.ClearRofr.RofrDecision.EXERCISED ? "EXERCISED" : "CLEARED";
        batch.one(tx.update(LISTINGS).set(LISTINGS.ROFR, status)
                .where(LISTINGS.LISTING_ID.eq(e.listingId())), "listing " + e.listingId(), EventProjection.listing(e.listingId()));
    }

    /** A transfer notice that lets its listing go on clears the listing's right of first refusal, as in the engine. */
    void noticeResolved(fundexchange.protocol.event.TransferNoticeResolved e) {
        if (e.consent().allows()) {
            batch.one(tx.update(LISTINGS).set(LISTINGS.ROFR, "CLEARED")
                    .where(LISTINGS.LISTING_ID.eq(e.listingId())), "listing " + e.listingId(), EventProjection.listing(e.listingId()));
        }
    }

    /** {@code terms}: the bid's mechanism terms as JSON ({@link TermsJson}), null for none. */
    private void insertBid(long bidId, long listingId, String bidder, int pseudonym, java.math.BigDecimal price,
                           String terms) {
        batch.insert(BID, BID.binds(bidId, listingId, bidder, pseudonym, price, BidStatus.ACTIVE.name(), terms),
                List.of(bid(bidId)), EventProjection.listing(listingId), EventProjection.participant(bidder));
    }

    private void bidStatus(long bidId, String status) {
        batch.one(tx.update(BIDS).set(BIDS.STATUS, status).where(BIDS.BID_ID.eq(bidId)), "bid " + bidId, bid(bidId));
    }

    private static String bid(long bidId) {
        return "B:" + bidId;
    }
}
