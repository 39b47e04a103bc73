package fundexchange.registry.projector;

import static fundexchange.registry.schema.Tables.BANK_RECEIPTS;
import static fundexchange.registry.schema.Tables.BANK_STATEMENTS;
import static fundexchange.registry.schema.Tables.BID_DEPOSITS;
import static fundexchange.registry.schema.Tables.PAYOUT_INSTRUCTIONS;

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
import fundexchange.protocol.event.RegistrationConfirmed;
import fundexchange.protocol.event.RegistrationRefused;
import fundexchange.protocol.event.SettlementOverridden;
import fundexchange.protocol.event.TradeCashSettled;
import fundexchange.protocol.event.TradeFunded;
import fundexchange.protocol.event.TradeFundingLocked;
import fundexchange.protocol.event.TradeFundingReleased;
import fundexchange.protocol.money.Money;
import fundexchange.registry.projector.CashBalances.Movement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * Cash in escrow (issue 22, V24): each cash event's movements on the accounts ({@link CashBalances}), and the rows of
 * the bank's receipts, payout instructions and statements; bid deposits (V27) locked, released or held for a trade. Like {@link EventProjection} it never decides: a receipt,
 * instruction or alarm not in the state the event expects, or a balance below zero, halts the projector.
 */
final class CashProjection {
    private final DSLContext tx;
    private final StatementBatch batch;
    private final CashBalances balances;
    private final TradeFundings settlements;
    /** The receipt a suspense return's instruction names, for instructions made in this transaction. */
    private final Map<Long, String> returning = new HashMap<>();

    CashProjection(DSLContext tx, StatementBatch batch) {
        this.tx = tx;
        this.batch = batch;
        this.balances = new CashBalances(tx, batch);
        this.settlements = new TradeFundings(tx, batch);
    }

    /** A trade settled delivery versus payment (it carries fees, rules version 8) awaits funding. */
    void executed(fundexchange.protocol.event.TradeExecuted e, long index, long time) {
        if (e.buyerFee() != null) {
            settlements.executed(e, index, time);
        }
    }

