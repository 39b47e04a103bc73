package fundexchange.engine;

import fundexchange.engine.cash.HeldDeposit;
import fundexchange.engine.cash.ListingDeposit;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.event.AuctionAwardedConditionally;
import fundexchange.protocol.event.AuctionClosed;
import fundexchange.protocol.event.AuctionMatchResolved;
import fundexchange.protocol.event.BankStatementRecorded;
import fundexchange.protocol.event.BidCancelled;
import fundexchange.protocol.event.BidPlaced;
import fundexchange.protocol.event.BookEvent;
import fundexchange.protocol.event.CashCorrected;
import fundexchange.protocol.event.CashEvent;
import fundexchange.protocol.event.CashReceived;
import fundexchange.protocol.event.DepositHeldForTrade;
import fundexchange.protocol.event.DepositLocked;
import fundexchange.protocol.event.DepositReleased;
import fundexchange.protocol.event.DocumentEvent;
import fundexchange.protocol.event.EscrowMismatchAcknowledged;
import fundexchange.protocol.event.EscrowMismatchRaised;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.HoldingEvent;
import fundexchange.protocol.event.IntentEvent;
import fundexchange.protocol.event.KeyEvent;
import fundexchange.protocol.event.ListingCancelled;
import fundexchange.protocol.event.ListingDeclined;
import fundexchange.protocol.event.ListingEvent;
import fundexchange.protocol.event.ListingExpired;
import fundexchange.protocol.event.ListingOpened;
import fundexchange.protocol.event.ListingSubmitted;
import fundexchange.protocol.event.ListingWithdrawn;
import fundexchange.protocol.event.ParticipantEvent;
import fundexchange.protocol.event.PayoutExecuted;
import fundexchange.protocol.event.PayoutInstructed;
import fundexchange.protocol.event.PayoutReturned;
import fundexchange.protocol.event.PlatformEvent;
import fundexchange.protocol.event.RegistrationConfirmed;
import fundexchange.protocol.event.RegistrationRefused;
import fundexchange.protocol.event.RofrCleared;
import fundexchange.protocol.event.SealedBidPlaced;
import fundexchange.protocol.event.SettlementOverridden;
import fundexchange.protocol.event.StateOwnedEvent;
import fundexchange.protocol.event.SuspenseAssigned;
import fundexchange.protocol.event.TradeCashSettled;
import fundexchange.protocol.event.TradeEvent;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.event.TradeFailed;
import fundexchange.protocol.event.TradeFunded;
import fundexchange.protocol.event.TradeFundingLocked;
import fundexchange.protocol.event.TradeFundingReleased;
import fundexchange.protocol.event.TradeProceedsLocked;
import fundexchange.protocol.event.TradeProceedsReleased;
import fundexchange.protocol.event.TradeProceedsReturned;
import fundexchange.protocol.event.TradeUnitsDelivered;
import fundexchange.protocol.event.TradeUnitsReturned;
import fundexchange.protocol.event.TradeSettled;
import fundexchange.protocol.event.TransferNoticeAnswered;
import fundexchange.protocol.event.TransferNoticeIssued;
import fundexchange.protocol.event.TransferNoticeResolved;
import fundexchange.protocol.event.UnidentifiedReceiptRecorded;
import fundexchange.protocol.money.Money;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Deposits follow their listings (rules version 8): given the events one decision made (a command's, or one deadline's),
 * adds what they mean for the deposits locked on those listings, each right after the event that causes it, so no
 * path that closes, trades or ends a listing can forget one:
 * <ul>
 *   <li>{@code AuctionClosed}: every deposit but the winner's is released (the winner's stays, also while a conditional
 *   award waits for the holders of the priority right);</li>
 *   <li>{@code TradeExecuted} on a listing whose buyer has a deposit there: held for the trade
 *   ({@code DepositHeldForTrade}), never more than the trade's consideration (the part above it released first);</li>
 *   <li>{@code ListingCancelled}, {@code ListingExpired}, {@code ListingWithdrawn}: every deposit left is released;</li>
 *   <li>{@code AuctionMatchResolved}: at the end of the document, every deposit left (a displaced winner, a matcher
 *   allotted nothing) is released;</li>
 *   <li>{@code TradeSettled}, {@code TradeFailed} of a trade with a held deposit and no delivery-versus-payment funding
 *   (no settlement bank was active when it was made): the held deposit is released ({@code DepositReleased} with the
 *   trade); a funded trade's deposit is applied or forfeited by its {@code TradeCashSettled} or
 *   {@code TradeFundingReleased} instead;</li>
 *   <li>{@code BidCancelled} not followed by a new bid of the same bidder (an amendment): its deposit is released at the
 *   end of the document.</li>
 * </ul>
 * Before rules version 8 nothing is ever locked, so nothing is added.
 */
