package fundexchange.engine.cash;

import fundexchange.protocol.cash.AccountKind;
import fundexchange.protocol.cash.AccountRef;
import fundexchange.protocol.money.Money;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The cash in escrow at the settlement bank (issue 22): an account per participant per currency and the platform's
 * suspense and revenue accounts, each with available and locked balances; the payout instructions, unidentified
 * receipts, the bank references already used, each currency's last statement date and the escrow alarms. Every map is
 * sorted. The account operations ({@link #credit}, {@link #lock}, {@link #release}, {@link #payOut}, {@link #move})
 * are the only way balances change; they are applied from events the rules validated, and throw (an engine bug) on a
 * balance that would go negative or overflow. Deposits, delivery versus payment and fees build on the same operations.
 */
public final class CashLedger {
    private final TreeMap<String, CashBalance> balances = new TreeMap<>();
    private final TreeMap<Long, PayoutInstruction> instructions = new TreeMap<>();
    private final TreeMap<String, SuspenseReceipt> suspense = new TreeMap<>();
    private final TreeSet<String> bankReferences = new TreeSet<>();
    private final TreeMap<String, String> lastStatements = new TreeMap<>();
    private final TreeMap<Long, EscrowAlarm> alarms = new TreeMap<>();
    private final TreeMap<Long, HeldDeposit> depositsByTrade = new TreeMap<>();
    private final TreeMap<Long, TradeFunding> tradeFundings = new TreeMap<>();
    /** Derived from {@link #tradeFundings} (not hashed, rebuilt on restore): registration deadlines to trade ids. */
    private final TreeMap<Long, java.util.TreeSet<Long>> registrationDeadlines = new TreeMap<>();
    private final TreeMap<Long, TreeMap<String, ListingDeposit>> depositsOnListings = new TreeMap<>();

    /** The key of an account: currency, then kind, then participant, so one currency's accounts are contiguous. */
    private static String key(String currency, AccountRef account) {
        return currency + "|" + account.kind() + "|" + (account.participantId() == null ? "" : account.participantId());
    }

    /** The account's balances (zero for an account that never held cash). */
    public CashBalance balance(String currency, AccountRef account) {
        CashBalance found = balances.get(key(currency, account));
        return found != null ? found : new CashBalance(currency, account, Money.ZERO, Money.ZERO);
    }

    public Money available(String currency, AccountRef account) {
        return balance(currency, account).available();
    }

    /** The escrow total of {@code currency}: every account's available and locked balances. */
    public Money escrow(String currency) {
        Money total = Money.ZERO;
        for (CashBalance balance : accountsOf(currency).values()) {
            total = total.plus(balance.total());
        }
        return total;
    }

    /** The accounts of {@code currency} that ever held cash, in key order. */
    public SortedMap<String, CashBalance> accountsOf(String currency) {
        return balances.subMap(currency + "|", currency + "|\uffff");
    }

    /** Every currency that has an account. */
    public TreeSet<String> currencies() {
        TreeSet<String> currencies = new TreeSet<>();
        for (CashBalance balance : balances.values()) {
            currencies.add(balance.currency());
        }
        return currencies;
    }

    /** Money enters escrow: {@code amount} to the account's available balance. */
    public void credit(String currency, AccountRef account, Money amount) {
        CashBalance b = balance(currency, account);
        put(new CashBalance(currency, account, b.available().plus(amount), b.locked()));
    }

    /** Available to locked. */
    public void lock(String currency, AccountRef account, Money amount) {
        CashBalance b = balance(currency, account);
        put(new CashBalance(currency, account, b.available().minus(amount), b.locked().plus(amount)));
    }

    /** Locked back to available. */
    public void release(String currency, AccountRef account, Money amount) {
        CashBalance b = balance(currency, account);
        put(new CashBalance(currency, account, b.available().plus(amount), b.locked().minus(amount)));
    }

    /** Money leaves escrow from the account's locked balance (a payout the bank executed). */
    public void payOut(String currency, AccountRef account, Money amount) {
        CashBalance b = balance(currency, account);
        put(new CashBalance(currency, account, b.available(), b.locked().minus(amount)));
    }

    /** Available cash moves from one account to another of the same currency; the escrow total is unchanged. */
    public void move(String currency, AccountRef from, AccountRef to, Money amount) {
        CashBalance source = balance(currency, from);
        put(new CashBalance(currency, from, source.available().minus(amount), source.locked()));
        CashBalance target = balance(currency, to);
        put(new CashBalance(currency, to, target.available().plus(amount), target.locked()));
    }

    private void put(CashBalance balance) {
        if (balance.available().raw() < 0 || balance.locked().raw() < 0) {
            throw new IllegalStateException("cash account " + key(balance.currency(), balance.account())
                    + " would go negative: " + balance);
        }
        balance.total(); // overflow-checked
        balances.put(key(balance.currency(), balance.account()), balance);
    }

    public TreeMap<Long, PayoutInstruction> instructions() {
        return instructions;
    }

    public TreeMap<String, SuspenseReceipt> suspense() {
        return suspense;
    }

    public TreeSet<String> bankReferences() {
        return bankReferences;
    }

    public TreeMap<String, String> lastStatements() {
        return lastStatements;
    }

    public TreeMap<Long, EscrowAlarm> alarms() {
        return alarms;
    }

    /**
     * Winners' deposits held for their trades, by trade id. The amount stays in the winner's locked balance; this map
     * says which trade it belongs to. Before rules version 8 it is always empty.
     */
    public TreeMap<Long, HeldDeposit> depositsByTrade() {
        return depositsByTrade;
    }

    /**
     * Bid deposits locked on listings before their close (rules version 8), by listing, then participant. The amounts
     * are in the participants' locked balances.
     */
    public TreeMap<Long, TreeMap<String, ListingDeposit>> depositsOnListings() {
        return depositsOnListings;
    }

    /** The deposit {@code participantId} has locked on {@code listingId}, or null. */
    public ListingDeposit depositOn(long listingId, String participantId) {
        TreeMap<String, ListingDeposit> onListing = depositsOnListings.get(listingId);
        return onListing == null ? null : onListing.get(participantId);
    }

    /** A deposit locked on its listing (the balance is locked separately, {@link #lock}). */
    public void putDeposit(ListingDeposit deposit) {
        depositsOnListings.computeIfAbsent(deposit.listingId(), id -> new TreeMap<>())
                .put(deposit.participantId(), deposit);
    }

    /** The deposit leaves its listing (released, or held for a trade). */
    public void removeDeposit(long listingId, String participantId) {
        TreeMap<String, ListingDeposit> onListing = depositsOnListings.get(listingId);
        if (onListing == null || onListing.remove(participantId) == null) {
            throw new IllegalStateException("no deposit of " + participantId + " on listing " + listingId);
        }
        if (onListing.isEmpty()) {
            depositsOnListings.remove(listingId);
        }
    }

    /**
     * Trades settled delivery versus payment (rules version 8) whose cash has not settled or been released, by trade
     * id. Change them only through {@link #putFunding} and {@link #removeFunding}, which keep the registration deadlines.
     */
    public java.util.SortedMap<Long, TradeFunding> tradeFundings() {
        return java.util.Collections.unmodifiableSortedMap(tradeFundings);
    }

    public TradeFunding funding(long tradeId) {
        return tradeFundings.get(tradeId);
    }

    public void putFunding(TradeFunding funding) {
        TradeFunding before = tradeFundings.put(funding.tradeId(), funding);
        unindex(before);
        if (funding.awaitingRegistration()) {
            registrationDeadlines.computeIfAbsent(funding.registrationDue(), k -> new java.util.TreeSet<>())
                    .add(funding.tradeId());
        }
    }

    public void removeFunding(long tradeId) {
        unindex(tradeFundings.remove(tradeId));
    }

    private void unindex(TradeFunding funding) {
        if (funding != null && funding.awaitingRegistration()) {
            java.util.TreeSet<Long> due = registrationDeadlines.get(funding.registrationDue());
            if (due != null) {
                due.remove(funding.tradeId());
                if (due.isEmpty()) {
                    registrationDeadlines.remove(funding.registrationDue());
                }
            }
        }
    }

    /** The earliest registration deadline, or Long.MAX_VALUE. */
    public long nextRegistrationDue() {
        return registrationDeadlines.isEmpty() ? Long.MAX_VALUE : registrationDeadlines.firstKey();
    }

    /** The trade whose registration deadline is earliest (lowest id first), or null. */
    public TradeFunding nextRegistrationExpiry() {
        return registrationDeadlines.isEmpty() ? null
                : tradeFundings.get(registrationDeadlines.firstEntry().getValue().first());
    }

    /** What is locked in the buyer's account for a trade: its funding and a deposit held for it. */
    public Money lockedFor(TradeFunding funding) {
        HeldDeposit deposit = depositsByTrade.get(funding.tradeId());
        return deposit == null ? funding.funded() : funding.funded().plus(deposit.amount());
    }

    /** The deposit held for {@code tradeId}, zero if none. */
    public Money depositFor(long tradeId) {
        HeldDeposit deposit = depositsByTrade.get(tradeId);
        return deposit == null ? Money.ZERO : deposit.amount();
    }

    /** Moves locked cash of one account to the available cash of another (or the same) account. */
    public void unlockTo(String currency, AccountRef from, AccountRef to, Money amount) {
        CashBalance source = balance(currency, from);
        put(new CashBalance(currency, from, source.available(), source.locked().minus(amount)));
        CashBalance target = balance(currency, to);
        put(new CashBalance(currency, to, target.available().plus(amount), target.locked()));
    }

    /** Moves locked cash of one account to the locked cash of another (rules version 9: a delivered trade's). */
    public void moveLocked(String currency, AccountRef from, AccountRef to, Money amount) {
        if (amount.raw() == 0) {
            return;
        }
        CashBalance source = balance(currency, from);
        put(new CashBalance(currency, from, source.available(), source.locked().minus(amount)));
        CashBalance target = balance(currency, to);
        put(new CashBalance(currency, to, target.available(), target.locked().plus(amount)));
    }

    /** Whether the ledger holds nothing (every journal before rules version 7). */
    public boolean isEmpty() {
        return balances.isEmpty() && instructions.isEmpty() && suspense.isEmpty() && bankReferences.isEmpty()
                && lastStatements.isEmpty() && alarms.isEmpty() && depositsByTrade.isEmpty() && tradeFundings.isEmpty()
                && depositsOnListings.isEmpty();
    }

    /** The ledger as data, or null when empty (snapshots of journals without cash stay as they were). */
    public CashView view() {
        return isEmpty() ? null : new CashView(java.util.List.copyOf(balances.values()),
                java.util.List.copyOf(instructions.values()), java.util.List.copyOf(suspense.values()),
                java.util.List.copyOf(bankReferences), lastStatements, java.util.List.copyOf(alarms.values()),
                depositsByTrade.isEmpty() ? null : java.util.List.copyOf(depositsByTrade.values()),
                tradeFundings.isEmpty() ? null : java.util.List.copyOf(tradeFundings.values()),
                depositsOnListings.isEmpty() ? null : depositsOnListings.values().stream()
                        .flatMap(m -> m.values().stream()).toList());
    }

    /** Restores a snapshot's ledger (null: empty). */
    public void restore(CashView view) {
        if (view == null) {
            return;
        }
        view.balances().forEach(b -> balances.put(key(b.currency(), b.account()), b));
        view.instructions().forEach(i -> instructions.put(i.instructionId(), i));
        view.suspense().forEach(s -> suspense.put(s.bankReference(), s));
        bankReferences.addAll(view.bankReferences());
        lastStatements.putAll(view.lastStatements());
        view.alarms().forEach(a -> alarms.put(a.alarmId(), a));
        if (view.depositsByTrade() != null) {
            view.depositsByTrade().forEach(d -> depositsByTrade.put(d.tradeId(), d));
        }
        if (view.tradeFundings() != null) {
            view.tradeFundings().forEach(this::putFunding);
        }
        if (view.depositsOnListings() != null) {
            view.depositsOnListings().forEach(this::putDeposit);
        }
    }

    /** The sections the state hash covers, only those that are non-empty (states without cash keep their hashes). */
    public Map<String, Object> hashSections() {
        Map<String, Object> sections = new LinkedHashMap<>();
        putIfAny(sections, "cashBalances", balances);
        putIfAny(sections, "cashInstructions", instructions);
        putIfAny(sections, "cashSuspense", suspense);
        if (!bankReferences.isEmpty()) {
            sections.put("cashBankReferences", bankReferences);
        }
        putIfAny(sections, "cashStatements", lastStatements);
        putIfAny(sections, "cashAlarms", alarms);
        putIfAny(sections, "cashDepositsByTrade", depositsByTrade);
        putIfAny(sections, "cashTradeFundings", tradeFundings);
        putIfAny(sections, "cashDepositsOnListings", depositsOnListings);
        return sections;
    }

    private static void putIfAny(Map<String, Object> sections, String name, Map<?, ?> items) {
        if (!items.isEmpty()) {
            sections.put(name, items);
        }
    }

    /** Whether {@code kind} is one of the platform's own accounts. */
    public static boolean platform(AccountKind kind) {
        return kind != AccountKind.PARTICIPANT;
    }
}
