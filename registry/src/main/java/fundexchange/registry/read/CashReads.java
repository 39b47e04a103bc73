package fundexchange.registry.read;

import static fundexchange.registry.schema.Tables.BANK_RECEIPTS;
import static fundexchange.registry.schema.Tables.BANK_STATEMENTS;
import static fundexchange.registry.schema.Tables.BID_DEPOSITS;
import static fundexchange.registry.schema.Tables.CASH_ACCOUNTS;
import static fundexchange.registry.schema.Tables.CASH_MOVEMENTS;
import static fundexchange.registry.schema.Tables.PAYOUT_INSTRUCTIONS;
import static fundexchange.registry.schema.Tables.TRADE_FUNDING;

import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * Cash at the settlement bank (V24), in pages by id. Each read takes the filters that narrow it; the gateway decides
 * which a caller must pass (its own participant id, its own bank id) and which it may leave empty (oversight).
 */
public final class CashReads {
    private final DSLContext dsl;

    CashReads(DSLContext dsl) {
        this.dsl = dsl;
    }

    private static <T> Condition and(Condition condition, Field<T> field, Optional<T> value) {
        return value.map(field::eq).map(condition::and).orElse(condition);
    }

    /**
     * Accounts in id order: of one kind (PARTICIPANT, SUSPENSE, REVENUE) or any, of one owner or every one, of one
     * currency or all.
     */
    public List<CashAccountView> accounts(Optional<String> kind, Optional<String> owner, Optional<String> currency,
                                          Page page) {
        Condition matching = and(and(and(CASH_ACCOUNTS.ACCOUNT_ID.gt(page.after()), CASH_ACCOUNTS.KIND, kind),
                CASH_ACCOUNTS.OWNER, owner), CASH_ACCOUNTS.CURRENCY, currency);
        return dsl.selectFrom(CASH_ACCOUNTS).where(matching).orderBy(CASH_ACCOUNTS.ACCOUNT_ID).limit(page.limit())
                .fetch(r -> new CashAccountView(r.getAccountId(), r.getOwner(), r.getCurrency(), r.getKind(),
                        r.getAvailable(), r.getLocked(), r.getUpdatedIndex()));
    }

    /** Movements in journal order: of one kind of account or any, of one owner or every one, of one currency or all. */
    public List<CashMovementView> movements(Optional<String> kind, Optional<String> owner, Optional<String> currency,
                                            Page page) {
        Condition matching = and(and(and(CASH_MOVEMENTS.MOVEMENT_ID.gt(page.after()), CASH_MOVEMENTS.ACCOUNT_KIND, kind),
                CASH_MOVEMENTS.OWNER, owner), CASH_MOVEMENTS.CURRENCY, currency);
        return dsl.selectFrom(CASH_MOVEMENTS).where(matching).orderBy(CASH_MOVEMENTS.MOVEMENT_ID).limit(page.limit())
                .fetch(r -> new CashMovementView(r.getMovementId(), r.getSourceIndex(), r.getMovedAt(), r.getAccountKind(), r.getOwner(),
                        r.getCurrency(), r.getKind(), r.getAmount(), r.getAvailableAfter(), r.getLockedAfter(),
                        r.getCause(), r.getBankReference(), r.getInstructionId(), r.getProposalId(), r.getReason()));
    }

    /**
     * Payout instructions in id order: out of one kind of account or any, of one owner or any, in one status (PENDING:
     * the bank's queue) or any.
     */
    public List<PayoutInstructionView> payouts(Optional<String> kind, Optional<String> owner, Optional<String> status,
                                               Page page) {
        Condition matching = and(and(and(PAYOUT_INSTRUCTIONS.INSTRUCTION_ID.gt(page.after()),
                PAYOUT_INSTRUCTIONS.ACCOUNT_KIND, kind), PAYOUT_INSTRUCTIONS.OWNER, owner), PAYOUT_INSTRUCTIONS.STATUS, status);
        return dsl.selectFrom(PAYOUT_INSTRUCTIONS).where(matching).orderBy(PAYOUT_INSTRUCTIONS.INSTRUCTION_ID)
                .limit(page.limit())
                .fetch(r -> new PayoutInstructionView(r.getInstructionId(), r.getOwner(), r.getAccountKind(),
                        r.getCurrency(), r.getAmount(), r.getReceiptReference(), r.getInstructionReason(), r.getStatus(),
                        r.getInstructedIndex(), r.getInstructedAt(), r.getBank(), r.getConfirmationReference(),
                        r.getValueDate() == null ? null : r.getValueDate().toString(), r.getDecidedIndex(),
                        r.getDecidedAt(), r.getReturnReason()));
    }

