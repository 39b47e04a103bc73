package fundexchange.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.SignedRequest;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.command.PlaceOrder;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.event.OrderAccepted;
import fundexchange.protocol.event.OrderCancelled;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link JournalBinary#prefixEnd}: every prefix a crash can leave (a document's first bytes, then zeros) is accepted
 * as one, a whole document ends where it ends (so bytes after it show), and a fully written byte that contradicts the
 * layout stops the walk where it lies.
 */
class JournalBinaryPrefixTest {
    private static final SignedRequest REQUEST = new SignedRequest("Investor-07", "Investor-07-k1", "ED25519", "c2ln",
            1_795_000_000_000L, "req-1", "POST", "/orders", null, "ab".repeat(32), "{\"fundCode\":\"DGF3\"}", "FXS2");
    private static final byte[] COMMAND = JournalBinary.encode(CommandRecord.signed(12, 1_795_000_000_123L, REQUEST,
            new PlaceOrder("DGF3", Side.SELL, new Units(100_000), new Price(9_000))));
    private static final byte[] UNSIGNED = JournalBinary.encode(CommandRecord.unsigned(13, 1_795_000_000_124L, new Tick()));
    private static final byte[] EVENTS = JournalBinary.encode(new EventDocument(EventDocument.VERSION, 12, 1_795_000_000_123L,
            "Investor-07", "req-1", Outcome.rejected(1001, "X", "a message"), List.of(
            new OrderAccepted(7, "DGF3", "Investor-07", Side.SELL, new Units(100_000), new Price(9_000)),
            new OrderCancelled(7, "DGF3", "Investor-07", Side.SELL, new Units(256), 0, "cancelled"))));

    @Test
    void everyPrefixOfADocumentThenZerosIsAPrefixAndAWholeOneEndsAtItsEnd() {
        for (byte[] document : List.of(COMMAND, UNSIGNED, EVENTS)) {
            for (int cut = 0; cut <= document.length; cut++) {
                byte[] region = Arrays.copyOf(Arrays.copyOf(document, cut), document.length + 40);
                int end = JournalBinary.prefixEnd(region, 0, region.length);
                assertTrue(zerosFrom(region, end), "a prefix of " + cut + " bytes stopped at " + end);
            }
            byte[] followed = Arrays.copyOf(document, document.length + 1);
            followed[document.length] = 1;
            assertEquals(document.length, JournalBinary.prefixEnd(followed, 0, followed.length), "a whole document");
        }
    }

    @Test
    void aWholeDocumentFollowedByMoreBytesEndsWhereItEndsSoTheBytesAfterItShow() {
        byte[] region = new byte[8 + COMMAND.length + 4 + EVENTS.length + 16];
        System.arraycopy(COMMAND, 0, region, 8, COMMAND.length);
        System.arraycopy(EVENTS, 0, region, 8 + COMMAND.length + 4, EVENTS.length);
        assertEquals(8 + COMMAND.length, JournalBinary.prefixEnd(region, 8, region.length));
    }

    @Test
    void aWrittenByteThatContradictsTheLayoutStopsTheWalkWhereItLies() {
        byte[] magic = EVENTS.clone();
        magic[0] = '{';
        assertEquals(0, JournalBinary.prefixEnd(magic, 0, magic.length));
        byte[] reserved = COMMAND.clone();
        reserved[JournalBinary.OFFSET_RESERVED + 1] = 1;
        assertEquals(0, JournalBinary.prefixEnd(reserved, 0, reserved.length));
        byte[] status = EVENTS.clone();
        status[JournalBinary.OFFSET_STATUS] = 3;
        assertEquals(0, JournalBinary.prefixEnd(status, 0, status.length));
        byte[] structLength = COMMAND.clone();
        putInt(structLength, JournalBinary.OFFSET_COMMAND, 7);
        assertEquals(JournalBinary.OFFSET_COMMAND, JournalBinary.prefixEnd(structLength, 0, structLength.length));
        byte[] unsigned = COMMAND.clone();
        unsigned[JournalBinary.OFFSET_FLAGS] = 0;
        int end = JournalBinary.prefixEnd(unsigned, 0, unsigned.length);
        assertEquals(JournalBinary.OFFSET_COMMAND + WireBuffer.getInt(COMMAND, JournalBinary.OFFSET_COMMAND), end,
                "a damaged flag ends the record after its command, and the request's bytes show after it");
    }

    private static void putInt(byte[] bytes, int at, int value) {
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(at, value);
    }

    private static boolean zerosFrom(byte[] region, int from) {
        for (int i = from; i < region.length; i++) {
            if (region[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
