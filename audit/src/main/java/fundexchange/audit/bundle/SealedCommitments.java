package fundexchange.audit.bundle;

import fundexchange.protocol.command.AmendSealedBid;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.event.TransferNoticeAnswered;
import fundexchange.protocol.event.TransferNoticeIssued;
import fundexchange.protocol.event.TransferNoticeResolved;
import fundexchange.protocol.event.AuctionClosed;
import fundexchange.protocol.event.BidCancelled;
import fundexchange.protocol.event.BidPlaced;
import fundexchange.protocol.event.BookEvent;
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
import fundexchange.protocol.event.PlatformEvent;
import fundexchange.protocol.event.RofrCleared;
import fundexchange.protocol.event.SealedBidPlaced;
import fundexchange.protocol.event.TradeEvent;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.event.TradeFailed;
import fundexchange.protocol.event.TradeSettled;
import fundexchange.protocol.listing.SealedCommitment;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.OutcomeStatus;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks sealed bids against their commitments (CONTRACTS.md 12, docs/audit.md). Each {@code SealedBidPlaced} with a
 * {@code commitment} is remembered by bid id, from redacted documents too (a redaction keeps the commitment). A
 * document as written must open its own commitment ({@code SealedCommitment.of(nonce, price)}) with the nonce and
 * price of the signed command when that command is in the bundle; every bid an {@code AuctionClosed} reveals must
 * open the commitment its bid published before the close. Bids from before nonces carry neither nonce nor commitment
 * and are not checked; a nonce without a commitment is a failure.
 *
 * <p>A redacted document is covered by no digest, so what it says is trusted only as far as these rules allow: a
 * withheld line must hold a redacted {@code SealedBidPlaced} of its own command or have an outcome other than
 * ACCEPTED; a bid still redacted must belong to a listing that no digest-checked document has closed.
 */
final class SealedCommitments {
    private final Map<Long, String> committed = new HashMap<>();
    private final Map<Long, Long> redactedBidListing = new HashMap<>();
    private final Set<Long> closedListings = new HashSet<>();
    private final Set<Long> opened = new HashSet<>();

    /** Distinct sealed bids whose commitment was opened (placed in the clear, or revealed at the close). */
    long opened() {
        return opened.size();
    }

    void check(long index, CommandRecord record, EventDocument document, boolean withheld, boolean redacted)
            throws BrokenBundle {
        if (withheld) {
            withheldLine(index, document, redacted);
        }
        for (Event event : document.events()) {
            switch (event) {
                case ListingEvent e -> listing(index, record, e, redacted);
                case TradeEvent e -> trade(index, e, redacted);
                case KeyEvent e -> { }
                case ParticipantEvent e -> { }
                case PlatformEvent e -> { }
                case HoldingEvent e -> { }
                case BookEvent e -> { }
                case IntentEvent e -> { }
                case fundexchange.protocol.event.StateOwnedEvent e -> { }
                case fundexchange.protocol.event.DocumentEvent d -> { }
                case fundexchange.protocol.event.CashEvent c -> { }
            }
        }
    }

    /** A sealed bid is remembered; every event that ends a listing closes it to further sealed bids. */
    private void listing(long index, CommandRecord record, ListingEvent event, boolean redacted) throws BrokenBundle {
        switch (event) {
            case SealedBidPlaced bid -> placed(index, record, bid, redacted);
            case AuctionClosed close -> {
                if (!redacted) {
                    revealed(index, close);
                }
                closed(index, close.listingId(), redacted);
            }
            case ListingExpired e -> closed(index, e.listingId(), redacted);
            case ListingCancelled e -> closed(index, e.listingId(), redacted);
            case ListingWithdrawn e -> closed(index, e.listingId(), redacted);
            case ListingDeclined e -> closed(index, e.listingId(), redacted);
            case ListingSubmitted e -> { }
            case ListingOpened e -> { }
            case RofrCleared e -> { }
            case TransferNoticeIssued e -> { }
            case TransferNoticeAnswered e -> { }
            case TransferNoticeResolved e -> { }
            case fundexchange.protocol.event.AuctionAwardedConditionally e -> { }
            case fundexchange.protocol.event.AuctionMatchResolved e -> { }
            case BidPlaced e -> { }
            case BidCancelled e -> { }
        }
    }

    private void trade(long index, TradeEvent event, boolean redacted) throws BrokenBundle {
        switch (event) {
            case TradeExecuted e -> closed(index, e.listingId(), redacted);
            case TradeSettled e -> { }
            case TradeFailed e -> { }
        }
    }

