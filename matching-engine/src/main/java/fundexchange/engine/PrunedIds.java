package fundexchange.engine;

import fundexchange.engine.listing.Listing;
import fundexchange.engine.listing.Trade;
import fundexchange.engine.listing.TradeStatus;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.RulesVersion;

/**
 * How a command naming a listing or trade at or below the bounded history's horizon is answered (rules version 10,
 * docs/rules.md "Bounded history"): one answer, {@code LISTING_PRUNED} / {@code TRADE_PRUNED}, whether the item was
 * pruned, never existed, is finished but still kept, or (for a trade) is someone else's, so that no refusal there tells
 * kept from pruned or a stranger's trade from none. Every command that names one succeeds only on a live listing (a
 * pending trade), so the answer changes no outcome but a refusal's code.
 */
final class PrunedIds {
    private PrunedIds() {
    }

    /** Refuses a command naming listing {@code id} at or below the horizon that is not live (missing or finished). */
    static void refuseListing(ExchangeState state, Listing listing, long id) {
        if ((listing == null || !listing.live()) && belowListingHorizon(state, id)) {
            throw listingPruned(id);
        }
    }

    /** Refuses a command naming trade {@code id} at or below the horizon that is not pending (missing or finished). */
    static void refuseTrade(ExchangeState state, Trade trade, long id) {
        if ((trade == null || trade.status() != TradeStatus.PENDING_SETTLEMENT) && belowTradeHorizon(state, id)) {
            throw tradePruned(id);
        }
    }

    /**
     * The refusal for a trade the signer may not know of (none, or not its own): {@code TRADE_PRUNED} at or below the
     * horizon, {@code UNKNOWN_TRADE} above it or before rules version 10; the same answer either way.
     */
    static Rejection unknownTrade(ExchangeState state, long id) {
        return belowTradeHorizon(state, id) ? tradePruned(id) : new Rejection(RejectCode.UNKNOWN_TRADE, "no trade " + id);
    }

    /** Whether a bid on {@code listing} is answered as unknown: its listing finished, at or below the horizon. */
    static boolean bidHidden(ExchangeState state, Listing listing, long listingId) {
        return (listing == null || !listing.live()) && belowListingHorizon(state, listingId);
    }

    private static boolean belowListingHorizon(ExchangeState state, long id) {
        return state.rulesVersion >= RulesVersion.BOUNDED_HISTORY && id > 0 && id <= state.history.listingHorizon;
    }

    private static boolean belowTradeHorizon(ExchangeState state, long id) {
        return state.rulesVersion >= RulesVersion.BOUNDED_HISTORY && id > 0 && id <= state.history.tradeHorizon;
    }

    private static Rejection listingPruned(long id) {
        return new Rejection(RejectCode.LISTING_PRUNED, "listing " + id + " is not live: finished listings leave the"
                + " engine after 7 days (the registry keeps their history) / 挂牌 " + id
                + " 已不在撮合引擎中：已结束的挂牌 7 日后移入历史记录（登记系统保留其历史）");
    }

    private static Rejection tradePruned(long id) {
        return new Rejection(RejectCode.TRADE_PRUNED, "no live trade " + id + " of yours: settled and failed trades"
                + " leave the engine after 7 days (the registry keeps their history) / 无您的进行中成交 " + id
                + "：已结算或失败的成交 7 日后移出撮合引擎（登记系统保留其历史）");
    }
}
