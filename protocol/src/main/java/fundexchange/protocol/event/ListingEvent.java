package fundexchange.protocol.event;

/**
 * A listing from submission to its end: approval, the right of first refusal, bids and the auction's
 * close. The trade a listing ends in is a {@link TradeEvent}.
 */
public sealed interface ListingEvent extends Event permits ListingSubmitted, ListingOpened, RofrCleared,
        ListingDeclined, ListingWithdrawn, ListingExpired, ListingCancelled, BidPlaced, SealedBidPlaced, BidCancelled,
        AuctionClosed, TransferNoticeIssued, TransferNoticeAnswered, TransferNoticeResolved,
        AuctionAwardedConditionally, AuctionMatchResolved {
}
