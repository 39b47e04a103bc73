package fundexchange.protocol.event;

/**
 * A fact the engine has decided. Events are the only way state changes, in the engine and in every projection. Written
 * with a {@code type} field ({@link fundexchange.protocol.JsonShape}).
 */
public sealed interface Event permits ExchangeKeyRegistered, ParticipantRegistered, ParticipantApproved, QualificationSet, KeyRegistered, KeyRevoked, ProposalCreated, ProposalApproved, ProposalExpired, PlatformParameterSet, FundRegistered, NavUpdated, HolidaysSet, UnitsDeposited, ListingSubmitted, ListingOpened, ListingExpired, TradeExecuted, TradeSettled, CheckpointRecorded, ListingDeclined, ListingWithdrawn, BidPlaced, SealedBidPlaced, BidCancelled, AuctionClosed, ListingCancelled, RofrCleared, TradeFailed, BookOpened, BookHalted, OrderAccepted, OrderAmended, OrderCancelled, BookBatchSettled,
        OfferPosted, OfferClosed, IntentPosted, IntentAmended, IntentClosed, QuoteSubmitted, QuoteCountered, QuoteDeclined, QuoteAccepted, MatchProposed, MatchBrokered, MatchAccepted, MatchDeclined, MatchAgreed, IntentMatchedListing, MatchScanLimited,
        CustodySubmitted, CustodyApproved, CustodyRejected, HoldingConfirmed, PledgeRegistered, PledgeReleased, UnitsFrozen, UnitsUnfrozen,
        ParticipantSuspended, ParticipantReinstated {
}
