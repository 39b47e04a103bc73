package fundexchange.audit.report;

/**
 * A trade executed on the day. Amounts are the journal's exact decimal strings.
 *
 * @param percentOfNav            {@code percentOfNavBasisPoints} as a percentage with two decimals ("60.00")
 * @param multipleOfCost          consideration over the seller's cost of the units sold
 */
public record TradeRow(long tradeId, long listingId, String mechanism, long sourceIndex, String time, String fundCode,
                       String seller, String buyer, String units, String price, String consideration,
                       long percentOfNavBasisPoints, String percentOfNav, String multipleOfCost) {
}
