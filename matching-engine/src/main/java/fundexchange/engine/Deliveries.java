package fundexchange.engine;

import fundexchange.engine.cash.TradeFunding;
import fundexchange.engine.listing.Trade;
import fundexchange.engine.position.Position;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.TradeProceedsLocked;
import fundexchange.protocol.event.TradeProceedsReturned;
import fundexchange.protocol.event.TradeUnitsDelivered;
import fundexchange.protocol.event.TradeUnitsReturned;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Pricing;
import fundexchange.protocol.money.Units;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivery at funding (rules version 9, docs/rules.md "Delivery versus payment"): a fully funded trade's units move to
 * the buyer, locked with it pending the registration change ({@code Position.registering}), and its cash leaves the
 * buyer, the proceeds locked for the seller and the fees in REVENUE; an unwind returns exactly that. One instance per
 * decision, so that several trades settled or delivered by one command (the book batch) each see the positions and
 * holder count the earlier ones left (looked up by key, never iterated): it is also the working copy of the staff-confirmed
 * settlements ({@link SettlementRules}), so that one batch mixing both kinds counts holders once.
 */
final class Deliveries {
    private final ExchangeState state;
    private final Map<String, Position> positions = new HashMap<>();
    private final Map<String, Integer> holderCounts = new HashMap<>();

    Deliveries(ExchangeState state) {
        this.state = state;
    }

    /** The delivery of a trade funded by this decision: {@code TradeUnitsDelivered}, {@code TradeProceedsLocked}. */
    List<Event> deliver(Trade trade, TradeFunding funding) {
        Position seller = position(trade.fundCode(), trade.seller());
        Position buyer = position(trade.fundCode(), trade.buyer());
        Units units = trade.units();
        Money cost = TradeTerms.overflowChecked(() -> Pricing.proportionalCost(seller.cost(), units, seller.units()));
        Money subscribed = TradeTerms.overflowChecked(() -> Pricing.proportionalCost(seller.subscribed(), units,
                seller.units()));
        Money paidIn = TradeTerms.overflowChecked(() -> Pricing.proportionalCost(seller.paidIn(), units, seller.units()));
        Position buyerAfter = TradeTerms.overflowChecked(() -> buyer.withUnits(buyer.units().plus(units), buyer.locked(),
                        buyer.cost().plus(trade.consideration()))
                .withCommitment(buyer.subscribed().plus(subscribed), buyer.paidIn().plus(paidIn))
                .withRegistering(buyer.pendingRegistration().plus(units)));
        Position sellerAfter = seller.withUnits(seller.units().minus(units), seller.locked().minus(units),
                        seller.cost().minus(cost))
                .withCommitment(seller.subscribed().minus(subscribed), seller.paidIn().minus(paidIn));
        int holders = holderCount(trade.fundCode()) + (buyer.units().raw() == 0 ? 1 : 0)
                - (sellerAfter.units().raw() == 0 ? 1 : 0);
        put(sellerAfter);
        put(buyerAfter);
        holderCounts.put(trade.fundCode(), holders);
        Money locked = state.cash.lockedFor(funding);
        Money released = locked.compareTo(funding.due()) > 0 ? locked.minus(funding.due()) : Money.ZERO;
        return List.of(new TradeUnitsDelivered(trade.tradeId(), trade.fundCode(), trade.seller(), trade.buyer(),
                        funding.manager(), units, trade.consideration(), cost, holders, orNull(subscribed),
                        orNull(paidIn)),
                new TradeProceedsLocked(trade.tradeId(), trade.fundCode(), trade.seller(), trade.buyer(),
                        funding.currency(), funding.consideration(), funding.buyerFee(), funding.sellerFee(),
                        state.cash.depositFor(trade.tradeId()), released));
    }

    /**
     * The unwind of a delivered trade: {@code TradeUnitsReturned} and {@code TradeProceedsReturned}; the caller adds
     * the {@code TradeFailed} and the {@code TradeFundingReleased} of {@link #released}. The buyer cannot have disposed
     * of the units (they were locked); the cost and commitment it gives back are at most what it still has (a sale of
     * its other units since took a share of them).
     */
    List<Event> unwind(Trade trade, TradeFunding funding) {
        TradeFunding.Delivery moved = funding.delivery();
        Position seller = position(trade.fundCode(), trade.seller());
        Position buyer = position(trade.fundCode(), trade.buyer());
        Units units = trade.units();
        Money buyerCost = buyer.units().equals(units) ? buyer.cost() : min(trade.consideration(), buyer.cost());
        Money subscribed = min(orZero(moved.subscribedMoved()), buyer.subscribed());
        Money paidIn = min(orZero(moved.paidInMoved()), buyer.paidIn());
        int holders = holderCount(trade.fundCode()) + (seller.units().raw() == 0 ? 1 : 0)
                - (buyer.units().equals(units) ? 1 : 0);
        holderCounts.put(trade.fundCode(), holders);
        return List.of(new TradeUnitsReturned(trade.tradeId(), trade.fundCode(), trade.seller(), trade.buyer(),
                        funding.manager(), units, buyerCost, moved.sellerCostReleased(), holders, orNull(subscribed),
                        orNull(paidIn)),
                new TradeProceedsReturned(trade.tradeId(), trade.fundCode(), trade.seller(), trade.buyer(),
                        funding.currency(), funding.proceeds(), funding.fees()));
    }

    Position position(String fundCode, String holder) {
        Position p = positions.get(ExchangeState.positionKey(fundCode, holder));
        return p != null ? p : state.position(fundCode, holder);
    }

    void put(Position p) {
        positions.put(ExchangeState.positionKey(p.fundCode(), p.holder()), p);
    }

    int holderCount(String fundCode) {
        Integer count = holderCounts.get(fundCode);
        return count != null ? count : state.funds.get(fundCode).holderCount();
    }

    void holderCount(String fundCode, int count) {
        holderCounts.put(fundCode, count);
    }

    private static Money min(Money a, Money b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Money orZero(Money amount) {
        return amount == null ? Money.ZERO : amount;
    }

    private static Money orNull(Money amount) {
        return amount.positive() ? amount : null;
    }
}
