package fundexchange.protocol.event;

/**
 * Cash in escrow at the settlement bank (issue 22, rules version 7): the bank's confirmations, participants' payout
 * instructions, the suspense account, statements and their alarms, and staff corrections.
 */
public sealed interface CashEvent extends Event permits CashReceived, UnidentifiedReceiptRecorded, SuspenseAssigned,
        PayoutInstructed, PayoutExecuted, PayoutReturned, BankStatementRecorded, EscrowMismatchRaised,
        EscrowMismatchAcknowledged, CashCorrected, TradeFundingLocked, TradeFunded, RegistrationConfirmed,
        RegistrationRefused, TradeCashSettled, TradeFundingReleased, SettlementOverridden,
        DepositLocked, DepositReleased, DepositHeldForTrade, TradeUnitsDelivered, TradeProceedsLocked,
        TradeProceedsReleased, TradeUnitsReturned, TradeProceedsReturned {
}
