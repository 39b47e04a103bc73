package fundexchange.audit.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fundexchange.journal.JournalDocuments;
import fundexchange.journal.JournalEncoding;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.command.PostOffer;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.ListingExpired;
import fundexchange.protocol.event.SealedBidPlaced;
import fundexchange.protocol.listing.SealedCommitment;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.wire.JournalBinary;
import fundexchange.protocol.wire.WireSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The verifier refuses a bundle that shows a sealed bid an honest export withholds: one still open at the bundle's
 * last index, one that was not accepted, and one whose type id was changed into another command's.
 */
class ShownSealedBidsTest {
    private static final long T = 1_795_000_000_000L;
    private static final String NONCE = "5e".repeat(32);
    private static final Price PRICE = Price.of("1.2345");
    private static final PlaceSealedBid BID = new PlaceSealedBid(5, PRICE, NONCE);
    private static final byte[] SIGNED_BID = JournalBinary.encode(SealedBidRetypingTest.signed(BID));
    private final ShownSealedBids shown = new ShownSealedBids();

    private static byte[] answer(long index, Outcome outcome, Event... events) {
        return JournalDocuments.encode(new EventDocument(EventDocument.VERSION, index, T, null, null, outcome,
                List.of(events)), JournalEncoding.JSON);
    }

    private static byte[] tick(long index) {
        return JournalDocuments.encode(CommandRecord.unsigned(index, T, new Tick()), JournalEncoding.JSON);
    }

    private static final byte[] PLACED = answer(2, Outcome.ACCEPTED, new SealedBidPlaced(5, 2, "Investor-07", 1, PRICE,
            NONCE, SealedCommitment.of(NONCE, PRICE)));
    private static final byte[] REJECTED = answer(2, Outcome.rejected(4029, "SEALED_BID_NONCE_REUSED", "no"));
    private static final byte[] CLOSE = answer(3, Outcome.ACCEPTED, new ListingExpired(5, Units.of("10.00")));

    @Test
    void anHonestBundleShowsASealedBidWhoseListingClosesWithinIt() throws BrokenBundle {
        shown.line(1, tick(1), answer(1, Outcome.ACCEPTED), false);
        shown.line(2, SIGNED_BID, PLACED, false);
        shown.line(3, tick(3), CLOSE, false);
        shown.finish(3);
    }

    @Test
    void aSealedBidShownWhileItsListingIsStillOpenBreaksTheBundle() throws BrokenBundle {
        shown.line(1, tick(1), answer(1, Outcome.ACCEPTED), false);
        shown.line(2, SIGNED_BID, PLACED, false);
        shown.line(3, tick(3), answer(3, Outcome.ACCEPTED), false);
        assertBrokenAtTwo();
    }

    @Test
    void aRejectedSealedBidShownWhileItsListingIsOpenBreaksTheBundle() throws BrokenBundle {
        shown.line(2, SIGNED_BID, REJECTED, false);
        shown.line(3, tick(3), answer(3, Outcome.ACCEPTED), false);
        assertBrokenAtTwo();
    }

    /** Builds before rejected sealed bids were withheld for good showed them once their listing closed. */
    @Test
    void aRejectedSealedBidShownAfterItsListingClosedVerifiesAsOlderBuildsExportedIt() throws BrokenBundle {
        shown.line(2, SIGNED_BID, REJECTED, false);
        shown.line(3, tick(3), CLOSE, false);
        shown.finish(3);
    }

    @Test
    void aCloseClaimedInARedactedEventDocumentDoesNotLetAnOpenBidBeShown() throws BrokenBundle {
        shown.line(2, SIGNED_BID, PLACED, false);
        shown.line(3, null, CLOSE, true);
        assertBrokenAtTwo();
    }

    @Test
    void aSealedBidRetypedAsAnotherCommandAndShownBreaksTheBundle() throws BrokenBundle {
        byte[] retyped = SealedBidRetypingTest.retyped(SIGNED_BID, JournalBinary.OFFSET_COMMAND_TYPE,
                WireSchema.journal().typeOf(PostOffer.class).id());
        shown.line(2, retyped, PLACED, false);
        shown.line(3, tick(3), answer(3, Outcome.ACCEPTED), false);
        assertBrokenAtTwo();
    }

    @Test
    void aWithheldLineIsNotAskedAbout() throws BrokenBundle {
        shown.line(2, null, REJECTED, false);
        shown.finish(2);
    }

    private void assertBrokenAtTwo() {
        Problem problem = assertThrows(BrokenBundle.class, () -> shown.finish(3)).problem();
        assertEquals(new Problem(2, "a sealed bid is shown that an honest export through index 3 withholds: it was not"
                + " accepted, its listing had not closed, or it is not the sealed bid its signed request or nonce says"
                + " / 包中显示了截至索引 3 的诚实导出会扣留的密封出价：它未被接受、其挂牌尚未结束，或它不是其签名请求或随机数所示的密封出价",
                Part.COMMAND), problem);
    }
}