    void apply(CashEvent event, long index, long time) {
        switch (event) {
            case CashReceived e -> {
                receipt(index, e.bank(), e.bankReference(), e.currency(), e.amount().decimal(), e.valueDate(),
                        e.participantId(), null, "CREDITED", time);
                balances.move(AccountRef.participant(e.participantId()), e.currency(), Movement.CREDIT, e.amount(), index, time,
                        "CashReceived", e.bankReference(), null, null, null);
            }
            case UnidentifiedReceiptRecorded e -> {
                receipt(index, e.bank(), e.bankReference(), e.currency(), e.amount().decimal(), e.valueDate(), null,
                        e.remitter(), "SUSPENSE", time);
                balances.move(AccountRef.SUSPENSE, e.currency(), Movement.CREDIT, e.amount(), index, time,
                        "UnidentifiedReceiptRecorded", e.bankReference(), null, null, null);
            }
            case SuspenseAssigned e -> {
                batch.one(tx.update(BANK_RECEIPTS).set(BANK_RECEIPTS.STATUS, "ASSIGNED")
                        .set(BANK_RECEIPTS.ASSIGNED_TO, e.participantId())
                        .set(BANK_RECEIPTS.SETTLED_INDEX, index).set(BANK_RECEIPTS.SETTLED_AT, time)
                        .where(BANK_RECEIPTS.BANK_REFERENCE.eq(e.bankReference()), BANK_RECEIPTS.STATUS.eq("SUSPENSE")),
                        "receipt " + e.bankReference() + " in suspense", receiptKey(e.bankReference()));
                balances.move(AccountRef.SUSPENSE, e.currency(), Movement.DEBIT, e.amount(), index, time,
                        "SuspenseAssigned", e.bankReference(), null, e.proposalId(), e.reason());
                balances.move(AccountRef.participant(e.participantId()), e.currency(), Movement.CREDIT, e.amount(), index,
                        time, "SuspenseAssigned", e.bankReference(), null, e.proposalId(), e.reason());
            }
            case PayoutInstructed e -> instructed(e, index, time);
            case PayoutExecuted e -> {
                decided(e.instructionId(), "EXECUTED", e.bank(), e.bankReference(), e.valueDate(), null, index, time);
                balances.move(e.account(), e.currency(), Movement.DEBIT_LOCKED, e.amount(), index, time, "PayoutExecuted",
                        e.bankReference(), e.instructionId(), null, null);
                returnOfReceipt(e.instructionId(), e.account(), "RETURNING", "RETURNED", index, time);
            }
            case PayoutReturned e -> {
                decided(e.instructionId(), "RETURNED", e.bank(), e.bankReference(), e.valueDate(), e.reason(), index, time);
                balances.move(e.account(), e.currency(), Movement.RELEASE, e.amount(), index, time, "PayoutReturned",
                        e.bankReference(), e.instructionId(), null, e.reason());
                returnOfReceipt(e.instructionId(), e.account(), "RETURNING", "SUSPENSE", null, null);
            }
            case BankStatementRecorded e -> batch.insert(tx.insertInto(BANK_STATEMENTS)
                    .set(BANK_STATEMENTS.STATEMENT_ID, index)
                    .set(BANK_STATEMENTS.BANK, e.bank())
                    .set(BANK_STATEMENTS.BANK_REFERENCE, e.bankReference())
                    .set(BANK_STATEMENTS.STATEMENT_DATE, LocalDate.parse(e.statementDate()))
                    .set(BANK_STATEMENTS.CURRENCY, e.currency())
                    .set(BANK_STATEMENTS.BANK_BALANCE, e.bankBalance().decimal())
                    .set(BANK_STATEMENTS.ESCROW_BALANCE, e.escrowBalance().decimal())
                    .set(BANK_STATEMENTS.STATUS, e.bankBalance().equals(e.escrowBalance()) ? "MATCHED" : "MISMATCH")
                    .set(BANK_STATEMENTS.SUBMITTED_AT, time), List.of(statementKey(index)));
            case EscrowMismatchRaised e -> batch.one(tx.update(BANK_STATEMENTS).set(BANK_STATEMENTS.ALARM_INDEX, index)
                    .where(BANK_STATEMENTS.STATEMENT_ID.eq(e.alarmId()), BANK_STATEMENTS.STATUS.eq("MISMATCH"),
                            BANK_STATEMENTS.CURRENCY.eq(e.currency())),
                    "mismatched statement " + e.alarmId(), statementKey(e.alarmId()));
            case EscrowMismatchAcknowledged e -> batch.one(tx.update(BANK_STATEMENTS)
                    .set(BANK_STATEMENTS.STATUS, "ACKNOWLEDGED")
                    .set(BANK_STATEMENTS.ACKNOWLEDGED_INDEX, index)
                    .set(BANK_STATEMENTS.ACKNOWLEDGED_AT, time)
                    .set(BANK_STATEMENTS.PROPOSAL_ID, e.proposalId())
                    .set(BANK_STATEMENTS.ACKNOWLEDGED_REASON, e.reason())
                    .where(BANK_STATEMENTS.STATEMENT_ID.eq(e.alarmId()), BANK_STATEMENTS.STATUS.eq("MISMATCH")),
                    "open escrow alarm " + e.alarmId(), statementKey(e.alarmId()));
            case CashCorrected e -> {
                balances.move(e.from(), e.currency(), Movement.DEBIT, e.amount(), index, time, "CashCorrected", null, null,
                        e.proposalId(), e.reason());
                balances.move(e.to(), e.currency(), Movement.CREDIT, e.amount(), index, time, "CashCorrected", null, null,
                        e.proposalId(), e.reason());
            }
            case TradeFundingLocked e -> {
                moveIf(AccountRef.participant(e.buyer()), e.currency(), Movement.LOCK, e.amount(), index, time,
                        "TradeFundingLocked", null, null, null, null);
                settlements.funded(e, index, time);
            }
            case TradeFunded e -> settlements.awaitingRegistration(e, index, time);
            case RegistrationConfirmed e -> settlements.registrationDecided(e.tradeId(), index, time);
            case RegistrationRefused e -> settlements.registrationDecided(e.tradeId(), index, time);
            case SettlementOverridden e -> settlements.overridden(e, index, time);
            case TradeCashSettled e -> {
                AccountRef buyer = AccountRef.participant(e.buyer());
                Money fees = e.buyerFee().plus(e.sellerFee());
                moveIf(buyer, e.currency(), Movement.DEBIT_LOCKED, e.consideration().plus(e.buyerFee()), index,
                        time, "TradeCashSettled", null, null, null, null);
                moveIf(buyer, e.currency(), Movement.RELEASE, e.released(), index, time, "TradeCashSettled", null,
                        null, null, null);
                moveIf(AccountRef.participant(e.seller()), e.currency(), Movement.CREDIT, e.proceeds(), index,
                        time, "TradeCashSettled", null, null, null, null);
                moveIf(AccountRef.REVENUE, e.currency(), Movement.CREDIT, fees, index, time, "TradeCashSettled",
                        null, null, null, null);
                settlements.ended(e.tradeId(), "SETTLED", index, time);
                heldDepositEnded(e.tradeId(), "APPLIED", StatementBatch.ANY, index, time);
            }
            case TradeFundingReleased e -> {
                AccountRef buyer = AccountRef.participant(e.buyer());
                moveIf(buyer, e.currency(), Movement.RELEASE, e.released(), index, time, "TradeFundingReleased",
                        null, null, null, null);
                moveIf(buyer, e.currency(), Movement.DEBIT_LOCKED, e.forfeited(), index, time,
                        "TradeFundingReleased", null, null, null, null);
                moveIf(AccountRef.participant(e.seller()), e.currency(), Movement.CREDIT, e.forfeited(), index,
                        time, "TradeFundingReleased", null, null, null, null);
                settlements.released(e.tradeId(), index, time);
                heldDepositEnded(e.tradeId(), e.forfeited().positive() ? "FORFEITED" : "RELEASED", StatementBatch.ANY,
                        index, time);
            }
            case DepositLocked e -> {
                balances.move(AccountRef.participant(e.participantId()), e.currency(), Movement.LOCK, e.amount(), index,
                        time, "DepositLocked", null, null, null, null);
                batch.insert(tx.insertInto(BID_DEPOSITS)
                        .set(BID_DEPOSITS.DEPOSIT_ID, index)
                        .set(BID_DEPOSITS.LISTING_ID, e.listingId())
                        .set(BID_DEPOSITS.PARTICIPANT, e.participantId())
                        .set(BID_DEPOSITS.CURRENCY, e.currency())
                        .set(BID_DEPOSITS.LOCKED_AMOUNT, e.amount().decimal())
                        .set(BID_DEPOSITS.AMOUNT, e.amount().decimal())
                        .set(BID_DEPOSITS.STATUS, "LOCKED")
                        .set(BID_DEPOSITS.LOCKED_AT, time)
                        .set(BID_DEPOSITS.UPDATED_INDEX, index)
                        .set(BID_DEPOSITS.UPDATED_AT, time), List.of(depositKey(e.listingId(), e.participantId())),
                        EventProjection.participant(e.participantId()));
            }
            case DepositReleased e when e.tradeId() != null -> {
                balances.move(AccountRef.participant(e.participantId()), e.currency(), Movement.RELEASE, e.amount(),
                        index, time, "DepositReleased", null, null, null, null);
                heldDepositEnded(e.tradeId(), "RELEASED", 1, index, time);
            }
            case DepositReleased e -> {
                balances.move(AccountRef.participant(e.participantId()), e.currency(), Movement.RELEASE, e.amount(),
                        index, time, "DepositReleased", null, null, null, null);
                batch.one(tx.update(BID_DEPOSITS)
                                .set(BID_DEPOSITS.AMOUNT, BID_DEPOSITS.AMOUNT.minus(e.amount().decimal()))
                                .set(BID_DEPOSITS.STATUS, org.jooq.impl.DSL.when(BID_DEPOSITS.AMOUNT.eq(e.amount().decimal()),
                                        "RELEASED").otherwise("LOCKED"))
                                .set(BID_DEPOSITS.UPDATED_INDEX, index).set(BID_DEPOSITS.UPDATED_AT, time)
                                .where(BID_DEPOSITS.LISTING_ID.eq(e.listingId()),
                                        BID_DEPOSITS.PARTICIPANT.eq(e.participantId()), BID_DEPOSITS.STATUS.eq("LOCKED"),
                                        BID_DEPOSITS.AMOUNT.ge(e.amount().decimal())),
                        "locked deposit of " + e.participantId() + " on listing " + e.listingId(),
                        depositKey(e.listingId(), e.participantId()));
            }
            // Rules version 9: the units' side is EventProjection's (which passes an unwind on); the manager is told of an unwind.
            case fundexchange.protocol.event.TradeUnitsDelivered e -> { }
            case fundexchange.protocol.event.TradeUnitsReturned e -> settlements.unwound(e.tradeId(), index, time);
            case fundexchange.protocol.event.TradeProceedsLocked e -> {
                AccountRef buyer = AccountRef.participant(e.buyer());
                moveIf(buyer, e.currency(), Movement.DEBIT_LOCKED, e.proceeds().plus(e.fees()), index, time,
                        "TradeProceedsLocked", null, null, null, null);
                moveIf(buyer, e.currency(), Movement.RELEASE, e.released(), index, time, "TradeProceedsLocked", null,
                        null, null, null);
                creditLocked(AccountRef.participant(e.seller()), e.currency(), e.proceeds(), index, time,
                        "TradeProceedsLocked");
                creditLocked(AccountRef.REVENUE, e.currency(), e.fees(), index, time, "TradeProceedsLocked");
                heldDepositEnded(e.tradeId(), "APPLIED", StatementBatch.ANY, index, time);
            }
            case fundexchange.protocol.event.TradeProceedsReleased e -> {
                moveIf(AccountRef.participant(e.seller()), e.currency(), Movement.RELEASE, e.proceeds(), index, time,
                        "TradeProceedsReleased", null, null, null, null);
                moveIf(AccountRef.REVENUE, e.currency(), Movement.RELEASE, e.fees(), index, time,
                        "TradeProceedsReleased", null, null, null, null);
                settlements.ended(e.tradeId(), "SETTLED", index, time);
            }
            case fundexchange.protocol.event.TradeProceedsReturned e -> {
                moveIf(AccountRef.participant(e.seller()), e.currency(), Movement.DEBIT_LOCKED, e.proceeds(), index,
                        time, "TradeProceedsReturned", null, null, null, null);
                moveIf(AccountRef.REVENUE, e.currency(), Movement.DEBIT_LOCKED, e.fees(), index, time,
                        "TradeProceedsReturned", null, null, null, null);
                creditLocked(AccountRef.participant(e.buyer()), e.currency(), e.total(), index, time,
                        "TradeProceedsReturned");
            }
            case DepositHeldForTrade e -> {
                settlements.depositHeld(e.tradeId(), e.amount(), index, time);
                batch.rows(tx.update(BID_DEPOSITS)
                            .set(BID_DEPOSITS.STATUS, "HELD").set(BID_DEPOSITS.TRADE_ID, e.tradeId())
                            .set(BID_DEPOSITS.UPDATED_INDEX, index).set(BID_DEPOSITS.UPDATED_AT, time)
                            .where(BID_DEPOSITS.LISTING_ID.eq(e.listingId()),
                                    BID_DEPOSITS.PARTICIPANT.eq(e.participantId()), BID_DEPOSITS.STATUS.eq("LOCKED"),
                                    BID_DEPOSITS.AMOUNT.eq(e.amount().decimal())), 1,
                    "locked deposit of " + e.participantId() + " on listing " + e.listingId(),
                    List.of(depositKey(e.listingId(), e.participantId()), heldKey(e.tradeId())));
            }
        }
    }

