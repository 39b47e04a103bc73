package fundexchange.audit.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Each fund's executed trades within the look-back window, in journal order, for the VWAP of {@link OutlierRule}.
 * Trades older than the window are dropped as time moves on, so memory is bounded by the window's trades.
 */
final class TradeHistory {
    private record Fill(long time, long unitsRaw, long considerationRaw) {
    }

    /** A fund's VWAP (price raw, scale 4) over {@code trades} earlier trades in the window. */
    record Vwap(long priceRaw, int trades) {
    }

    private final long window;
    private final Map<String, Deque<Fill>> byFund = new TreeMap<>();

    TradeHistory(OutlierRule rule) {
        this.window = rule.lookbackMillis();
    }

    /** The VWAP of the fund's trades strictly before {@code time} and within the window; empty with none. */
    Optional<Vwap> before(String fundCode, long time) {
        Deque<Fill> fills = byFund.get(fundCode);
        if (fills == null) {
            return Optional.empty();
        }
        while (!fills.isEmpty() && fills.peekFirst().time() < time - window) {
            fills.removeFirst();
        }
        long units = 0;
        long consideration = 0;
        for (Fill fill : fills) {
            units = Math.addExact(units, fill.unitsRaw());
            consideration = Math.addExact(consideration, fill.considerationRaw());
        }
        if (units <= 0) {
            return Optional.empty();
        }
        // consideration (scale 2) / units (scale 2) is a price; at scale 4 it is that ratio times 10^4.
        long raw = BigDecimal.valueOf(consideration).movePointRight(4)
                .divide(BigDecimal.valueOf(units), 0, RoundingMode.HALF_UP).longValueExact();
        return Optional.of(new Vwap(raw, fills.size()));
    }

    void add(String fundCode, long time, long unitsRaw, long considerationRaw) {
        byFund.computeIfAbsent(fundCode, f -> new ArrayDeque<>()).addLast(new Fill(time, unitsRaw, considerationRaw));
    }
}
