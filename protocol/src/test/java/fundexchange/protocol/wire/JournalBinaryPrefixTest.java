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
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
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
                byte[] padded = Arrays.copyOf(Arrays.copyOf(document, cut), document.length + 40);
                int end = JournalBinary.prefixEnd(padded, 0, padded.length);
                assertTrue(zerosFrom(padded, end, padded.length), "a padded prefix of " + cut + " bytes stopped at " + end);
            }
            byte[] followed = Arrays.copyOf(document, document.length + 1);
            followed[document.length] = 1;
            assertEquals(document.length, JournalBinary.prefixEnd(followed, 0, followed.length), "a whole document");
        }
    }

    /** {@code JournalFrames} passes the written part cut at its last non-zero byte, so a tail can be 1 byte long. */
    @Test
    void everyTrimmedPrefixIsAcceptedUpToItsLastByte() {
        for (byte[] document : List.of(COMMAND, UNSIGNED, EVENTS)) {
            for (int cut = 1; cut <= document.length; cut++) {
                byte[] prefix = Arrays.copyOf(document, cut);
                int end = JournalBinary.prefixEnd(prefix, 0, cut);
                assertTrue(end >= 0 && end <= cut && zerosFrom(prefix, end, cut), "a prefix of " + cut + " bytes stopped at " + end);
            }
        }
        for (byte[] tail : List.of(new byte[] {JournalBinary.MAGIC}, new byte[] {JournalBinary.MAGIC, 2},
                new byte[] {JournalBinary.MAGIC, 2, 'C'}, new byte[] {JournalBinary.MAGIC, 2, 'E'})) {
            assertEquals(tail.length, JournalBinary.prefixEnd(tail, 0, tail.length), "a " + tail.length + "-byte tail");
        }
        assertEquals(0, JournalBinary.prefixEnd(new byte[] {JournalBinary.MAGIC, 3}, 0, 2), "an unknown encoding");
        assertEquals(0, JournalBinary.prefixEnd(new byte[] {JournalBinary.MAGIC, 2, 'X'}, 0, 3), "an unknown kind");
    }

    /** A walk that answered the region's end for every prefix would hide a later record behind a torn tail. */
    @Test
    void aPrefixFollowedByZerosAndThenAByteStopsBeforeThatByte() {
        for (byte[] document : List.of(COMMAND, UNSIGNED, EVENTS)) {
            int stray = document.length + 8;
            for (int cut = 0; cut <= document.length; cut++) {
                byte[] region = Arrays.copyOf(Arrays.copyOf(document, cut), stray + 4);
                region[stray] = 1;
                int end = JournalBinary.prefixEnd(region, 0, region.length);
                assertTrue(end <= stray, "a prefix of " + cut + " bytes stopped at " + end + ", past the byte at " + stray);
            }
        }
    }

    @Test
    void aLengthNearTheLargestIntEndsTheWalkAtTheWrittenPartInsteadOfOverflowing() {
        byte[] signed = Arrays.copyOf(COMMAND, 40);
        signed[39] = 1;
        putInt(signed, JournalBinary.OFFSET_COMMAND, Integer.MAX_VALUE - JournalBinary.OFFSET_COMMAND);
        assertEquals(40, JournalBinary.prefixEnd(signed, 0, 40));
        putInt(signed, JournalBinary.OFFSET_COMMAND, Integer.MAX_VALUE);
        assertEquals(40, JournalBinary.prefixEnd(signed, 0, 40));
        byte[] events = EVENTS.clone();
        putInt(events, JournalBinary.OFFSET_EVENT_COUNT, Integer.MAX_VALUE);
        int end = JournalBinary.prefixEnd(events, 0, events.length);
        assertTrue(end >= 0 && end <= events.length, "a huge event count stopped at " + end);
    }

    /**
     * Hostile bytes (seeded, so the run is the same every time): {@code prefixEnd} answers a position within the
     * region and throws nothing; the strict readers of a document's header refuse with a {@link WireFormatException}
     * and nothing else. Every walk advances by at least a struct header, so none loops.
     */
    @Test
    void hostileBytesNeverThrowAndAnswerWithinTheRegion() {
        Random random = new Random(20261207L);
        List<byte[]> documents = List.of(COMMAND, UNSIGNED, EVENTS);
        int[] lengths = {Integer.MAX_VALUE, Integer.MAX_VALUE - 1, Integer.MAX_VALUE - 26, Integer.MIN_VALUE, -1, 0, 7, 8, 9};
        for (int run = 0; run < 200_000; run++) {
            byte[] source = documents.get(random.nextInt(documents.size()));
            byte[] bytes = Arrays.copyOf(source, random.nextInt(source.length + 32) + 1);
            for (int i = random.nextInt(6); i > 0; i--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            if (random.nextBoolean() && bytes.length >= 8) {
                putInt(bytes, random.nextInt(bytes.length - 3), lengths[random.nextInt(lengths.length)]);
            }
            if (random.nextInt(8) == 0) {
                for (int i = 3; i < bytes.length; i++) {
                    bytes[i] = (byte) random.nextInt(256);
                }
            }
            int from = random.nextInt(Math.min(4, bytes.length));
            int limit = from + random.nextInt(bytes.length - from + 1);
            int end = JournalBinary.prefixEnd(bytes, from, limit);
            assertTrue(end >= from && end <= limit, "run " + run + ": " + end + " is outside " + from + ".." + limit);
            byte[] document = Arrays.copyOfRange(bytes, from, limit);
            onlyWireFormatException(() -> JournalBinary.eventTypeIds(document, id -> { }), run);
            onlyWireFormatException(() -> JournalBinary.commandTypeId(document), run);
        }
    }

    private static void onlyWireFormatException(Runnable read, int run) {
        try {
            read.run();
        } catch (WireFormatException expected) {
            // the documented refusal
        } catch (RuntimeException e) {
            throw new AssertionError("run " + run + " threw " + e, e);
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
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
    }

    private static boolean zerosFrom(byte[] region, int from, int to) {
        for (int i = from; i < to; i++) {
            if (region[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
