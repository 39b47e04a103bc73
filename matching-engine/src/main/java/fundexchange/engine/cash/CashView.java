package fundexchange.engine.cash;

import java.util.List;
import java.util.Map;

/** The cash ledger as plain data, for snapshots (rules version 7; absent when the ledger is empty). */
public record CashView(List<CashBalance> balances, List<PayoutInstruction> instructions, List<SuspenseReceipt> suspense,
                       List<String> bankReferences, Map<String, String> lastStatements, List<EscrowAlarm> alarms) {
    public CashView {
        balances = balances == null ? List.of() : List.copyOf(balances);
        instructions = instructions == null ? List.of() : List.copyOf(instructions);
        suspense = suspense == null ? List.of() : List.copyOf(suspense);
        bankReferences = bankReferences == null ? List.of() : List.copyOf(bankReferences);
        lastStatements = lastStatements == null ? Map.of() : Map.copyOf(lastStatements);
        alarms = alarms == null ? List.of() : List.copyOf(alarms);
    }
}
