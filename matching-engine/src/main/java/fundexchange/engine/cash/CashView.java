package fundexchange.engine.cash;

import java.util.List;
import java.util.Map;

/** The cash ledger as plain data, for snapshots (rules version 7; absent when the ledger is empty;
 * {@code depositsByTrade} null until a deposit is held for a trade, {@code tradeFundings} until a trade settles delivery
 * versus payment, {@code depositsOnListings} until a deposit is locked on a listing, so version-7 snapshots keep their
 * bytes). */
public record CashView(List<CashBalance> balances, List<PayoutInstruction> instructions, List<SuspenseReceipt> suspense,
                       List<String> bankReferences, Map<String, String> lastStatements, List<EscrowAlarm> alarms,
                       List<HeldDeposit> depositsByTrade, List<TradeFunding> tradeFundings,
                       List<ListingDeposit> depositsOnListings) {
    /** A view without trades settled delivery versus payment or deposits on listings. */
    public CashView(List<CashBalance> balances, List<PayoutInstruction> instructions, List<SuspenseReceipt> suspense,
                    List<String> bankReferences, Map<String, String> lastStatements, List<EscrowAlarm> alarms,
                    List<HeldDeposit> depositsByTrade) {
        this(balances, instructions, suspense, bankReferences, lastStatements, alarms, depositsByTrade, null, null);
    }

    public CashView {
        balances = balances == null ? List.of() : List.copyOf(balances);
        instructions = instructions == null ? List.of() : List.copyOf(instructions);
        suspense = suspense == null ? List.of() : List.copyOf(suspense);
        bankReferences = bankReferences == null ? List.of() : List.copyOf(bankReferences);
        lastStatements = lastStatements == null ? Map.of() : Map.copyOf(lastStatements);
        alarms = alarms == null ? List.of() : List.copyOf(alarms);
        depositsByTrade = depositsByTrade == null ? null : List.copyOf(depositsByTrade);
        tradeFundings = tradeFundings == null ? null : List.copyOf(tradeFundings);
        depositsOnListings = depositsOnListings == null ? null : List.copyOf(depositsOnListings);
    }
}