    /** A withheld body is allowed only for a still-sealed bid of this very command, or a command that took no effect. */
    private static void withheldLine(long index, EventDocument document, boolean redacted) throws BrokenBundle {
        boolean ownSealedBid = redacted && document.events().stream()
                .anyMatch(e -> e instanceof SealedBidPlaced bid && bid.bidId() == index);
        boolean tookNoEffect = !redacted && document.outcome() != null
                && document.outcome().status() != OutcomeStatus.ACCEPTED;
        if (!ownSealedBid && !tookNoEffect) {
            throw new BrokenBundle(index, "a withheld command must hold a redacted sealed bid of its own or have been"
                    + " rejected; this one was " + Optional.ofNullable(document.outcome()).map(o -> o.status().name())
                    .orElse("without outcome"));
        }
    }

    private void closed(long index, long listingId, boolean redacted) throws BrokenBundle {
        if (redacted) {
            return;
        }
        closedListings.add(listingId);
        for (Map.Entry<Long, Long> bid : redactedBidListing.entrySet()) {
            if (bid.getValue() == listingId) {
                throw new BrokenBundle(index, "listing " + listingId + " closes here but sealed bid " + bid.getKey()
                        + " on it is still redacted in the bundle");
            }
        }
    }

    private void placed(long index, CommandRecord record, SealedBidPlaced bid, boolean redacted) throws BrokenBundle {
        Command command = record == null ? null : record.command();
        boolean signedHere = bid.bidId() == index && (command instanceof PlaceSealedBid || command instanceof AmendSealedBid);
        if (bid.commitment() == null) {
            if (bid.nonce() != null || (signedHere && nonceOf(command) != null)) {
                throw new BrokenBundle(index, "sealed bid " + bid.bidId() + " carries a nonce but no commitment");
            }
            if (redacted) {
                stillSealed(index, bid);
            }
            return;
        }
        if (!SealedCommitment.NONCE.matcher(bid.commitment()).matches()) {
            throw new BrokenBundle(index, "sealed bid " + bid.bidId() + " has a malformed commitment");
        }
        if (committed.putIfAbsent(bid.bidId(), bid.commitment()) != null) {
            throw new BrokenBundle(index, "sealed bid " + bid.bidId() + " is committed twice");
        }
        if (redacted) {
            if (bid.price() != null || bid.nonce() != null) {
                throw new BrokenBundle(index, "a redacted sealed bid still carries its price or nonce");
            }
            stillSealed(index, bid);
            return;
        }
        opens(index, bid.bidId(), bid.nonce(), bid.price(), bid.commitment());
        if (signedHere && !(bid.nonce().equals(nonceOf(command)) && bid.price().equals(priceOf(command)))) {
            throw new BrokenBundle(index, "sealed bid " + bid.bidId() + " differs from the nonce and price its bidder signed");
        }
    }

    /** A redacted bid's listing must not have closed: the exporter stops withholding at the close. */
    private void stillSealed(long index, SealedBidPlaced bid) throws BrokenBundle {
        if (closedListings.contains(bid.listingId())) {
            throw new BrokenBundle(index, "sealed bid " + bid.bidId() + " is redacted but its listing "
                    + bid.listingId() + " has already closed");
        }
        redactedBidListing.put(bid.bidId(), bid.listingId());
    }

    private void revealed(long index, AuctionClosed close) throws BrokenBundle {
        for (AuctionClosed.ClosedBid bid : close.bids()) {
            if (redactedBidListing.containsKey(bid.bidId())) {
                throw new BrokenBundle(index, "the close reveals sealed bid " + bid.bidId()
                        + " whose placement is still redacted in the bundle");
            }
            String commitment = committed.get(bid.bidId());
            if (commitment == null) {
                if (bid.nonce() != null) {
                    throw new BrokenBundle(index, "the close reveals sealed bid " + bid.bidId()
                            + " with a nonce, but no commitment of it was seen");
                }
                continue;
            }
            if (bid.nonce() == null) {
                throw new BrokenBundle(index, "the close reveals sealed bid " + bid.bidId() + " without the nonce of its commitment");
            }
            opens(index, bid.bidId(), bid.nonce(), bid.price(), commitment);
        }
    }

    private void opens(long index, long bidId, String nonce, Price price, String commitment)
            throws BrokenBundle {
        if (!SealedCommitment.validNonce(nonce) || price == null || !SealedCommitment.of(nonce, price).equals(commitment)) {
            throw new BrokenBundle(index, "sealed bid " + bidId + " at price " + price
                    + " does not open its commitment " + commitment);
        }
        opened.add(bidId);
    }

    private static String nonceOf(Command command) {
        return command instanceof PlaceSealedBid place ? place.nonce() : ((AmendSealedBid) command).nonce();
    }

    private static Price priceOf(Command command) {
        return command instanceof PlaceSealedBid place ? place.price() : ((AmendSealedBid) command).price();
    }
}
