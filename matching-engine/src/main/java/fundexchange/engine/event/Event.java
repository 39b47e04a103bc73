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
        @JsonSubTypes.Type(CustodySubmitted.class),
        @JsonSubTypes.Type(CustodyApproved.class),
        @JsonSubTypes.Type(CustodyRejected.class),
        @JsonSubTypes.Type(HoldingConfirmed.class),
        @JsonSubTypes.Type(PledgeRegistered.class),
        @JsonSubTypes.Type(PledgeReleased.class),
        @JsonSubTypes.Type(UnitsFrozen.class),
        @JsonSubTypes.Type(UnitsUnfrozen.class)
})
public sealed interface Event permits ExchangeKeyRegistered, ParticipantRegistered, ParticipantApproved, QualificationSet, KeyRegistered, KeyRevoked, ProposalCreated, ProposalApproved, PlatformParameterSet, FundRegistered, NavUpdated, HolidaysSet, UnitsDeposited, ListingSubmitted, ListingOpened, ListingExpired, TradeExecuted, TradeSettled, CheckpointRecorded, ListingDeclined, ListingWithdrawn, BidPlaced, SealedBidPlaced, BidCancelled, AuctionClosed, ListingCancelled, RofrCleared, TradeFailed,
        CustodySubmitted, CustodyApproved, CustodyRejected, HoldingConfirmed, PledgeRegistered, PledgeReleased, UnitsFrozen,
        UnitsUnfrozen {
}
