package fundexchange.registry.projector;

import static fundexchange.registry.schema.Tables.CASH_ACCOUNTS;
import static fundexchange.registry.schema.Tables.CASH_MOVEMENTS;

import fundexchange.protocol.cash.AccountRef;
import fundexchange.protocol.money.Money;
import fundexchange.registry.schema.tables.records.CashAccountsRecord;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * The cash accounts one projector transaction touches: each read once (or opened by its first movement), every
 * movement written as a row with the balances after it, and the final balances written by {@link #flush()}. Movement
 * ids are {@code sourceIndex * 4096 + n}, n counting the movements of the document.
 */
final class CashBalances {
    /** How a movement changes an account. */
    enum Movement {
        CREDIT, DEBIT, LOCK, RELEASE, DEBIT_LOCKED
    }

    private record Key(String kind, String owner, String currency) {
    }

    private static final class Account {
        private BigDecimal available;
        private BigDecimal locked;
        private long updatedIndex;

        private Account(BigDecimal available, BigDecimal locked, long updatedIndex) {
            this.available = available;
            this.locked = locked;
            this.updatedIndex = updatedIndex;
        }
    }

    private final DSLContext tx;
    private final StatementBatch batch;
    private final Map<Key, Account> touched = new LinkedHashMap<>();
    private long document = -1;
    private int ordinal;

    CashBalances(DSLContext tx, StatementBatch batch) {
        this.tx = tx;
        this.batch = batch;
    }

    /** The account's owner column: the participant's id, or the platform account's kind. */
    static String owner(AccountRef account) {
        return account.participantId() != null ? account.participantId() : account.kind().name();
    }

    /** The {@link StatementBatch} row key of an account. */
    static String key(AccountRef account, String currency) {
        return "CashAccount:" + account.kind() + "/" + owner(account) + "/" + currency;
    }

    /** Moves {@code amount} on the account of {@code currency} and writes the movement; a negative balance halts. */
    void move(AccountRef ref, String currency, Movement kind, Money amount, long index, long time, String cause,
              String bankReference, Long instructionId, Long proposalId, String reason) {
        if (index != document) {
            document = index;
            ordinal = 0;
        }
        long movementId = Math.addExact(Math.multiplyExact(index, 4096L), ordinal++);
        Key key = new Key(ref.kind().name(), owner(ref), currency);
        Account account = touched.computeIfAbsent(key, k -> open(ref, k, movementId, index));
        BigDecimal value = amount.decimal();
        switch (kind) {
            case CREDIT -> account.available = account.available.add(value);
            case DEBIT -> account.available = account.available.subtract(value);
            case LOCK -> {
                account.available = account.available.subtract(value);
                account.locked = account.locked.add(value);
            }
            case RELEASE -> {
                account.locked = account.locked.subtract(value);
                account.available = account.available.add(value);
            }
            case DEBIT_LOCKED -> account.locked = account.locked.subtract(value);
        }
        account.updatedIndex = index;
        batch.insert(tx.insertInto(CASH_MOVEMENTS)
                .set(CASH_MOVEMENTS.MOVEMENT_ID, movementId)
                .set(CASH_MOVEMENTS.SOURCE_INDEX, index)
                .set(CASH_MOVEMENTS.ACCOUNT_KIND, key.kind())
                .set(CASH_MOVEMENTS.OWNER, key.owner())
                .set(CASH_MOVEMENTS.CURRENCY, currency)
                .set(CASH_MOVEMENTS.KIND, kind.name())
                .set(CASH_MOVEMENTS.AMOUNT, value)
                .set(CASH_MOVEMENTS.AVAILABLE_AFTER, account.available)
                .set(CASH_MOVEMENTS.LOCKED_AFTER, account.locked)
                .set(CASH_MOVEMENTS.CAUSE, cause)
                .set(CASH_MOVEMENTS.BANK_REFERENCE, bankReference)
                .set(CASH_MOVEMENTS.INSTRUCTION_ID, instructionId)
                .set(CASH_MOVEMENTS.PROPOSAL_ID, proposalId)
                .set(CASH_MOVEMENTS.REASON, reason)
                .set(CASH_MOVEMENTS.MOVED_AT, time), List.of("CashMovement:" + movementId), key(ref, currency));
    }

    /** The account as the registry holds it, or a new one opened (inserted empty) by this movement. */
    private Account open(AccountRef ref, Key key, long movementId, long index) {
        CashAccountsRecord stored = tx.selectFrom(CASH_ACCOUNTS)
                .where(CASH_ACCOUNTS.KIND.eq(key.kind()), CASH_ACCOUNTS.OWNER.eq(key.owner()),
                        CASH_ACCOUNTS.CURRENCY.eq(key.currency())).fetchOne();
        if (stored != null) {
            return new Account(stored.getAvailable(), stored.getLocked(), stored.getUpdatedIndex());
        }
        batch.insert(tx.insertInto(CASH_ACCOUNTS)
                .set(CASH_ACCOUNTS.ACCOUNT_ID, movementId)
                .set(CASH_ACCOUNTS.OWNER, key.owner())
                .set(CASH_ACCOUNTS.CURRENCY, key.currency())
                .set(CASH_ACCOUNTS.KIND, ref.kind().name())
                .set(CASH_ACCOUNTS.AVAILABLE, BigDecimal.ZERO.setScale(Money.SCALE))
                .set(CASH_ACCOUNTS.LOCKED, BigDecimal.ZERO.setScale(Money.SCALE))
                .set(CASH_ACCOUNTS.UPDATED_INDEX, index), List.of(key(ref, key.currency())));
        return new Account(BigDecimal.ZERO.setScale(Money.SCALE), BigDecimal.ZERO.setScale(Money.SCALE), index);
    }

    /** Writes every touched account's balances; the transaction's movements are already queued. */
    void flush() {
        touched.forEach((key, account) -> batch.one(tx.update(CASH_ACCOUNTS)
                        .set(CASH_ACCOUNTS.AVAILABLE, account.available)
                        .set(CASH_ACCOUNTS.LOCKED, account.locked)
                        .set(CASH_ACCOUNTS.UPDATED_INDEX, account.updatedIndex)
                        .where(CASH_ACCOUNTS.KIND.eq(key.kind()), CASH_ACCOUNTS.OWNER.eq(key.owner()),
                                CASH_ACCOUNTS.CURRENCY.eq(key.currency())),
                "cash account " + key.owner() + "/" + key.currency(),
                "CashAccount:" + key.kind() + "/" + key.owner() + "/" + key.currency()));
        touched.clear();
    }
}
