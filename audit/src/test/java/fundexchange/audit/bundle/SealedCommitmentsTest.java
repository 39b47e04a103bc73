package fundexchange.audit.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fundexchange.protocol.event.AuctionClosed;
import fundexchange.protocol.event.AuctionClosed.ClosedBid;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.SealedBidPlaced;
import fundexchange.protocol.listing.BidStatus;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.listing.SealedCommitment;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verifier's check of sealed bids against their commitments (docs/audit.md, CONTRACTS.md 12). */
class SealedCommitmentsTest {
    private static final String NONCE = "4d".repeat(32);
    private static final Price PRICE = Price.of("1.2345");
    private static final SealedBidPlaced PLACED = new SealedBidPlaced(20, 21, "Investor-07", 1, PRICE, NONCE,
            SealedCommitment.of(NONCE, PRICE));
    private final SealedCommitments commitments = new SealedCommitments();

    private static EventDocument doc(long index, Event... events) {
        return new EventDocument(1, index, 1_795_000_000_000L, null, null, Outcome.ACCEPTED, List.of(events));
    }

    private static AuctionClosed closing(Price price, String nonce) {
        return new AuctionClosed(20, ListingMechanism.SEALED,
                List.of(new ClosedBid(21, "Investor-07", 1, price, BidStatus.WON, null, null, nonce)), 21, price);
    }

    @Test
    void aBidStillRedactedWhenTheCloseRevealsItBreaksTheBundle() throws BrokenBundle {
        commitments.check(21, null, doc(21, PLACED.sealed()), true, true);
        assertEquals(new Problem(30, "the close reveals sealed bid 21 whose placement is still redacted in the bundle"),
                assertThrows(BrokenBundle.class,
                        () -> commitments.check(30, null, doc(30, closing(PRICE, NONCE)), false, false)).problem());
    }

    @Test
    void aCloseRevealingAnotherPriceOrNoNonceBreaksTheBundle() throws BrokenBundle {
        commitments.check(21, null, doc(21, PLACED), false, false);
        BrokenBundle other = assertThrows(BrokenBundle.class,
                () -> commitments.check(30, null, doc(30, closing(Price.of("1.2346"), NONCE)), false, false));
        assertEquals(new Problem(30, "sealed bid 21 at price 1.2346 does not open its commitment "
                + PLACED.commitment()), other.problem());
        BrokenBundle bare = assertThrows(BrokenBundle.class,
                () -> commitments.check(30, null, doc(30, closing(PRICE, null)), false, false));
        assertEquals(new Problem(30, "the close reveals sealed bid 21 without the nonce of its commitment"), bare.problem());
    }

    @Test
    void aBidShownAsWrittenMustOpenItsOwnCommitmentAndARedactionMustHideBothSecrets() throws BrokenBundle {
        commitments.check(21, null, doc(21, PLACED), false, false);
        assertEquals(1, commitments.opened());
        SealedBidPlaced forged = new SealedBidPlaced(20, 22, "Investor-08", 2, Price.of("9.0000"), NONCE, PLACED.commitment());
        assertEquals(new Problem(22, "sealed bid 22 at price 9.0000 does not open its commitment " + PLACED.commitment()),
                assertThrows(BrokenBundle.class, () -> commitments.check(22, null, doc(22, forged), false, false)).problem());
        SealedBidPlaced leaky = new SealedBidPlaced(20, 23, "Investor-08", 2, null, NONCE, "cd".repeat(32));
        assertEquals(new Problem(23, "a redacted sealed bid still carries its price or nonce"),
                assertThrows(BrokenBundle.class, () -> commitments.check(23, null, doc(23, leaky), true, true)).problem());
    }

    @Test
    void aSignedCommandWithANonceMakesACommitmentMandatory() throws BrokenBundle {
        CommandRecord record = new CommandRecord(CommandRecord.VERSION, 21, 1_795_000_000_000L, null,
                new PlaceSealedBid(20, PRICE, NONCE));
        SealedBidPlaced bare = new SealedBidPlaced(20, 21, "Investor-07", 1, PRICE, null, null);
        assertEquals(new Problem(21, "sealed bid 21 carries a nonce but no commitment"),
                assertThrows(BrokenBundle.class, () -> commitments.check(21, record, doc(21, bare), false, false)).problem());
    }

    @Test
    void aBidCountsOnceThoughItIsOpenedAtItsPlacementAndAgainAtTheClose() throws BrokenBundle {
        commitments.check(21, null, doc(21, PLACED), false, false);
        commitments.check(30, null, doc(30, closing(PRICE, NONCE)), false, false);
        assertEquals(1, commitments.opened());
    }

    @Test
    void bidsFromBeforeNoncesCarryNoCommitmentAndAreNotChecked() throws BrokenBundle {
        commitments.check(21, null, doc(21, new SealedBidPlaced(20, 21, "Investor-07", 1, PRICE, null, null)), false, false);
        commitments.check(30, null, doc(30, closing(PRICE, null)), false, false);
        assertEquals(0, commitments.opened());
    }
}
