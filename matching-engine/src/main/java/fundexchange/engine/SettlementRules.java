package fundexchange.engine;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.ConfirmSettlement;
import fundexchange.protocol.command.FailSettlement;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.TradeFailed;
import fundexchange.protocol.event.TradeSettled;
import fundexchange.engine.listing.Trade;
import fundexchange.engine.listing.TradeStatus;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Pricing;
import fundexchange.engine.position.Position;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.command.SettleBookBatch;
import fundexchange.protocol.event.BookBatchSettled;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Settlement: staff confirm a pending trade or settle the book's daily batch, or it fails at its deadline or by a staff override (maker-checker). */
final class SettlementRules {
    private final ExchangeState state;
    private final BusinessCalendar calendar;
    private final DeliveryVersusPayment dvp;

    SettlementRules(ExchangeState state) {
        this.state = state;
        this.calendar = new BusinessCalendar(state);
        this.dvp = new DeliveryVersusPayment(state, this);
    }

    /** Delivery versus payment and fees (rules version 8). */
    DeliveryVersusPayment dvp() {
        return dvp;
    }

    List<Event> settle(CommandContext ctx, ConfirmSettlement c) {
        ctx.requireRole(Role.STAFF);
        Trade trade = pending(c.tradeId());
        Duties.notParty(ctx.actorId(), "trade " + trade.tradeId(), trade.seller(), trade.buyer());
        Rejection.check(state.cash.funding(trade.tradeId()) == null, RejectCode.SETTLEMENT_BY_OVERRIDE_ONLY, "trade "
                + trade.tradeId() + " settles delivery versus payment: its buyer funds it and the fund's manager confirms"
                + " the registration change; staff override only by maker-checker (OverrideSettlement, with a reason)");
        Rejection.check(trade.tradeId() / TradeTerms.FILLS_PER_COMMAND != ctx.index(), RejectCode.TRADE_NOT_PENDING,
                "a trade cannot be settled by the command whose index made it");
        Fund fund = state.funds.get(trade.fundCode());
        return List.of(settled(trade, new Deliveries(state), ctx.date().toString()));
    }

    /**
     * The daily batch of the continuous book: every pending book trade of the fund made on {@code businessDate} (not
     * after today) settles, in trade id order, each seeing the positions the earlier ones left. Nothing pending:
     * accepted with an empty batch, so a daily job may run unconditionally.
     */
    List<Event> settleBookBatch(CommandContext ctx, SettleBookBatch c) {
        ctx.requireRole(Role.STAFF);
        Fund fund = c.fundCode() == null ? null : state.funds.get(c.fundCode());
        Rejection.check(fund != null, RejectCode.UNKNOWN_FUND, "no fund " + c.fundCode());
        LocalDate date = Validation.date(c.businessDate(), "businessDate");
        Rejection.check(!date.isAfter(ctx.date()), RejectCode.INVALID_FIELD, "businessDate " + date + " is after today " + ctx.date());
        long[] ids = state.pendingBookTrades(fund.fundCode(), date.toString());
        List<Event> events = new ArrayList<>();
        // One working copy of the positions and holder count for the whole batch: staff-confirmed trades and trades
        // delivered at funding (rules version 9) of the same fund each see what the earlier ones, by trade id, left.
        Deliveries work = new Deliveries(state);
        String today = ctx.date().toString();
        if (ids != null) {
            for (long id : ids) {
                Trade trade = state.trades.get(id);
                Duties.notParty(ctx.actorId(), "trade " + id + " in the batch", trade.seller(), trade.buyer());
            }
            List<Trade> paid = new ArrayList<>();
            for (long id : ids) {
                if (state.cash.funding(id) != null) {
                    paid.add(state.trades.get(id));
                }
            }
            Map<String, Money> missing = dvp.batchMissing(paid);
            int count = 0;
            for (long id : ids) {
                Trade trade = state.trades.get(id);
                if (state.cash.funding(id) == null) {
                    events.add(settled(trade, work, today));
                    count++;
                } else {
                    List<Event> decided = dvp.batchDecided(trade, missing, ctx.date(), work);
                    if (decided != null) {
                        events.addAll(decided);
                        count++;
                    }
                }
            }
            events.add(new BookBatchSettled(fund.fundCode(), date.toString(), count));
            return events;
        }
        events.add(new BookBatchSettled(fund.fundCode(), date.toString(), events.size()));
        return events;
    }

    /** The units of one trade move, as its own settlement (delivery versus payment, rules version 8). */
    TradeSettled settledAlone(Trade trade, String settledOn) {
        return settled(trade, new Deliveries(state), settledOn);
    }

