package fundexchange.engine;

import fundexchange.engine.cash.CashLedger;
import fundexchange.engine.cash.EscrowAlarm;
import fundexchange.engine.cash.HeldDeposit;
import fundexchange.engine.cash.ListingDeposit;
import fundexchange.engine.cash.InstructionStatus;
import fundexchange.engine.cash.PayoutInstruction;
import fundexchange.engine.cash.SuspenseReceipt;
import fundexchange.engine.cash.SuspenseStatus;
import fundexchange.protocol.cash.AccountKind;
import fundexchange.protocol.cash.AccountRef;
import fundexchange.protocol.event.BankStatementRecorded;
import fundexchange.protocol.event.CashCorrected;
import fundexchange.protocol.event.CashEvent;
import fundexchange.protocol.event.CashReceived;
import fundexchange.protocol.event.DepositHeldForTrade;
import fundexchange.protocol.event.DepositLocked;
import fundexchange.protocol.event.DepositReleased;
import fundexchange.protocol.event.EscrowMismatchAcknowledged;
import fundexchange.protocol.event.EscrowMismatchRaised;
import fundexchange.protocol.event.PayoutExecuted;
import fundexchange.protocol.event.PayoutInstructed;
import fundexchange.protocol.event.PayoutReturned;
import fundexchange.protocol.event.SuspenseAssigned;
import fundexchange.protocol.event.UnidentifiedReceiptRecorded;
import fundexchange.engine.cash.TradeFunding;
import fundexchange.protocol.event.RegistrationConfirmed;
import fundexchange.protocol.event.RegistrationRefused;
import fundexchange.protocol.event.SettlementOverridden;
import fundexchange.protocol.event.TradeCashSettled;
import fundexchange.protocol.event.TradeFunded;
import fundexchange.protocol.event.TradeFundingLocked;
import fundexchange.protocol.event.TradeFundingReleased;
import fundexchange.protocol.event.TradeProceedsLocked;
import fundexchange.protocol.event.TradeProceedsReleased;
import fundexchange.protocol.event.TradeProceedsReturned;
import fundexchange.protocol.event.TradeUnitsDelivered;
import fundexchange.protocol.event.TradeUnitsReturned;

/** Applies cash events to the ledger ({@link CashRules} decided them). */
final class CashApplier {
    private CashApplier() {
    }