    /**
     * The deposit held for a trade, if any ({@code expected} rows: 1, or {@link StatementBatch#ANY} where the trade
     * may have none), ends: applied to the price, forfeited to the seller, or released; nothing is locked any more.
     */
    private void heldDepositEnded(long tradeId, String status, int expected, long index, long time) {
        batch.rows(tx.update(BID_DEPOSITS).set(BID_DEPOSITS.STATUS, status)
                        .set(BID_DEPOSITS.AMOUNT, java.math.BigDecimal.ZERO.setScale(2))
                        .set(BID_DEPOSITS.UPDATED_INDEX, index).set(BID_DEPOSITS.UPDATED_AT, time)
                        .where(BID_DEPOSITS.TRADE_ID.eq(tradeId), BID_DEPOSITS.STATUS.eq("HELD")), expected,
                "deposit held for trade " + tradeId, List.of(heldKey(tradeId)));
    }

    private static String heldKey(long tradeId) {
        return "DepositHeld:" + tradeId;
    }

    /** A movement of a positive amount (delivery versus payment moves nothing for a zero fee or release). */
    private void moveIf(AccountRef ref, String currency, Movement kind, Money amount, long index, long time, String cause,
                        String bankReference, Long instructionId, Long proposalId, String reason) {
        if (amount.positive()) {
            balances.move(ref, currency, kind, amount, index, time, cause, bankReference, instructionId, proposalId, reason);
        }
    }

