package fundexchange.audit.report;

import java.math.BigDecimal;
import java.util.Set;

/** The page's first sections: trades to review, refusals by participant and code, and restrictions. */
final class HtmlHighlights {
    private HtmlHighlights() {
    }

    static void write(StringBuilder out, Highlights h, Labels l) {
        heading(out, l.t("Trades to review"));
        out.append("<p class=\"note\">").append(Html.escape(rule(h.outlierRule(), l))).append("</p>\n");
        Html.Table trades = new Html.Table(l.all("Trade", "Time", "Mechanism", "Fund", "Seller", "Buyer", "Units",
                "Price", "Currency", "NAV", "% of NAV", "Multiple of cost", "VWAP", "From VWAP (bp)", "From NAV (bp)",
                "Outliers"), Set.of(0, 6, 7, 9, 10, 11, 12, 13, 14), l.t("None."));
        for (TradeReview t : h.trades()) {
            trades.row(t.tradeId(), t.time(), t.mechanism(), named(t.fundCode(), t.fundName()),
                    named(t.seller(), t.sellerName()), named(t.buyer(), t.buyerName()), t.units(), t.price(),
                    t.currency(), t.nav(), t.percentOfNav(), t.multipleOfCost(), t.vwap(),
                    t.deviationFromVwapBasisPoints(), t.deviationFromNavBasisPoints(),
                    String.join(", ", t.outliers().stream().map(l::t).toList()));
        }
        trades.writeTo(out);

        heading(out, l.t("Refusals by participant and code"));
        Html.Table refusals = new Html.Table(l.all("Participant", "Name", "Code", "Reason", "Count"), Set.of(2, 4),
                l.t("None."));
        h.refusalsByParticipant().forEach(r -> refusals.row(r.participant() == null ? l.t("(unsigned)") : r.participant(),
                r.name(), r.code(), r.reason(), r.count()));
        refusals.writeTo(out);

        heading(out, l.t("Pledges, freezes, suspensions and key revocations"));
        Html.Table restrictions = new Html.Table(l.all("Index", "Time", "Kind", "Participant", "Name", "Fund", "Units",
                "Reference", "Detail"), Set.of(0, 6), l.t("None."));
        h.restrictions().forEach(r -> restrictions.row(r.sourceIndex(), r.time(), r.kind(), r.participantId(), r.name(),
                r.fundCode(), r.units(), r.reference(), r.detail()));
        restrictions.writeTo(out);
    }

    /** The outlier rule as a sentence. */
    static String rule(OutlierRule rule, Labels l) {
        String vwap = percent(rule.vwapDeviationBasisPoints());
        String nav = percent(rule.navDeviationBasisPoints());
        return l == Labels.ZH
                ? "异常规则：成交价偏离该基金此前 " + rule.lookbackDays() + " 天内成交的成交量加权均价（VWAP）超过 " + vwap
                        + "%，或偏离资产净值超过 " + nav + "%。"
                : "Outlier rule: a trade's price more than " + vwap + "% from the fund's volume-weighted average price"
                        + " (VWAP) over the previous " + rule.lookbackDays() + " days' trades, or more than " + nav
                        + "% from NAV.";
    }

    private static String percent(long basisPoints) {
        return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString();
    }

    private static String named(String id, String name) {
        return name == null ? id : id + " " + name;
    }

    private static void heading(StringBuilder out, String text) {
        out.append("<h2>").append(Html.escape(text)).append("</h2>\n");
    }
}