final class DepositFollowing {
    private final ExchangeState state;
    /** The deposits on the listings this decision touches, as its events leave them so far. */
    private final TreeMap<Long, TreeMap<String, ListingDeposit>> working = new TreeMap<>();
    /** The trades whose held deposit this decision already applied, forfeited or released. */
    private final java.util.TreeSet<Long> consumed = new java.util.TreeSet<>();

    private DepositFollowing(ExchangeState state) {
        this.state = state;
    }

    /** {@code events} with the deposits' releases and holds added; the same list when there is nothing to add. */
    static List<Event> follow(ExchangeState state, List<Event> events) {
        if (state.rulesVersion < RulesVersion.BID_DEPOSITS || events.isEmpty()
                || state.cash.depositsOnListings().isEmpty() && state.cash.depositsByTrade().isEmpty()
                && noDepositLocked(events)) {
            return events;
        }
        return new DepositFollowing(state).walk(events);
    }

    private static boolean noDepositLocked(List<Event> events) {
        for (int i = 0, n = events.size(); i < n; i++) {
            if (events.get(i) instanceof DepositLocked) {
                return false;
            }
        }
        return true;
    }

    private List<Event> walk(List<Event> events) {
        List<Event> out = new ArrayList<>();
        LinkedHashSet<Long> resolving = new LinkedHashSet<>();
        LinkedHashSet<String> cancelled = new LinkedHashSet<>();
        for (Event event : events) {
            out.add(event);
            switch (event) {
                case ListingEvent e -> onListing(e, out, resolving, cancelled);
                case TradeEvent e -> onTrade(e, out);
                case CashEvent e -> onCash(e);
                // These groups never touch a deposit.
                case KeyEvent ignored -> { }
                case ParticipantEvent ignored -> { }
                case PlatformEvent ignored -> { }
                case HoldingEvent ignored -> { }
                case BookEvent ignored -> { }
                case IntentEvent ignored -> { }
                case StateOwnedEvent ignored -> { }
                case DocumentEvent ignored -> { }
            }
        }
        for (long listingId : resolving) {
            releaseAll(listingId, null, out);
        }
        for (String key : cancelled) {
            int bar = key.indexOf('|');
            long listingId = Long.parseLong(key.substring(0, bar));
            ListingDeposit deposit = on(listingId).remove(key.substring(bar + 1));
            if (deposit != null) {
                out.add(new DepositReleased(listingId, deposit.participantId(), deposit.currency(), deposit.amount()));
            }
        }
        return out.size() == events.size() ? events : List.copyOf(out);
    }

    private void onListing(ListingEvent event, List<Event> out, LinkedHashSet<Long> resolving,
                           LinkedHashSet<String> cancelled) {
        switch (event) {
            case AuctionClosed e -> {
                String winner = e.bids().stream().filter(b -> b.bidId() == e.winningBidId() && e.winningBidId() != 0)
                        .map(AuctionClosed.ClosedBid::bidder).findFirst().orElse(null);
                releaseAll(e.listingId(), winner, out);
            }
            case ListingCancelled e -> releaseAll(e.listingId(), null, out);
            case ListingExpired e -> releaseAll(e.listingId(), null, out);
            case ListingWithdrawn e -> releaseAll(e.listingId(), null, out);
            case AuctionMatchResolved e -> resolving.add(e.listingId());
            case BidCancelled e -> cancelled.add(e.listingId() + "|" + e.bidder());
            case SealedBidPlaced e -> cancelled.remove(e.listingId() + "|" + e.bidder());
            case BidPlaced e -> cancelled.remove(e.listingId() + "|" + e.bidder());
            // A deposit waits through these: the listing is still open or its award still pending.
            case ListingSubmitted ignored -> { }
            case ListingOpened ignored -> { }
            case RofrCleared ignored -> { }
            case ListingDeclined ignored -> { }
            case TransferNoticeIssued ignored -> { }
            case TransferNoticeAnswered ignored -> { }
            case TransferNoticeResolved ignored -> { }
            case AuctionAwardedConditionally ignored -> { }
        }
    }