    /** Cash credited straight to an account's locked balance (rules version 9): a credit, then a lock. */
    private void creditLocked(AccountRef ref, String currency, Money amount, long index, long time, String cause) {
        moveIf(ref, currency, Movement.CREDIT, amount, index, time, cause, null, null, null, null);
        moveIf(ref, currency, Movement.LOCK, amount, index, time, cause, null, null, null, null);
    }

    /** Writes the balances the transaction's movements left. */
    void finish() {
        balances.flush();
    }

    private void receipt(long index, String bank, String reference, String currency, java.math.BigDecimal amount,
                         String valueDate, String participant, String remitter, String status, long time) {
        batch.insert(tx.insertInto(BANK_RECEIPTS)
                .set(BANK_RECEIPTS.RECEIPT_ID, index)
                .set(BANK_RECEIPTS.BANK, bank)
                .set(BANK_RECEIPTS.BANK_REFERENCE, reference)
                .set(BANK_RECEIPTS.CURRENCY, currency)
                .set(BANK_RECEIPTS.AMOUNT, amount)
                .set(BANK_RECEIPTS.VALUE_DATE, LocalDate.parse(valueDate))
                .set(BANK_RECEIPTS.PARTICIPANT, participant)
                .set(BANK_RECEIPTS.REMITTER, remitter)
                .set(BANK_RECEIPTS.STATUS, status)
                .set(BANK_RECEIPTS.RECEIVED_AT, time), List.of(receiptKey(reference)));
    }

