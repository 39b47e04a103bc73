package fundexchange.audit.bundle;

import fundexchange.engine.command.AmendSealedBid;
import fundexchange.engine.command.Command;
import fundexchange.engine.command.PlaceSealedBid;
import fundexchange.engine.event.AuctionClosed;
import fundexchange.engine.event.Event;
import fundexchange.engine.event.SealedBidPlaced;
import fundexchange.engine.listing.SealedCommitment;
import fundexchange.engine.money.Price;
import fundexchange.journal.CommandRecord;
import fundexchange.journal.EventDocument;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks sealed bids against their commitments (CONTRACTS.md 12, docs/audit.md). Each {@code SealedBidPlaced} with a
 * {@code commitment} is remembered by bid id, from redacted documents too (a redaction keeps the commitment). A
 * document as written must open its own commitment ({@code SealedCommitment.of(nonce, price)}) with the nonce and
 * price of the signed command when that command is in the bundle; every bid an {@code AuctionClosed} reveals must
 * open the commitment its bid published before the close. Bids from before nonces carry no commitment and are
 * not checked.
 */
final class SealedCommitments {
    private final Map<Long, String> committed = new HashMap<>();
    private long opened;

    /** Commitments opened so far (a bid placed in the clear, or revealed at its close). */
    long opened() {
        return opened;
    }

    void check(long index, CommandRecord record, EventDocument document, boolean redacted) throws BrokenBundle {
        for (Event event : document.events()) {
            switch (event) {
                case SealedBidPlaced bid when bid.commitment() != null -> placed(index, record, bid, redacted);
                case AuctionClosed close -> revealed(index, close);
                default -> {
                }
            }
        }
    }

    private void placed(long index, CommandRecord record, SealedBidPlaced bid, boolean redacted) throws BrokenBundle {
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
            return;
        }
        opens(index, bid.bidId(), bid.nonce(), bid.price(), bid.commitment());
        Command command = record == null ? null : record.command();
        boolean signedHere = bid.bidId() == index && (command instanceof PlaceSealedBid || command instanceof AmendSealedBid);
        if (signedHere && !(bid.nonce().equals(nonceOf(command)) && bid.price().equals(priceOf(command)))) {
            throw new BrokenBundle(index, "sealed bid " + bid.bidId() + " differs from the nonce and price its bidder signed");
        }
    }

    private void revealed(long index, AuctionClosed close) throws BrokenBundle {
        for (AuctionClosed.ClosedBid bid : close.bids()) {
            String commitment = committed.get(bid.bidId());
            if (commitment == null) {
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
        opened++;
    }

    private static String nonceOf(Command command) {
        return command instanceof PlaceSealedBid place ? place.nonce() : ((AmendSealedBid) command).nonce();
    }

    private static Price priceOf(Command command) {
        return command instanceof PlaceSealedBid place ? place.price() : ((AmendSealedBid) command).price();
    }
}