    private void onTrade(TradeEvent event, List<Event> out) {
        switch (event) {
            case TradeExecuted e -> hold(e, out);
            // A held deposit goes with the trade's funding (delivery versus payment).
            case TradeSettled e -> releaseHeld(e.tradeId(), out);
            case TradeFailed e -> releaseHeld(e.tradeId(), out);
        }
    }

    private void onCash(CashEvent event) {
        switch (event) {
            case DepositLocked e -> on(e.listingId()).put(e.participantId(),
                    new ListingDeposit(e.listingId(), e.participantId(), e.currency(), e.amount()));
            // Added by this class itself, or no concern of a listing's deposits.
            case CashReceived ignored -> { }
            case UnidentifiedReceiptRecorded ignored -> { }
            case SuspenseAssigned ignored -> { }
            case PayoutInstructed ignored -> { }
            case PayoutExecuted ignored -> { }
            case PayoutReturned ignored -> { }
            case BankStatementRecorded ignored -> { }
            case EscrowMismatchRaised ignored -> { }
            case EscrowMismatchAcknowledged ignored -> { }
            case CashCorrected ignored -> { }
            case TradeFundingLocked ignored -> { }
            case TradeFunded ignored -> { }
            case RegistrationConfirmed ignored -> { }
            case RegistrationRefused ignored -> { }
            case TradeCashSettled e -> consumed.add(e.tradeId());
            case TradeFundingReleased e -> consumed.add(e.tradeId());
            case SettlementOverridden ignored -> { }
            case DepositReleased ignored -> { }
            case DepositHeldForTrade ignored -> { }
            // Rules version 9: the delivery applies a held deposit.
            case TradeProceedsLocked e -> consumed.add(e.tradeId());
            case TradeUnitsDelivered ignored -> { }
            case TradeProceedsReleased ignored -> { }
            case TradeUnitsReturned ignored -> { }
            case TradeProceedsReturned ignored -> { }
        }
    }

    /**
     * A trade settled or failed: the deposit held for it is released unless delivery versus payment has it (a funding
     * exists for the trade, whose settlement applies the deposit or whose release forfeits or releases it).
     */
    private void releaseHeld(long tradeId, List<Event> out) {
        HeldDeposit d = state.cash.depositsByTrade().get(tradeId);
        if (d == null || consumed.contains(tradeId) || state.cash.funding(tradeId) != null) {
            return;
        }
        consumed.add(tradeId);
        out.add(new DepositReleased(Long.parseLong(d.listingId()), d.participantId(), d.currency(), d.amount(), tradeId));
    }

    private TreeMap<String, ListingDeposit> on(long listingId) {
        return working.computeIfAbsent(listingId, id -> {
            TreeMap<String, ListingDeposit> locked = state.cash.depositsOnListings().get(id);
            return locked == null ? new TreeMap<>() : new TreeMap<>(locked);
        });
    }

    /** Releases every deposit on the listing but {@code keep}'s, in participant order. */
    private void releaseAll(long listingId, String keep, List<Event> out) {
        TreeMap<String, ListingDeposit> deposits = on(listingId);
        for (Map.Entry<String, ListingDeposit> entry : new ArrayList<>(deposits.entrySet())) {
            if (!entry.getKey().equals(keep)) {
                ListingDeposit d = deposits.remove(entry.getKey());
                out.add(new DepositReleased(listingId, d.participantId(), d.currency(), d.amount()));
            }
        }
    }

    /** A listing's trade: the buyer's deposit there is held for it, the part above its consideration released. */
    private void hold(TradeExecuted trade, List<Event> out) {
        if (trade.listingId() == 0 || trade.bookTrade() || trade.offerId() != null) {
            return;
        }
        ListingDeposit d = on(trade.listingId()).remove(trade.buyer());
        if (d == null) {
            return;
        }
        Money held = d.amount().compareTo(trade.consideration()) <= 0 ? d.amount() : trade.consideration();
        if (held.compareTo(d.amount()) < 0) {
            out.add(new DepositReleased(d.listingId(), d.participantId(), d.currency(), d.amount().minus(held)));
        }
        if (held.raw() > 0) {
            out.add(new DepositHeldForTrade(d.listingId(), trade.tradeId(), d.participantId(), d.currency(), held));
        }
    }
}
