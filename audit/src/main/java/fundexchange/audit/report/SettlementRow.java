package fundexchange.audit.report;

/** A trade settled on the day: units and cost basis moved; {@code holderCount} is the fund's count after. */
public record SettlementRow(long tradeId, long sourceIndex, String time, String fundCode, String seller, String buyer,
                            String units, String consideration, String sellerCostReleased, long holderCount) {
}
