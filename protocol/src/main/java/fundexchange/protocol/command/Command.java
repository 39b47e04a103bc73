package fundexchange.protocol.command;

/**
 * Everything that can change the exchange's state. Written in the journal with a {@code type} field
 * ({@link fundexchange.protocol.JsonShape}).
 */
public sealed interface Command permits Genesis, Tick, RegisterParticipant, Propose, ApproveProposal, RotateKey, RevokeKey, RegisterFund, UpdateNav, SetHolidays, DepositUnits, ListNegotiated, ApproveListing, AcceptListing, ConfirmSettlement, Checkpoint, DeclineListing, WithdrawListing, ListAuction, PlaceBid, PlaceSealedBid, AmendSealedBid, CancelBid, ClearRofr, OpenBook, HaltBook, PlaceOrder, CancelOrder, AmendOrder, SettleBookBatch,
        PostOffer, WithdrawOffer, PostIntent, AmendIntent, CancelIntent, SubmitQuote, CounterQuote, AcceptQuote, DeclineQuote, BrokerMatch, AcceptMatch, DeclineMatch,
        SubmitCustody, ApproveCustody, RejectCustody, ConfirmHolding, RegisterPledge, ReleasePledge,
        RegisterAppraisal, RegisterDocument, AcceptNda, DirectDisclosure, OpenDocument, AnswerTransferNotice,
        RegisterFundDocument,
        RecordCashReceipt, RecordUnidentifiedReceipt, RecordPayoutExecuted, RecordPayoutReturned, RecordBankStatement,
        WithdrawCash, FundTrade, ConfirmRegistration, RefuseRegistration, SetMarketDataConsent {
    /** Whether the command must carry a participant's signature (all but CONTRACTS.md 15's closed list). */
    default boolean signed() {
        return !(this instanceof Genesis || this instanceof Tick || this instanceof Checkpoint);
    }
}
