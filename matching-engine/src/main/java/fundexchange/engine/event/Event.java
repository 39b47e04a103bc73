package fundexchange.engine.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A fact the engine has decided. Events are the only way state changes, in the engine and in every projection. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(ExchangeKeyRegistered.class),
        @JsonSubTypes.Type(ParticipantRegistered.class),
        @JsonSubTypes.Type(ParticipantApproved.class),
        @JsonSubTypes.Type(QualificationSet.class),
        @JsonSubTypes.Type(KeyRegistered.class),
        @JsonSubTypes.Type(KeyRevoked.class),
        @JsonSubTypes.Type(ProposalCreated.class),
        @JsonSubTypes.Type(ProposalApproved.class),
        @JsonSubTypes.Type(PlatformParameterSet.class),
        @JsonSubTypes.Type(FundRegistered.class),
        @JsonSubTypes.Type(NavUpdated.class),
        @JsonSubTypes.Type(HolidaysSet.class),
        @JsonSubTypes.Type(UnitsDeposited.class),
        @JsonSubTypes.Type(ListingSubmitted.class),
        @JsonSubTypes.Type(ListingOpened.class),
        @JsonSubTypes.Type(ListingExpired.class),
        @JsonSubTypes.Type(TradeExecuted.class),
        @JsonSubTypes.Type(TradeSettled.class),
        @JsonSubTypes.Type(CheckpointRecorded.class),
        @JsonSubTypes.Type(ListingDeclined.class),
        @JsonSubTypes.Type(ListingWithdrawn.class),
        @JsonSubTypes.Type(BidPlaced.class),
        @JsonSubTypes.Type(SealedBidPlaced.class),
        @JsonSubTypes.Type(BidCancelled.class),
        @JsonSubTypes.Type(AuctionClosed.class),
        @JsonSubTypes.Type(ListingCancelled.class),
        @JsonSubTypes.Type(RofrCleared.class),
        @JsonSubTypes.Type(TradeFailed.class),
        @JsonSubTypes.Type(BookOpened.class),
        @JsonSubTypes.Type(BookHalted.class),
        @JsonSubTypes.Type(OrderAccepted.class),
        @JsonSubTypes.Type(OrderAmended.class),
        @JsonSubTypes.Type(OrderCancelled.class),
        @JsonSubTypes.Type(BookBatchSettled.class),
        @JsonSubTypes.Type(OfferPosted.class),
        @JsonSubTypes.Type(OfferClosed.class),
        @JsonSubTypes.Type(IntentPosted.class),
        @JsonSubTypes.Type(IntentAmended.class),
        @JsonSubTypes.Type(IntentClosed.class),
        @JsonSubTypes.Type(QuoteSubmitted.class),
        @JsonSubTypes.Type(QuoteCountered.class),
        @JsonSubTypes.Type(QuoteDeclined.class),
        @JsonSubTypes.Type(QuoteAccepted.class),
        @JsonSubTypes.Type(MatchProposed.class),
        @JsonSubTypes.Type(MatchBrokered.class),
        @JsonSubTypes.Type(MatchAccepted.class),
        @JsonSubTypes.Type(MatchDeclined.class),
        @JsonSubTypes.Type(MatchAgreed.class),
        @JsonSubTypes.Type(IntentMatchedListing.class),
        @JsonSubTypes.Type(MatchScanLimited.class)
})
public sealed interface Event permits ExchangeKeyRegistered, ParticipantRegistered, ParticipantApproved, QualificationSet, KeyRegistered, KeyRevoked, ProposalCreated, ProposalApproved, PlatformParameterSet, FundRegistered, NavUpdated, HolidaysSet, UnitsDeposited, ListingSubmitted, ListingOpened, ListingExpired, TradeExecuted, TradeSettled, CheckpointRecorded, ListingDeclined, ListingWithdrawn, BidPlaced, SealedBidPlaced, BidCancelled, AuctionClosed, ListingCancelled, RofrCleared, TradeFailed, BookOpened, BookHalted, OrderAccepted, OrderAmended, OrderCancelled, BookBatchSettled,
        OfferPosted, OfferClosed, IntentPosted, IntentAmended, IntentClosed, QuoteSubmitted, QuoteCountered, QuoteDeclined, QuoteAccepted, MatchProposed, MatchBrokered, MatchAccepted, MatchDeclined, MatchAgreed, IntentMatchedListing, MatchScanLimited {
}