    private void instructed(PayoutInstructed e, long index, long time) {
        balances.move(e.account(), e.currency(), Movement.LOCK, e.amount(), index, time, "PayoutInstructed",
                e.bankReference(), e.instructionId(), null, e.reason());
        batch.insert(tx.insertInto(PAYOUT_INSTRUCTIONS)
                .set(PAYOUT_INSTRUCTIONS.INSTRUCTION_ID, e.instructionId())
                .set(PAYOUT_INSTRUCTIONS.OWNER, CashBalances.owner(e.account()))
                .set(PAYOUT_INSTRUCTIONS.ACCOUNT_KIND, e.account().kind().name())
                .set(PAYOUT_INSTRUCTIONS.CURRENCY, e.currency())
                .set(PAYOUT_INSTRUCTIONS.AMOUNT, e.amount().decimal())
                .set(PAYOUT_INSTRUCTIONS.RECEIPT_REFERENCE, e.bankReference())
                .set(PAYOUT_INSTRUCTIONS.INSTRUCTION_REASON, e.reason())
                .set(PAYOUT_INSTRUCTIONS.STATUS, "PENDING")
                .set(PAYOUT_INSTRUCTIONS.INSTRUCTED_INDEX, index)
                .set(PAYOUT_INSTRUCTIONS.INSTRUCTED_AT, time), List.of(payoutKey(e.instructionId())),
                CashBalances.key(e.account(), e.currency()));
        if (e.account().participantId() == null && e.bankReference() != null) {
            returning.put(e.instructionId(), e.bankReference());
            receiptStatus(e.bankReference(), "SUSPENSE", "RETURNING", index, time);
        }
    }

