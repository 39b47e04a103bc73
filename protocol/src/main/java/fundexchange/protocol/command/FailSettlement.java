package fundexchange.protocol.command;

/** Settlement override: staff declare a pending trade failed (maker-checker); its units are unlocked. */
public record FailSettlement(long tradeId, String reason) implements SensitiveAction {
}
