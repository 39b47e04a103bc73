package fundexchange.protocol.event;

/** Staff declared a trade settled delivery versus payment settled, by maker-checker with a reason (rules version 8). */
public record SettlementOverridden(long tradeId, String fundCode, String seller, String buyer, long proposalId,
                                   String reason) implements CashEvent {
}
