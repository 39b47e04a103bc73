package fundexchange.audit.report;

import java.util.List;

/**
 * A trade of the day as a regulator reviews it: how it was made, who traded, its price against NAV, cost and the
 * fund's recent trades, and whether {@link OutlierRule} marks it. Amounts are exact decimal strings; names are absent
 * when the journal does not hold them.
 *
 * @param mechanism                  BOOK, OFFER or the listing's mechanism (see {@code TradeMechanism})
 * @param nav                        the fund's NAV per unit when the trade was made
 * @param percentOfNav               price over NAV as a percentage with two decimals ("60.00")
 * @param multipleOfCost             consideration over the seller's cost of the units sold
 * @param vwap                       the fund's VWAP over the look-back window before this trade; absent with none
 * @param vwapTrades                 how many trades that VWAP covers
 * @param deviationFromVwapBasisPoints |price - vwap| in basis points of the VWAP, rounded down; absent with no VWAP
 * @param deviationFromNavBasisPoints  |percentOfNavBasisPoints - 10000|
 * @param outliers                   the rule's marks, in this order: {@code VWAP}, {@code NAV}; empty when none
 */
public record TradeReview(long tradeId, long sourceIndex, String time, String mechanism, long listingId, String fundCode,
                          String fundName, String currency, String seller, String sellerName, String buyer,
                          String buyerName, String units, String price, String consideration, String nav,
                          String percentOfNav, String multipleOfCost, String vwap, int vwapTrades,
                          Long deviationFromVwapBasisPoints, long deviationFromNavBasisPoints, List<String> outliers) {
    public static final String VWAP = "VWAP";
    public static final String NAV = "NAV";

    public TradeReview {
        outliers = List.copyOf(outliers);
    }
}