    /**
     * The registration change of a trade whose units were delivered at funding (rules version 9): final, nothing moves
     * again; the event repeats what moved then, and the fund's holder count, which the delivery already set.
     */
    TradeSettled settledDelivered(Trade trade, fundexchange.engine.cash.TradeFunding funding, String settledOn) {
        // Applying it asks whether the buyer's earlier units are still restricted (see settled).
        calendar.stillRestricted(state.position(trade.fundCode(), trade.buyer()), LocalDate.parse(settledOn));
        fundexchange.engine.cash.TradeFunding.Delivery moved = funding.delivery();
        return new TradeSettled(trade.tradeId(), trade.fundCode(), trade.seller(), trade.buyer(), trade.units(),
                trade.consideration(), moved.sellerCostReleased(), state.funds.get(trade.fundCode()).holderCount(),
                settledOn, moved.subscribedMoved(), moved.paidInMoved(), true);
    }

    private TradeSettled settled(Trade trade, Deliveries batch, String settledOn) {
        Position seller = batch.position(trade.fundCode(), trade.seller());
        Position buyer = batch.position(trade.fundCode(), trade.buyer());
        Money costReleased = TradeTerms.overflowChecked(() -> Pricing.proportionalCost(seller.cost(), trade.units(), seller.units()));
        Money subscribedMoved = TradeTerms.overflowChecked(() -> Pricing.proportionalCost(seller.subscribed(), trade.units(), seller.units()));
        Money paidInMoved = TradeTerms.overflowChecked(() -> Pricing.proportionalCost(seller.paidIn(), trade.units(), seller.units()));
        Position buyerAfter = TradeTerms.overflowChecked(() -> buyer.withUnits(buyer.units().plus(trade.units()),
                buyer.locked(), buyer.cost().plus(trade.consideration()))
                .withCommitment(buyer.subscribed().plus(subscribedMoved), buyer.paidIn().plus(paidInMoved)));
        // Applying the settlement asks whether the buyer's earlier units are still restricted; counting that here
        // refuses the settlement (CALENDAR_YEAR_NOT_SET) if it reaches a year without a calendar, never the applier.
        calendar.stillRestricted(buyer, LocalDate.parse(settledOn));
        boolean buyerNew = buyer.units().raw() == 0;
        boolean sellerLeaves = seller.units().equals(trade.units());
        int holderCount = batch.holderCount(trade.fundCode()) + (buyerNew ? 1 : 0) - (sellerLeaves ? 1 : 0);
        Fund fund = state.funds.get(trade.fundCode());
        Rejection.check(holderCount <= fund.holderCap(), RejectCode.HOLDER_CAP_REACHED, "settling would take fund "
                + fund.fundCode() + " past its holder cap of " + fund.holderCap() + "; the trade may be failed instead");
        batch.holderCount(trade.fundCode(), holderCount);
        batch.put(seller.withUnits(seller.units().minus(trade.units()),
                seller.locked().minus(trade.units()), seller.cost().minus(costReleased))
                .withCommitment(seller.subscribed().minus(subscribedMoved), seller.paidIn().minus(paidInMoved)));
        batch.put(buyerAfter);
        return new TradeSettled(trade.tradeId(), trade.fundCode(), trade.seller(), trade.buyer(), trade.units(),
                trade.consideration(), costReleased, holderCount, settledOn,
                subscribedMoved.positive() ? subscribedMoved : null, paidInMoved.positive() ? paidInMoved : null);
    }

    /** The override, decided when its proposal is approved. */
    List<Event> fail(FailSettlement action) {
        Trade trade = pending(action.tradeId());
        Validation.text(action.reason(), "reason");
        fundexchange.engine.cash.TradeFunding funding = state.cash.funding(trade.tradeId());
        if (funding != null) { // delivery versus payment: what is locked for it (or delivered) returns
            return dvp.failedReleased(trade, funding, RejectCode.SETTLEMENT_FAILED_BY_STAFF, action.reason());
        }
        return List.of(failed(trade, RejectCode.SETTLEMENT_FAILED_BY_STAFF, action.reason()));
    }

    /** The trade's deadline passed unconfirmed (delivery versus payment: unfunded), on business date {@code today}. */
    List<Event> deadlinePassed(Trade trade, java.time.LocalDate today) {
        fundexchange.engine.cash.TradeFunding funding = state.cash.funding(trade.tradeId());
        if (funding != null) {
            return dvp.fundingDeadlinePassed(trade, funding, today);
        }
        return List.of(failed(trade, RejectCode.SETTLEMENT_DEADLINE_PASSED, "not confirmed by the settlement deadline"));
    }

    private static TradeFailed failed(Trade trade, RejectCode code, String reason) {
        return new TradeFailed(trade.tradeId(), trade.fundCode(), trade.seller(), trade.buyer(), trade.units(),
                code.code(), reason);
    }

    private Trade pending(long tradeId) {
        Trade trade = state.trades.get(tradeId);
        PrunedIds.refuseTrade(state, trade, tradeId);
        Rejection.check(trade != null, RejectCode.UNKNOWN_TRADE, "no trade " + tradeId);
        Rejection.check(trade.status() == TradeStatus.PENDING_SETTLEMENT, RejectCode.TRADE_NOT_PENDING, "trade is " + trade.status());
        return trade;
    }
}
