package fundexchange.audit.report;

/**
 * When the report marks a trade as an outlier. A trade is marked {@code VWAP} when its price lies more than
 * {@code vwapDeviationBasisPoints} from the fund's volume-weighted average price over the trades executed in the
 * {@code lookbackDays} days of journal time before it (none are needed: a fund's first trade in the window has no
 * VWAP and is not marked for it), and {@code NAV} when its price lies more than {@code navDeviationBasisPoints} from
 * the fund's NAV per unit, i.e. when {@code |percentOfNavBasisPoints - 10000|} exceeds it. Deviations are whole
 * basis points of the reference, rounded down; the VWAP is rounded half up to the price scale (4 decimals).
 *
 * @param lookbackDays             days of journal time before the trade that its VWAP covers (default 90)
 * @param vwapDeviationBasisPoints largest deviation from the VWAP that is not an outlier (default 2000 = 20%)
 * @param navDeviationBasisPoints  largest deviation from NAV that is not an outlier (default 3000 = 30%)
 */
public record OutlierRule(int lookbackDays, long vwapDeviationBasisPoints, long navDeviationBasisPoints) {
    public static final OutlierRule DEFAULT = new OutlierRule(90, 2000, 3000);

    public OutlierRule {
        if (lookbackDays < 1 || lookbackDays > 3660) {
            throw new IllegalArgumentException("lookbackDays must lie in 1..3660, got " + lookbackDays);
        }
        if (vwapDeviationBasisPoints < 0 || vwapDeviationBasisPoints > 1_000_000
                || navDeviationBasisPoints < 0 || navDeviationBasisPoints > 1_000_000) {
            throw new IllegalArgumentException("deviation thresholds must lie in 0..1000000 basis points");
        }
    }

    long lookbackMillis() {
        return lookbackDays * 86_400_000L;
    }
}
