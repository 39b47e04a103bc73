package fundexchange.engine;

import java.util.List;

/**
 * The bounded history as data (rules version 10; {@link History}): the finished listings and trades still kept, each
 * with the journal time it was queued at, in finishing order, per kind the highest id pruned (0: none), and the retired
 * sealed-bid nonces ({@link RetiredNonces}, ascending; null when none). Absent from snapshots and the state hash while
 * empty, so states without it keep their bytes.
 */
public record HistoryView(List<Finished> listings, List<Finished> trades, long listingHorizon, long tradeHorizon,
                          List<Long> retiredNonces) {
    public HistoryView {
        listings = listings == null ? List.of() : List.copyOf(listings);
        trades = trades == null ? List.of() : List.copyOf(trades);
        retiredNonces = retiredNonces == null || retiredNonces.isEmpty() ? null : List.copyOf(retiredNonces);
    }

    /** A finished item's id and the journal time it was queued at (its finishing, or its last re-check). */
    public record Finished(long id, long at) {
    }
}
