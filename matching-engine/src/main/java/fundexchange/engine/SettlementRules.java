package fundexchange.engine;

import fundexchange.engine.command.ConfirmSettlement;
import fundexchange.engine.command.FailSettlement;
import fundexchange.engine.event.Event;
import fundexchange.engine.event.TradeFailed;
import fundexchange.engine.event.TradeSettled;
import fundexchange.engine.listing.Trade;
import fundexchange.engine.listing.TradeStatus;
import fundexchange.engine.money.Money;
import fundexchange.engine.money.Pricing;
import fundexchange.engine.position.Position;
import fundexchange.engine.reference.Fund;
import fundexchange.engine.reference.Role;
import java.util.List;

/** Settlement: staff confirm a pending trade, or it fails at its deadline or by a staff override (maker-checker). */
final class SettlementRules {
    private final ExchangeState state;

    SettlementRules(ExchangeState state) {
        this.state = state;
    }

    List<Event> settle(CommandContext ctx, ConfirmSettlement c) {
        ctx.requireRole(Role.STAFF);
        Trade trade = pending(c.tradeId());
        Fund fund = state.funds.get(trade.fundCode());
        Position seller = state.position(trade.fundCode(), trade.seller());
        Position buyer = state.position(trade.fundCode(), trade.buyer());
        Money costReleased = TradeTerms.overflowChecked(() -> Pricing.proportionalCost(seller.cost(), trade.units(), seller.units()));
        Money subscribedMoved = TradeTerms.overflowChecked(() -> Pricing.proportionalCost(seller.subscribed(), trade.units(), seller.units()));
        Money paidInMoved = TradeTerms.overflowChecked(() -> Pricing.proportionalCost(seller.paidIn(), trade.units(), seller.units()));
        TradeTerms.overflowChecked(() -> buyer.units().plus(trade.units()).raw() + buyer.cost().plus(trade.consideration()).raw()
                + buyer.subscribed().plus(subscribedMoved).raw() + buyer.paidIn().plus(paidInMoved).raw());
        boolean buyerNew = buyer.units().raw() == 0;
        boolean sellerLeaves = seller.units().equals(trade.units());
        int holderCount = fund.holderCount() + (buyerNew ? 1 : 0) - (sellerLeaves ? 1 : 0);
        Rejection.check(holderCount <= fund.holderCap(), RejectCode.HOLDER_CAP_REACHED, "settling would take fund "
                + fund.fundCode() + " past its holder cap of " + fund.holderCap() + "; the trade may be failed instead");
        return List.of(new TradeSettled(trade.tradeId(), trade.fundCode(), trade.seller(), trade.buyer(), trade.units(),
                trade.consideration(), costReleased, holderCount, ctx.date().toString(),
                subscribedMoved.positive() ? subscribedMoved : null, paidInMoved.positive() ? paidInMoved : null));
    }

    /** The override, decided when its proposal is approved. */
    List<Event> fail(FailSettlement action) {
        Trade trade = pending(action.tradeId());
        Validation.text(action.reason(), "reason");
        return List.of(failed(trade, RejectCode.SETTLEMENT_FAILED_BY_STAFF, action.reason()));
    }

    /** The trade's deadline passed unconfirmed. */
    Event deadlinePassed(Trade trade) {
        return failed(trade, RejectCode.SETTLEMENT_DEADLINE_PASSED, "not confirmed by the settlement deadline");
    }

    private static TradeFailed failed(Trade trade, RejectCode code, String reason) {
        return new TradeFailed(trade.tradeId(), trade.fundCode(), trade.seller(), trade.buyer(), trade.units(),
                code.code(), reason);
    }

    private Trade pending(long tradeId) {
        Trade trade = state.trades.get(tradeId);
        Rejection.check(trade != null, RejectCode.UNKNOWN_TRADE, "no trade " + tradeId);
        Rejection.check(trade.status() == TradeStatus.PENDING_SETTLEMENT, RejectCode.TRADE_NOT_PENDING, "trade is " + trade.status());
        return trade;
    }
}
