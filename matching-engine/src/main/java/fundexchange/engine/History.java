package fundexchange.engine;

import fundexchange.engine.listing.Bid;
import fundexchange.engine.listing.Listing;
import fundexchange.engine.listing.Trade;
import fundexchange.engine.listing.TradeStatus;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.RulesVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The bounded history (rules version 10, docs/rules.md "Bounded history"): finished listings (EXECUTED, CANCELLED,
 * EXPIRED) and trades (SETTLED, FAILED) queued in finishing order at the journal time they finished, and pruned from
 * the live state {@link #RETENTION_MS} of journal time later unless something can still need them (then queued again
 * at the pruning time). Of a pruned item only the highest id pruned per kind is kept: a command naming an id that is
 * not live and at or below it is refused {@code LISTING_PRUNED} / {@code TRADE_PRUNED}. Engine state: hashed and
 * snapshotted ({@link HistoryView}) only when non-empty.
 */
final class History {
    /** How long a finished item stays live: 7 days of journal time (at least the default request retention). */
    static final long RETENTION_MS = 7L * 24 * 60 * 60 * 1000;

    /** Journal time -> ids of listings finished (or re-queued) then; journal time never goes back. */
    private final TreeMap<Long, TreeSet<Long>> listings = new TreeMap<>();
    private final TreeMap<Long, TreeSet<Long>> trades = new TreeMap<>();
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

    /** How many finished items are queued (kept), listings and trades together. */
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
        return listings.isEmpty() && trades.isEmpty() && listingHorizon == 0 && tradeHorizon == 0;
    }

    /** Refuses a command naming listing {@code id}, not live ({@code listing} null), at or below the horizon. */
    static void refusePruned(ExchangeState state, Listing listing, long id) {
        if (listing == null && state.rulesVersion >= RulesVersion.BOUNDED_HISTORY && id > 0
                && id <= state.history.listingHorizon) {
            throw new Rejection(RejectCode.LISTING_PRUNED, "listing " + id + " is not live: finished listings leave the"
                    + " engine after 7 days (the registry keeps their history) / 挂牌 " + id
                    + " 已不在撮合引擎中：已结束的挂牌 7 日后移入历史记录（登记系统保留其历史）");
        }
    }

    /** As {@link #refusePruned(ExchangeState, Listing, long)}, for a trade. */
    static void refusePruned(ExchangeState state, Trade trade, long id) {
        if (trade == null && state.rulesVersion >= RulesVersion.BOUNDED_HISTORY && id > 0
                && id <= state.history.tradeHorizon) {
            throw new Rejection(RejectCode.TRADE_PRUNED, "trade " + id + " is not live: settled and failed trades leave"
                    + " the engine after 7 days (the registry keeps their history) / 成交 " + id
                    + " 已不在撮合引擎中：已结算或失败的成交 7 日后移入历史记录（登记系统保留其历史）");
        }
    }

    /**
     * Prunes every queued item due at {@code time} (queued at or before {@code time - RETENTION_MS}), earliest first and
     * by id, trades before listings (a listing waits for its trades); an item still needed is queued again at
     * {@code time}. Changes only state no event shows; from rules version 10 only.
     */
    static void prune(ExchangeState state, long time) {
        if (state.rulesVersion < RulesVersion.BOUNDED_HISTORY) {
            return;
        }
        History h = state.history;
        long due = time - RETENTION_MS;
        for (long id : takeDue(h.trades, due)) {
            Trade trade = state.trades.get(id);
            if (trade == null) {
                continue;
            }
            if (tradeNeeded(state, trade)) {
                h.tradeFinished(id, time);
            } else {
                dropTrade(state, trade);
                h.tradeHorizon = Math.max(h.tradeHorizon, id);
            }
        }
        for (long id : takeDue(h.listings, due)) {
            Listing listing = state.listings.get(id);
            if (listing == null) {
                continue;
            }
            if (listingNeeded(state, listing)) {
                h.listingFinished(id, time);
            } else {
                dropListing(state, listing);
                h.listingHorizon = Math.max(h.listingHorizon, id);
            }
        }
    }

    /** Removes and returns, in time then id order, the ids queued at or before {@code due}. */
    private static List<Long> takeDue(TreeMap<Long, TreeSet<Long>> queue, long due) {
        if (queue.isEmpty() || queue.firstKey() > due) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        while (!queue.isEmpty() && queue.firstKey() <= due) {
            ids.addAll(queue.pollFirstEntry().getValue());
        }
        return ids;
    }

    /** Whether anything can still need a finished trade: its status, a funding record, a held deposit. */
    static boolean tradeNeeded(ExchangeState state, Trade trade) {
        return trade.status() == TradeStatus.PENDING_SETTLEMENT
                || state.cash.funding(trade.tradeId()) != null
                || state.cash.depositsByTrade().containsKey(trade.tradeId());
    }

    /**
     * Whether anything can still need a finished listing: live again, a pending trade on it, an open transfer
     * notice, bid deposits locked on it, a public disclosure (state-owned sale) or a data room.
     */
    static boolean listingNeeded(ExchangeState state, Listing listing) {
        long id = listing.listingId();
        return listing.live() || state.pendingByListing.containsKey(id) || state.notices.containsKey(id)
                || state.cash.depositsOnListings().containsKey(id) || state.disclosures.containsKey(id)
                || state.dataRooms.containsKey(id);
    }

    private static void dropTrade(ExchangeState state, Trade trade) {
        state.trades.remove(trade.tradeId());
        ExchangeState.removeDeadline(state.settlementDeadlines, trade.settleBy(), trade.tradeId());
    }

    /** Drops a listing with its bids (all decided once it finished) and their sealed-bid nonces. */
    private static void dropListing(ExchangeState state, Listing listing) {
        long id = listing.listingId();
        state.listings.remove(id);
        state.pendingListings.remove(id);
        ExchangeState.removeDeadline(state.listingDeadlines, listing.deadline(), id);
        TreeSet<Long> bidIds = state.bidsByListing.remove(id);
        if (bidIds != null) {
            for (long bidId : bidIds) {
                Bid bid = state.bids.remove(bidId);
                if (bid != null && bid.nonce() != null) {
                    state.sealedNonces.remove(bid.bidder() + "\n" + bid.nonce());
                }
            }
        }
    }

    HistoryView view() {
        return new HistoryView(finished(listings), finished(trades), listingHorizon, tradeHorizon);
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
        if (view == null) {
            return;
        }
        view.listings().forEach(f -> listingFinished(f.id(), f.at()));
        view.trades().forEach(f -> tradeFinished(f.id(), f.at()));
        listingHorizon = view.listingHorizon();
        tradeHorizon = view.tradeHorizon();
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
