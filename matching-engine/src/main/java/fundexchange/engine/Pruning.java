package fundexchange.engine;

import fundexchange.engine.listing.Bid;
import fundexchange.engine.listing.Listing;
import fundexchange.engine.listing.Trade;
import fundexchange.engine.listing.TradeStatus;
import fundexchange.protocol.RulesVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the bounded history prunes and when (rules version 10, docs/rules.md "Bounded history"): a queued item
 * {@link History#RETENTION_MS} after it was queued, unless something can still need it (then queued again).
 */
final class Pruning {
    private Pruning() {
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
        long due = time - History.RETENTION_MS;
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
        state.settlementDeadlines.remove(trade.settleBy(), trade.tradeId());
    }

    /**
     * Drops a listing with its bids (all decided once it finished); a sealed bid's nonce, published at the close, moves
     * to the retired nonces so that its bidder can never use it again (CONTRACTS.md 12).
     */
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
                    state.history.retiredNonces.add(bid.bidder(), bid.nonce());
                }
            }
        }
    }
}