    private void decided(long instructionId, String status, String bank, String reference, String valueDate,
                         String reason, long index, long time) {
        batch.one(tx.update(PAYOUT_INSTRUCTIONS)
                        .set(PAYOUT_INSTRUCTIONS.STATUS, status)
                        .set(PAYOUT_INSTRUCTIONS.BANK, bank)
                        .set(PAYOUT_INSTRUCTIONS.CONFIRMATION_REFERENCE, reference)
                        .set(PAYOUT_INSTRUCTIONS.VALUE_DATE, LocalDate.parse(valueDate))
                        .set(PAYOUT_INSTRUCTIONS.DECIDED_INDEX, index)
                        .set(PAYOUT_INSTRUCTIONS.DECIDED_AT, time)
                        .set(PAYOUT_INSTRUCTIONS.RETURN_REASON, reason)
                        .where(PAYOUT_INSTRUCTIONS.INSTRUCTION_ID.eq(instructionId), PAYOUT_INSTRUCTIONS.STATUS.eq("PENDING")),
                "pending payout instruction " + instructionId, payoutKey(instructionId));
    }

    /** A suspense return's receipt moves on with its instruction: RETURNED once paid, back in SUSPENSE if not. */
    private void returnOfReceipt(long instructionId, AccountRef account, String from, String to, Long index, Long time) {
        if (account.participantId() != null) {
            return;
        }
        String reference = returning.computeIfAbsent(instructionId, id -> tx.select(PAYOUT_INSTRUCTIONS.RECEIPT_REFERENCE)
                .from(PAYOUT_INSTRUCTIONS).where(PAYOUT_INSTRUCTIONS.INSTRUCTION_ID.eq(id)).fetchOne(PAYOUT_INSTRUCTIONS.RECEIPT_REFERENCE));
        if (reference != null) {
            receiptStatus(reference, from, to, index, time);
        }
    }

    private void receiptStatus(String reference, String from, String to, Long index, Long time) {
        batch.one(tx.update(BANK_RECEIPTS).set(BANK_RECEIPTS.STATUS, to)
                        .set(BANK_RECEIPTS.SETTLED_INDEX, index).set(BANK_RECEIPTS.SETTLED_AT, time)
                        .where(BANK_RECEIPTS.BANK_REFERENCE.eq(reference), BANK_RECEIPTS.STATUS.eq(from)),
                "receipt " + reference + " " + from, receiptKey(reference));
    }

    private static String depositKey(long listingId, String participant) {
        return "Deposit:" + listingId + "/" + participant;
    }

    private static String receiptKey(String reference) {
        return "Receipt:" + reference;
    }

    private static String payoutKey(long instructionId) {
        return "Payout:" + instructionId;
    }

    private static String statementKey(long statementId) {
        return "Statement:" + statementId;
    }
}