    /** {@code today}: the business date of the command whose events these are (platform zone). */
    static void apply(CashLedger ledger, CashEvent event, String today) {
        switch (event) {
            case CashReceived e -> {
                ledger.bankReferences().add(e.bankReference());
                ledger.credit(e.currency(), AccountRef.participant(e.participantId()), e.amount());
            }
            case UnidentifiedReceiptRecorded e -> {
                ledger.bankReferences().add(e.bankReference());
                ledger.credit(e.currency(), AccountRef.SUSPENSE, e.amount());
                ledger.suspense().put(e.bankReference(), new SuspenseReceipt(e.bankReference(), e.currency(), e.amount(),
                        e.valueDate(), SuspenseStatus.OPEN));
            }
            case SuspenseAssigned e -> {
                ledger.move(e.currency(), AccountRef.SUSPENSE, AccountRef.participant(e.participantId()), e.amount());
                ledger.suspense().computeIfPresent(e.bankReference(), (k, r) -> r.with(SuspenseStatus.ASSIGNED));
            }
            case PayoutInstructed e -> {
                ledger.lock(e.currency(), e.account(), e.amount());
                ledger.instructions().put(e.instructionId(), new PayoutInstruction(e.instructionId(), e.account(),
                        e.currency(), e.amount(), e.bankReference(), InstructionStatus.PENDING, today));
                suspense(ledger, e.account(), e.bankReference(), SuspenseStatus.RETURNING);
            }
            case PayoutExecuted e -> {
                ledger.bankReferences().add(e.bankReference());
                ledger.payOut(e.currency(), e.account(), e.amount());
                PayoutInstruction done = ledger.instructions().get(e.instructionId());
                ledger.instructions().put(e.instructionId(), done.with(InstructionStatus.EXECUTED));
                suspense(ledger, e.account(), done.bankReference(), SuspenseStatus.RETURNED);
            }
            case PayoutReturned e -> {
                ledger.bankReferences().add(e.bankReference());
                ledger.release(e.currency(), e.account(), e.amount());
                PayoutInstruction back = ledger.instructions().get(e.instructionId());
                ledger.instructions().put(e.instructionId(), back.with(InstructionStatus.RETURNED));
                suspense(ledger, e.account(), back.bankReference(), SuspenseStatus.OPEN);
            }
            case BankStatementRecorded e -> {
                ledger.bankReferences().add(e.bankReference());
                ledger.lastStatements().put(e.currency(), e.statementDate());
            }
            case EscrowMismatchRaised e -> ledger.alarms().put(e.alarmId(), new EscrowAlarm(e.alarmId(), e.currency(),
                    e.statementDate(), e.bankBalance(), e.escrowBalance(), true));
            case EscrowMismatchAcknowledged e -> ledger.alarms().computeIfPresent(e.alarmId(), (k, a) -> a.acknowledged());
            case CashCorrected e -> ledger.move(e.currency(), e.from(), e.to(), e.amount());
            case TradeFundingLocked e -> {
                ledger.lock(e.currency(), AccountRef.participant(e.buyer()), e.amount());
                TradeFunding funding = ledger.funding(e.tradeId());
                ledger.putFunding(funding.withFunded(funding.funded().plus(e.amount())));
            }
            case TradeFunded e -> ledger.putFunding(ledger.funding(e.tradeId()).awaitingRegistrationUntil(e.registrationDue()));
            case RegistrationConfirmed e -> { }
            case RegistrationRefused e -> { }
            case SettlementOverridden e -> { }
            case TradeCashSettled e -> {
                AccountRef buyer = AccountRef.participant(e.buyer());
                ledger.unlockTo(e.currency(), buyer, AccountRef.participant(e.seller()), e.proceeds());
                ledger.unlockTo(e.currency(), buyer, AccountRef.REVENUE, e.buyerFee().plus(e.sellerFee()));
                ledger.unlockTo(e.currency(), buyer, buyer, e.released());
                ledger.depositsByTrade().remove(e.tradeId());
                ledger.removeFunding(e.tradeId());
            }
            case TradeFundingReleased e -> {
                AccountRef buyer = AccountRef.participant(e.buyer());
                ledger.unlockTo(e.currency(), buyer, buyer, e.released());
                ledger.unlockTo(e.currency(), buyer, AccountRef.participant(e.seller()), e.forfeited());
                ledger.depositsByTrade().remove(e.tradeId());
                ledger.removeFunding(e.tradeId());
            }
            // Rules version 9: a delivered trade's cash (its units: StateApplier).
            case TradeUnitsDelivered e -> {
                TradeFunding funding = ledger.funding(e.tradeId());
                ledger.putFunding(funding.deliveredAs(new TradeFunding.Delivery(e.sellerCostReleased(),
                        e.subscribedMoved(), e.paidInMoved())));
            }
            case TradeProceedsLocked e -> {
                AccountRef buyer = AccountRef.participant(e.buyer());
                ledger.moveLocked(e.currency(), buyer, AccountRef.participant(e.seller()), e.proceeds());
                ledger.moveLocked(e.currency(), buyer, AccountRef.REVENUE, e.fees());
                if (e.released().positive()) {
                    ledger.unlockTo(e.currency(), buyer, buyer, e.released());
                }
                ledger.depositsByTrade().remove(e.tradeId());
            }
            case TradeProceedsReleased e -> {
                AccountRef seller = AccountRef.participant(e.seller());
                if (e.proceeds().positive()) {
                    ledger.unlockTo(e.currency(), seller, seller, e.proceeds());
                }
                if (e.fees().positive()) {
                    ledger.unlockTo(e.currency(), AccountRef.REVENUE, AccountRef.REVENUE, e.fees());
                }
                ledger.removeFunding(e.tradeId());
            }
            case TradeUnitsReturned e -> { }
            case TradeProceedsReturned e -> {
                AccountRef buyer = AccountRef.participant(e.buyer());
                ledger.moveLocked(e.currency(), AccountRef.participant(e.seller()), buyer, e.proceeds());
                ledger.moveLocked(e.currency(), AccountRef.REVENUE, buyer, e.fees());
            }
            case DepositLocked e -> {
                ledger.lock(e.currency(), AccountRef.participant(e.participantId()), e.amount());
                ledger.putDeposit(new ListingDeposit(e.listingId(), e.participantId(), e.currency(), e.amount()));
            }
            case DepositReleased e when e.tradeId() != null -> {
                // A trade without delivery versus payment settled or failed: the deposit held for it is free again.
                ledger.release(e.currency(), AccountRef.participant(e.participantId()), e.amount());
                ledger.depositsByTrade().remove(e.tradeId());
            }
            case DepositReleased e -> {
                ledger.release(e.currency(), AccountRef.participant(e.participantId()), e.amount());
                ListingDeposit was = ledger.depositOn(e.listingId(), e.participantId());
                ledger.removeDeposit(e.listingId(), e.participantId());
                if (was.amount().compareTo(e.amount()) > 0) {
                    // The part of a deposit above the trade it secures is released; the rest is held next.
                    ledger.putDeposit(new ListingDeposit(was.listingId(), was.participantId(), was.currency(),
                            was.amount().minus(e.amount())));
                }
            }
            case DepositHeldForTrade e -> {
                ledger.removeDeposit(e.listingId(), e.participantId());
                ledger.depositsByTrade().put(e.tradeId(), new HeldDeposit(e.tradeId(), Long.toString(e.listingId()),
                        e.participantId(), e.currency(), e.amount()));
            }
        }
    }

    /** A suspense instruction's receipt follows its payout: returning, returned, or open again. */
    private static void suspense(CashLedger ledger, AccountRef account, String bankReference, SuspenseStatus status) {
        if (account.kind() == AccountKind.SUSPENSE && bankReference != null) {
            ledger.suspense().computeIfPresent(bankReference, (k, r) -> r.with(status));
        }
    }
}
