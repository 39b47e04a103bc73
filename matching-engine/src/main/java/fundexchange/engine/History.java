package fundexchange.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The bounded history (rules version 10, docs/rules.md "Bounded history"): finished listings (EXECUTED, CANCELLED,
 * EXPIRED) and trades (SETTLED, FAILED) queued in finishing order at the journal time they finished, pruned from the
 * live state {@link #RETENTION_MS} of journal time later by {@link Pruning}; per kind the highest id pruned, below which
 * {@link PrunedIds} answers; and the nonces of pruned sealed bids ({@link RetiredNonces}). Engine state: hashed and
 * snapshotted ({@link HistoryView}) only when non-empty.
 */
final class History {
    /** How long a finished item stays live: 7 days of journal time. */
    static final long RETENTION_MS = 7L * 24 * 60 * 60 * 1000;

    /** Journal time -> ids of listings finished (or re-queued) then; journal time never goes back. */
    final TreeMap<Long, TreeSet<Long>> listings = new TreeMap<>();
    final TreeMap<Long, TreeSet<Long>> trades = new TreeMap<>();
    final RetiredNonces retiredNonces = new RetiredNonces();
    long listingHorizon;
    long tradeHorizon;

    /** Queues a listing that has just finished. */
    void listingFinished(long listingId, long at) {
        listings.computeIfAbsent(at, t -> new TreeSet<>()).add(listingId);
    }

    /** Queues a trade that has just settled or failed. */
    void tradeFinished(long tradeId, long at) {
        trades.computeIfAbsent(at, t -> new TreeSet<>()).add(tradeId);
    }

    /** How many finished items are queued (kept), listings and trades together; for tests. */
    int queued() {
        int n = 0;
        for (TreeSet<Long> ids : listings.values()) {
            n += ids.size();
        }
        for (TreeSet<Long> ids : trades.values()) {
            n += ids.size();
        }
        return n;
    }

    boolean isEmpty() {
        return listings.isEmpty() && trades.isEmpty() && listingHorizon == 0 && tradeHorizon == 0
                && retiredNonces.isEmpty();
    }

    HistoryView view() {
        return new HistoryView(finished(listings), finished(trades), listingHorizon, tradeHorizon,
                retiredNonces.viewOrNull());
    }

    /** For the state hash: null while empty, so states without a history keep their hashes. */
    HistoryView viewOrNull() {
        return isEmpty() ? null : view();
    }

    /** Replaces this history by {@code view} (null: empty). */
    void restore(HistoryView view) {
        listings.clear();
        trades.clear();
        listingHorizon = 0;
        tradeHorizon = 0;
        retiredNonces.restore(null);
        if (view == null) {
            return;
        }
        view.listings().forEach(f -> listingFinished(f.id(), f.at()));
        view.trades().forEach(f -> tradeFinished(f.id(), f.at()));
        listingHorizon = view.listingHorizon();
        tradeHorizon = view.tradeHorizon();
        retiredNonces.restore(view.retiredNonces());
    }

    private static List<HistoryView.Finished> finished(TreeMap<Long, TreeSet<Long>> queue) {
        List<HistoryView.Finished> items = new ArrayList<>();
        for (Map.Entry<Long, TreeSet<Long>> e : queue.entrySet()) {
            for (long id : e.getValue()) {
                items.add(new HistoryView.Finished(id, e.getKey()));
            }
        }
        return items;
    }
}
