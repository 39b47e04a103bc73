package fundexchange.engine;

import fundexchange.engine.cash.CashLedger;
import fundexchange.engine.cash.TradeFunding;
import fundexchange.engine.listing.Trade;
import fundexchange.engine.listing.TradeStatus;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.cash.AccountRef;
import fundexchange.protocol.command.ConfirmRegistration;
import fundexchange.protocol.command.FundTrade;
import fundexchange.protocol.command.OverrideSettlement;
import fundexchange.protocol.command.RefuseRegistration;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.PayoutInstructed;
import fundexchange.protocol.event.RegistrationConfirmed;
import fundexchange.protocol.event.RegistrationRefused;
import fundexchange.protocol.event.SettlementOverridden;
import fundexchange.protocol.event.TradeCashSettled;
import fundexchange.protocol.event.TradeFailed;
import fundexchange.protocol.event.TradeFunded;
import fundexchange.protocol.event.TradeFundingLocked;
import fundexchange.protocol.event.TradeFundingReleased;
import fundexchange.protocol.event.TradeProceedsReleased;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.reference.Role;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Delivery versus payment and fees (issue 22, rules version 8; docs/rules.md "Delivery versus payment"). A trade made
 * while a settlement bank is active carries its fees and awaits its buyer's funding: {@code FundTrade} (or the daily
 * book batch) locks the buyer's available cash up to what is due, a deposit held for the trade counting; once all is
 * locked the trade awaits the fund's registration change, which the fund's manager (staff, for a fund without a manager
 * participant) confirms, and only then do the units move, the fees go to REVENUE and the seller's proceeds to the bank
 * as a payout instruction. A refusal, a missed registration deadline or a missed funding deadline fails the trade and
 * releases the buyer's cash (a deposit is forfeited to the seller only for missed funding). From rules version 9
 * ({@link RulesVersion#UNITS_AT_FUNDING}) the units and cash move when the trade is fully funded ({@link Deliveries}):
 * the units to the buyer, locked pending the registration change, the proceeds locked for the seller and the fees in
 * REVENUE; the registration change makes it final, and a refusal, a missed registration deadline or a staff failure
 * unwinds both.
 */
final class DeliveryVersusPayment {
    private final ExchangeState state;
    private final SettlementRules settlement;
    private final BusinessCalendar calendar;

    DeliveryVersusPayment(ExchangeState state, SettlementRules settlement) {
        this.state = state;
        this.settlement = settlement;
        this.calendar = new BusinessCalendar(state);
    }

    // --- the buyer funds ---

    List<Event> fund(CommandContext ctx, FundTrade c) {
        inRules();
        Trade trade = state.trades.get(c.tradeId());
        PrunedIds.refuseTrade(state, trade, c.tradeId());
        boolean seller = trade != null && ctx.actorId().equals(trade.seller());
        if (!seller && (trade == null || !ctx.actorId().equals(trade.buyer()))) {
            throw PrunedIds.unknownTrade(state, c.tradeId()); // as unknown: a refusal tells a non-party nothing of it
        }
        Rejection.check(!seller, RejectCode.NOT_TRADE_BUYER, "only the trade's buyer funds it");
        TradeFunding funding = ledger().funding(trade.tradeId());
        Rejection.check(funding != null || trade.status() != TradeStatus.PENDING_SETTLEMENT,
                RejectCode.DVP_NOT_IN_RULES, "trade " + trade.tradeId() + " was made without a settlement bank; staff"
                        + " confirm its settlement");
        Rejection.check(funding != null && !funding.awaitingRegistration(), RejectCode.TRADE_NOT_AWAITING_FUNDING,
                "trade " + trade.tradeId() + " does not await funding (it is " + (funding != null
                        ? "funded and awaits its registration change" : trade.status()) + ")");
        Money missing = funding.due().minus(ledger().lockedFor(funding));
        List<Event> events = new ArrayList<>();
        if (missing.positive()) {
            Money available = ledger().available(funding.currency(), AccountRef.participant(trade.buyer()));
            Rejection.check(available.positive(), RejectCode.NO_CASH_TO_FUND, "no available " + funding.currency()
                    + " to fund trade " + trade.tradeId() + " (" + missing + " is still due)");
            Money amount = available.compareTo(missing) < 0 ? available : missing;
            Money funded = ledger().lockedFor(funding).plus(amount);
            events.add(new TradeFundingLocked(trade.tradeId(), trade.buyer(), funding.currency(), amount, funded,
                    funding.due()));
            if (funded.compareTo(funding.due()) < 0) {
                return events;
            }
        }
        events.addAll(funded(trade, funding, ctx.date(), new Deliveries(state)));
        return events;
    }

    /** A fully funded trade: {@code TradeFunded}, and from rules version 9 its delivery. */
    private List<Event> funded(Trade trade, TradeFunding funding, LocalDate today, Deliveries deliveries) {
        TradeFunded funded = fundedEvent(trade, funding, today);
        if (!unitsAtFunding()) {
            return List.of(funded);
        }
        List<Event> events = new ArrayList<>();
        events.add(funded);
        events.addAll(deliveries.deliver(trade, funding));
        return events;
    }

    private boolean unitsAtFunding() {
        return state.rulesVersion >= RulesVersion.UNITS_AT_FUNDING;
    }

    private TradeFunded fundedEvent(Trade trade, TradeFunding funding, LocalDate today) {
        ZoneId zone = ZoneId.of(state.parameters.zone());
        long due = calendar.businessDayAfter(today, state.parameters.registrationBusinessDaysInForce()).plusDays(1)
                .atStartOfDay(zone).toInstant().toEpochMilli();
        return new TradeFunded(trade.tradeId(), trade.fundCode(), trade.seller(), trade.buyer(), funding.manager(),
                trade.units(), due);
    }

    // --- the registration change ---

    List<Event> confirm(CommandContext ctx, ConfirmRegistration c) {
        Trade trade = registrar(ctx, c.tradeId());
        TradeFunding funding = awaitingRegistration(trade);
        List<Event> events = new ArrayList<>();
        events.add(new RegistrationConfirmed(trade.tradeId(), trade.fundCode(), trade.seller(), trade.buyer(),
                ctx.actorId()));
        events.addAll(settleCash(trade, funding, ctx.index(), ctx.date()));
        return events;
    }

    List<Event> refuse(CommandContext ctx, RefuseRegistration c) {
        Trade trade = registrar(ctx, c.tradeId());
        String reason = Validation.text(c.reason(), "reason");
        TradeFunding funding = awaitingRegistration(trade);
        List<Event> events = new ArrayList<>();
        events.add(new RegistrationRefused(trade.tradeId(), trade.fundCode(), trade.seller(), trade.buyer(),
                ctx.actorId(), reason));
        events.addAll(failedReleased(trade, funding, RejectCode.REGISTRATION_REFUSED, reason));
        return events;
    }

    /**
     * A funded trade fails without forfeit: {@code TradeFailed} and everything locked for it back to the buyer; a
     * delivered trade (rules version 9) first returns its units and cash.
     */
    List<Event> failedReleased(Trade trade, TradeFunding funding, RejectCode code, String reason) {
        if (!funding.delivered()) {
            return List.of(failed(trade, code, reason), released(funding, false));
        }
        List<Event> events = new ArrayList<>(new Deliveries(state).unwind(trade, funding));
        events.add(failed(trade, code, reason));
        events.add(new TradeFundingReleased(funding.tradeId(), funding.seller(), funding.buyer(), funding.currency(),
                funding.due(), Money.ZERO));
        return events;
    }

    /** The maker-checker override, decided at its approval ({@code index}, business date {@code today}). */
    List<Event> override(OverrideSettlement o, long proposalId, long index, LocalDate today) {
        inRules();
        String reason = Validation.text(o.reason(), "reason");
        Trade trade = state.trades.get(o.tradeId());
        PrunedIds.refuseTrade(state, trade, o.tradeId());
        Rejection.check(trade != null, RejectCode.UNKNOWN_TRADE, "no trade " + o.tradeId());
        Rejection.check(trade.status() == TradeStatus.PENDING_SETTLEMENT, RejectCode.TRADE_NOT_PENDING,
                "trade is " + trade.status());
        TradeFunding funding = ledger().funding(trade.tradeId());
        Rejection.check(funding != null, RejectCode.DVP_NOT_IN_RULES, "trade " + trade.tradeId() + " was made without"
                + " a settlement bank; staff confirm it with ConfirmSettlement");
        List<Event> events = new ArrayList<>();
        events.add(new SettlementOverridden(trade.tradeId(), trade.fundCode(), trade.seller(), trade.buyer(), proposalId,
                reason));
        if (funding.awaitingRegistration()) {
            events.addAll(settleCash(trade, funding, index, today));
        } else {
            events.add(settlement.settledAlone(trade, today.toString()));
            events.add(released(funding, false));
        }
        return events;
    }

    /**
     * Units, then cash: proceeds to the seller and out to the bank (kept as the seller's available cash while it is
     * not ACTIVE), fees to REVENUE.
     */
    private List<Event> settleCash(Trade trade, TradeFunding funding, long index, LocalDate today) {
        List<Event> events = new ArrayList<>();
        Money proceeds;
        if (funding.delivered()) { // rules version 9: the units and cash moved at funding; now it is final
            events.add(settlement.settledDelivered(trade, funding, today.toString()));
            proceeds = funding.proceeds();
            events.add(new TradeProceedsReleased(trade.tradeId(), trade.fundCode(), trade.seller(), trade.buyer(),
                    funding.currency(), proceeds, funding.fees()));
        } else {
            events.add(settlement.settledAlone(trade, today.toString()));
            Money deposit = ledger().depositFor(trade.tradeId());
            Money released = ledger().lockedFor(funding).minus(funding.due());
            TradeCashSettled cash = new TradeCashSettled(trade.tradeId(), trade.fundCode(), trade.seller(),
                    trade.buyer(), funding.currency(), funding.consideration(), funding.buyerFee(), funding.sellerFee(),
                    deposit, released);
            events.add(cash);
            proceeds = cash.proceeds();
        }
        // A seller not ACTIVE (suspended) keeps its proceeds as available cash: a payout is a withdrawal, refused to it.
        fundexchange.protocol.reference.Participant seller = state.participants.get(trade.seller());
        if (proceeds.positive() && seller != null && seller.active()) {
            events.add(new PayoutInstructed(instructionId(index), AccountRef.participant(trade.seller()),
                    funding.currency(), proceeds, null, null));
        }
        return events;
    }

    private long instructionId(long index) {
        long first = Math.multiplyExact(index, CashRules.INSTRUCTIONS_PER_INDEX);
        int used = ledger().instructions().subMap(first, first + CashRules.INSTRUCTIONS_PER_INDEX).size();
        Rejection.check(used < CashRules.INSTRUCTIONS_PER_INDEX, RejectCode.TOO_MANY_INSTRUCTIONS,
                "too many payout instructions at index " + index);
        return first + used;
    }

    /**
     * The trade, if the signer is its registrar, fixed when the trade was made ({@link TradeFunding#manager()}): the
     * fund's manager participant then, or staff not party to the trade when the fund had none or its manager was the
     * buyer or seller. A signer who is neither the registrar, nor a party, nor staff is refused as for an unknown trade,
     * so that a refusal tells nothing of a trade it may not see.
     */
    private Trade registrar(CommandContext ctx, long tradeId) {
        inRules();
        Trade trade = state.trades.get(tradeId);
        PrunedIds.refuseTrade(state, trade, tradeId);
        if (trade == null) {
            throw PrunedIds.unknownTrade(state, tradeId);
        }
        TradeFunding funding = ledger().funding(tradeId);
        String manager = funding == null ? null : funding.manager();
        String actor = ctx.actorId();
        boolean staff = ctx.actor() != null && ctx.actor().has(Role.STAFF);
        boolean party = actor.equals(trade.seller()) || actor.equals(trade.buyer());
        if (manager != null && actor.equals(manager)) {
            return trade;
        }
        if (!party && !staff) {
            throw PrunedIds.unknownTrade(state, tradeId); // as unknown: a refusal tells a non-party nothing of it
        }
        if (manager != null) {
            Rejection.check(false, RejectCode.NOT_FUND_MANAGER, "only the fund's manager confirms or refuses the"
                    + " registration change of trade " + tradeId);
        }
        Rejection.check(staff, RejectCode.REGISTRAR_NOT_STAFF, "staff not party to trade " + tradeId
                + " confirm or refuse its registration change");
        Duties.notParty(actor, "trade " + tradeId, trade.seller(), trade.buyer());
        return trade;
    }

    private TradeFunding awaitingRegistration(Trade trade) {
        TradeFunding funding = ledger().funding(trade.tradeId());
        Rejection.check(funding != null && funding.awaitingRegistration(), RejectCode.TRADE_NOT_AWAITING_REGISTRATION,
                "trade " + trade.tradeId() + " does not await its registration change (it is " + (funding != null
                        ? "awaiting funding" : trade.status()) + ")");
        return funding;
    }

    // --- deadlines and failures ---

    /**
     * The funding deadline passed (on business date {@code today}): a trade whose locked cash, a held deposit included,
     * covers what is due is funded; any other fails, the buyer's funding released and a deposit forfeited.
     */
    List<Event> fundingDeadlinePassed(Trade trade, TradeFunding funding, LocalDate today) {
        if (ledger().lockedFor(funding).compareTo(funding.due()) >= 0) {
            return funded(trade, funding, today, new Deliveries(state));
        }
        return List.of(failed(trade, RejectCode.FUNDING_DEADLINE_PASSED, "not funded by the settlement deadline"),
                released(funding, true));
    }

    /** The registration deadline passed: the trade unwinds, every amount locked for it back to the buyer. */
    List<Event> registrationDeadlinePassed(TradeFunding funding) {
        Trade trade = state.trades.get(funding.tradeId());
        return failedReleased(trade, funding, RejectCode.REGISTRATION_DEADLINE_PASSED,
                "the registration change was not confirmed by its deadline");
    }

    /** What a failure releases: everything locked for the trade to the buyer, or the deposit to the seller. */
    TradeFundingReleased released(TradeFunding funding, boolean forfeitDeposit) {
        Money deposit = ledger().depositFor(funding.tradeId());
        Money forfeited = forfeitDeposit ? deposit : Money.ZERO;
        return new TradeFundingReleased(funding.tradeId(), funding.seller(), funding.buyer(), funding.currency(),
                ledger().lockedFor(funding).minus(forfeited), forfeited);
    }

    static TradeFailed failed(Trade trade, RejectCode code, String reason) {
        return new TradeFailed(trade.tradeId(), trade.fundCode(), trade.seller(), trade.buyer(), trade.units(),
                code.code(), reason);
    }

    /**
     * The daily book batch under delivery versus payment: per buyer (no netting), trades still awaiting funding are
     * funded from its available cash if it covers all of them, else they fail ({@code BATCH_NOT_FUNDED}); trades
     * already funded wait for their registration change. This answers what each buyer still misses for its trades of
     * the batch; {@link #batchDecided} then decides each trade, in trade id order.
     */
    Map<String, Money> batchMissing(List<Trade> trades) {
        TreeMap<String, Money> missingByBuyer = new TreeMap<>();
        for (Trade trade : trades) {
            TradeFunding funding = ledger().funding(trade.tradeId());
            if (!funding.awaitingRegistration()) {
                Money missing = funding.due().minus(ledger().lockedFor(funding));
                missingByBuyer.merge(trade.buyer(), missing.positive() ? missing : Money.ZERO,
                        (a, b) -> TradeTerms.overflowChecked(() -> a.plus(b)));
            }
        }
        return missingByBuyer;
    }

    /**
     * One funded trade of the batch: its events, delivered against the batch's shared working copy {@code work}, or
     * null when it already awaits its registration change.
     */
    List<Event> batchDecided(Trade trade, Map<String, Money> missingByBuyer, LocalDate today, Deliveries work) {
        TradeFunding funding = ledger().funding(trade.tradeId());
        if (funding.awaitingRegistration()) {
            return null;
        }
        Money available = ledger().available(funding.currency(), AccountRef.participant(trade.buyer()));
        List<Event> events = new ArrayList<>();
        if (available.compareTo(missingByBuyer.get(trade.buyer())) >= 0) {
            Money missing = funding.due().minus(ledger().lockedFor(funding));
            if (missing.positive()) {
                events.add(new TradeFundingLocked(trade.tradeId(), trade.buyer(), funding.currency(), missing,
                        funding.due(), funding.due()));
            }
            events.addAll(funded(trade, funding, today, work));
        } else {
            events.add(failed(trade, RejectCode.BATCH_NOT_FUNDED, "the buyer's available cash did not cover its"
                    + " trades of the batch"));
            events.add(released(funding, true));
        }
        return events;
    }

    private void inRules() {
        Rejection.check(state.rulesVersion >= RulesVersion.DELIVERY_VERSUS_PAYMENT, RejectCode.DVP_NOT_IN_RULES,
                "this journal's rules version settles trades by staff confirmation");
    }

    private CashLedger ledger() {
        return state.cash;
    }
}
