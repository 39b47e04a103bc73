package fundexchange.protocol.command;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Everything that can change the exchange's state. Written in the journal with a {@code type} field. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(Genesis.class),
        @JsonSubTypes.Type(Tick.class),
        @JsonSubTypes.Type(RegisterParticipant.class),
        @JsonSubTypes.Type(Propose.class),
        @JsonSubTypes.Type(ApproveProposal.class),
        @JsonSubTypes.Type(RotateKey.class),
        @JsonSubTypes.Type(RevokeKey.class),
        @JsonSubTypes.Type(RegisterFund.class),
        @JsonSubTypes.Type(UpdateNav.class),
        @JsonSubTypes.Type(SetHolidays.class),
        @JsonSubTypes.Type(DepositUnits.class),
        @JsonSubTypes.Type(ListNegotiated.class),
        @JsonSubTypes.Type(ApproveListing.class),
        @JsonSubTypes.Type(AcceptListing.class),
        @JsonSubTypes.Type(ConfirmSettlement.class),
        @JsonSubTypes.Type(Checkpoint.class),
        @JsonSubTypes.Type(DeclineListing.class),
        @JsonSubTypes.Type(WithdrawListing.class),
        @JsonSubTypes.Type(ListAuction.class),
        @JsonSubTypes.Type(PlaceBid.class),
        @JsonSubTypes.Type(PlaceSealedBid.class),
        @JsonSubTypes.Type(AmendSealedBid.class),
        @JsonSubTypes.Type(CancelBid.class),
        @JsonSubTypes.Type(ClearRofr.class),
        @JsonSubTypes.Type(OpenBook.class),
        @JsonSubTypes.Type(HaltBook.class),
        @JsonSubTypes.Type(PlaceOrder.class),
        @JsonSubTypes.Type(CancelOrder.class),
        @JsonSubTypes.Type(AmendOrder.class),
        @JsonSubTypes.Type(SettleBookBatch.class),
        @JsonSubTypes.Type(PostOffer.class),
        @JsonSubTypes.Type(WithdrawOffer.class),
        @JsonSubTypes.Type(PostIntent.class),
        @JsonSubTypes.Type(AmendIntent.class),
        @JsonSubTypes.Type(CancelIntent.class),
        @JsonSubTypes.Type(SubmitQuote.class),
        @JsonSubTypes.Type(CounterQuote.class),
        @JsonSubTypes.Type(AcceptQuote.class),
        @JsonSubTypes.Type(DeclineQuote.class),
        @JsonSubTypes.Type(BrokerMatch.class),
        @JsonSubTypes.Type(AcceptMatch.class),
        @JsonSubTypes.Type(DeclineMatch.class),
        @JsonSubTypes.Type(SubmitCustody.class),
        @JsonSubTypes.Type(ApproveCustody.class),
        @JsonSubTypes.Type(RejectCustody.class),
        @JsonSubTypes.Type(ConfirmHolding.class),
        @JsonSubTypes.Type(RegisterPledge.class),
        @JsonSubTypes.Type(ReleasePledge.class)
})
public sealed interface Command permits Genesis, Tick, RegisterParticipant, Propose, ApproveProposal, RotateKey, RevokeKey, RegisterFund, UpdateNav, SetHolidays, DepositUnits, ListNegotiated, ApproveListing, AcceptListing, ConfirmSettlement, Checkpoint, DeclineListing, WithdrawListing, ListAuction, PlaceBid, PlaceSealedBid, AmendSealedBid, CancelBid, ClearRofr, OpenBook, HaltBook, PlaceOrder, CancelOrder, AmendOrder, SettleBookBatch,
        PostOffer, WithdrawOffer, PostIntent, AmendIntent, CancelIntent, SubmitQuote, CounterQuote, AcceptQuote, DeclineQuote, BrokerMatch, AcceptMatch, DeclineMatch,
        SubmitCustody, ApproveCustody, RejectCustody, ConfirmHolding, RegisterPledge, ReleasePledge {
    /** Whether the command must carry a participant's signature (all but CONTRACTS.md 15's closed list). */
    default boolean signed() {
        return !(this instanceof Genesis || this instanceof Tick || this instanceof Checkpoint);
    }
}