    /**
     * Bid deposits (V27) in id order: of one participant or every one, on one listing or any, in one status (LOCKED,
     * HELD, RELEASED, APPLIED, FORFEITED) or any.
     */
    public List<BidDepositView> deposits(Optional<String> participant, Optional<Long> listingId, Optional<String> status,
                                         Page page) {
        Condition matching = and(and(and(BID_DEPOSITS.DEPOSIT_ID.gt(page.after()), BID_DEPOSITS.PARTICIPANT, participant),
                BID_DEPOSITS.LISTING_ID, listingId), BID_DEPOSITS.STATUS, status);
        return dsl.selectFrom(BID_DEPOSITS).where(matching).orderBy(BID_DEPOSITS.DEPOSIT_ID).limit(page.limit())
                .fetch(r -> new BidDepositView(r.getDepositId(), r.getListingId(), r.getParticipant(), r.getCurrency(),
                        r.getLockedAmount(), r.getAmount(), r.getStatus(), r.getTradeId(), r.getLockedAt(),
                        r.getUpdatedIndex(), r.getUpdatedAt()));
    }

    /** The bank's receipts in id order: of one bank or any, in one status (SUSPENSE: staff's queue) or any. */
    public List<BankReceiptView> receipts(Optional<String> bank, Optional<String> status, Page page) {
        Condition matching = and(and(BANK_RECEIPTS.RECEIPT_ID.gt(page.after()), BANK_RECEIPTS.BANK, bank),
                BANK_RECEIPTS.STATUS, status);
        return dsl.selectFrom(BANK_RECEIPTS).where(matching).orderBy(BANK_RECEIPTS.RECEIPT_ID).limit(page.limit())
                .fetch(r -> new BankReceiptView(r.getReceiptId(), r.getBank(), r.getBankReference(), r.getCurrency(),
                        r.getAmount(), r.getValueDate().toString(), r.getParticipant(), r.getRemitter(), r.getStatus(),
                        r.getReceivedAt(), r.getAssignedTo(), r.getSettledIndex(), r.getSettledAt()));
    }

    /** Statements in id order: of one bank or any, in one status (MISMATCH: the open alarms) or any. */
    public List<BankStatementView> statements(Optional<String> bank, Optional<String> status, Page page) {
        Condition matching = and(and(BANK_STATEMENTS.STATEMENT_ID.gt(page.after()), BANK_STATEMENTS.BANK, bank),
                BANK_STATEMENTS.STATUS, status);
        return dsl.selectFrom(BANK_STATEMENTS).where(matching).orderBy(BANK_STATEMENTS.STATEMENT_ID).limit(page.limit())
                .fetch(r -> new BankStatementView(r.getStatementId(), r.getBank(), r.getBankReference(),
                        r.getStatementDate().toString(), r.getCurrency(), r.getBankBalance(), r.getEscrowBalance(),
                        r.getStatus(), r.getSubmittedAt(), r.getAlarmIndex(), r.getAcknowledgedIndex(),
                        r.getAcknowledgedAt(), r.getProposalId(), r.getAcknowledgedReason()));
    }

    /**
     * Trades settled delivery versus payment (V26) in trade id order: those {@code party} buys, sells or confirms the
     * registration change of as the fund's manager (empty: every one, for oversight), in one status or any; each with
     * the index and time of the last change its seller, and its manager, was told of (V30), for their views. The
     * manager's rows are those awaiting its decision and those it ended or saw end; one that left AWAITING_REGISTRATION
     * by a change the manager is not told of (staff's override; the registration deadline or staff's FailSettlement of
     * a trade not delivered) is not listed to it. From rules version 9 a delivered trade's unwind (TradeUnitsReturned)
     * is told to the manager, so one failed by the deadline or FailSettlement stays listed to it, FAILED.
     */
    public List<TradeFundingRow> tradeFundings(Optional<String> party, Optional<String> status, Page page) {
        Condition matching = TRADE_FUNDING.TRADE_ID.gt(page.after());
        if (party.isPresent()) {
            matching = matching.and(TRADE_FUNDING.BUYER.eq(party.get()).or(TRADE_FUNDING.SELLER.eq(party.get()))
                    .or(TRADE_FUNDING.MANAGER.eq(party.get()).and(TRADE_FUNDING.STATUS.eq("AWAITING_REGISTRATION")
                            .or(TRADE_FUNDING.MANAGER_UPDATED_INDEX.eq(TRADE_FUNDING.UPDATED_INDEX)))));
        }
        matching = and(matching, TRADE_FUNDING.STATUS, status);
        return dsl.selectFrom(TRADE_FUNDING).where(matching).orderBy(TRADE_FUNDING.TRADE_ID).limit(page.limit())
                .fetch(r -> new TradeFundingRow(new TradeFundingView(r.getTradeId(), r.getFundCode(), r.getSeller(),
                        r.getBuyer(), r.getManager(), r.getCurrency(), r.getConsideration(), r.getBuyerFee(),
                        r.getSellerFee(), r.getDue(), r.getFunded(), r.getStatus(), r.getSettleBy(),
                        r.getRegistrationDue(), r.getOverrideReason(), r.getCreatedIndex(), r.getUpdatedIndex(),
                        r.getUpdatedAt()), r.getSellerUpdatedIndex(), r.getSellerUpdatedAt(), r.getManagerUpdatedIndex(),
                        r.getManagerUpdatedAt()));
    }
}
