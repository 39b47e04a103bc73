package fundexchange.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.RecordSamples;
import fundexchange.protocol.SignedRequest;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.custody.CustodyEntry;

import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.PlaceOrder;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.SetPlatformParameter;
import fundexchange.protocol.command.SubmitCustody;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.event.AuctionClosed;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.OrderAccepted;
import fundexchange.protocol.event.OrderCancelled;
import fundexchange.protocol.listing.BidStatus;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link HexDump}: the spans of an accepted document tile it byte for byte, each named by its field path with its
 * value; it accepts exactly what the strict decoder accepts (fuzzed, as {@link JournalBinaryPrefixTest} fuzzes
 * {@code prefixEnd}); a refused document ends its dump by saying where and why, and no input makes it throw or loop.
 */
class HexDumpTest {
    private static final SignedRequest REQUEST = new SignedRequest("Investor-07", "Investor-07-k1", "ED25519", "c2ln",
            1_795_000_000_000L, "req-1", "POST", "/orders", null, "ab".repeat(32), "{\"fundCode\":\"DGF3\"}", "FXS2");
    private static final byte[] SIGNED = JournalBinary.encode(CommandRecord.signed(12, 1_795_000_000_123L, REQUEST,
            new PlaceOrder("DGF3", Side.SELL, new Units(100_000), new Price(9_000))));
    private static final byte[] TICK = JournalBinary.encode(CommandRecord.unsigned(13, 1_795_000_000_124L, new Tick()));
    private static final byte[] PROPOSE = JournalBinary.encode(CommandRecord.unsigned(14, 1_795_000_000_125L,
            new Propose(new SetPlatformParameter("bid-deposit-bp", "500"))));
    private static final byte[] CUSTODY = JournalBinary.encode(CommandRecord.unsigned(15, 1_795_000_000_126L,
            new SubmitCustody("DGF3", List.of(
                    new CustodyEntry("Holder-01", new Units(40_000_000), new Money(50_000_000), new Money(40_000_000), null),
                    new CustodyEntry("Holder-02", new Units(10_000_000), new Money(10_000_000), new Money(10_000_000),
                            new Money(9_000_000))), "cd".repeat(32))));
    private static final byte[] EVENTS = JournalBinary.encode(new EventDocument(EventDocument.VERSION, 12, 1_795_000_000_123L,
            "Investor-07", "req-1", Outcome.rejected(1001, "X", "a message \"quoted\" \ud800"), List.of(
            new OrderAccepted(7, "DGF3", "Investor-07", Side.SELL, new Units(100_000), new Price(9_000)),
            new OrderCancelled(7, "DGF3", "Investor-07", Side.SELL, new Units(256), 0, "cancelled"))));
    private static final byte[] CLOSED = JournalBinary.encode(new EventDocument(EventDocument.VERSION, 16, 1_795_000_000_127L,
            null, null, Outcome.ACCEPTED, List.of(new AuctionClosed(9, ListingMechanism.SEALED, List.of(
                    new AuctionClosed.ClosedBid(10, "Investor-07", 1, new Price(9_500), BidStatus.WON, null, null, "ef".repeat(32)),
                    new AuctionClosed.ClosedBid(11, "Investor-08", 2, new Price(9_000), BidStatus.PASSED_OVER, 8037,
                            "DEPOSIT_INSUFFICIENT", "01".repeat(32))), 10, new Price(9_500)))));
    private static final List<byte[]> DOCUMENTS = List.of(SIGNED, TICK, PROPOSE, CUSTODY, EVENTS, CLOSED);
    /** The documents above and, for every command and event type of the schema, a document holding a sample of it. */
    private static final List<byte[]> EVERY_TYPE = everyType();

    @Test
    void theSpansOfAnAcceptedDocumentTileItInByteOrder() {
        for (byte[] document : EVERY_TYPE) {
            HexDump.Walk walk = HexDump.walk(document);
            assertTrue(walk.accepted(), () -> "refused: " + walk.problem());
            int at = 0;
            for (HexDump.Span span : walk.spans()) {
                assertEquals(at, span.offset(), span.label());
                assertTrue(span.length() > 0, span.label());
                at += span.length();
            }
            assertEquals(document.length, at);
            assertFalse(HexDump.dump(document).contains("!!"));
        }
    }

    @Test
    void eachSpanNamesItsFieldPathAndValue() {
        List<String> signed = labels(SIGNED);
        assertEquals(List.of("magic 0xfe: binary", "encoding 2", "kind 'C': command record", "flags 0x01: request",
                "reserved", "version 1", "index 12", "time 1795000000123 (2026-11-18T11:06:40.123Z)",
                "command: type 27 PlaceOrder", "command: PlaceOrder, 31 bytes, 4 fields, fixed block 17",
                "command: present 0 1 2 3", "command.side = SELL (code 1)", "command.units = 1000.00 (units, raw 100000)",
                "command.price = 0.9000 (price, raw 9000)", "command.fundCode = \"DGF3\""), signed.subList(0, 15));
        assertTrue(signed.contains("request.bodyDigest = \"" + "ab".repeat(20) + "...\""), signed.toString());
        assertTrue(labels(TICK).containsAll(List.of("flags 0x00: no request (unsigned)", "command: type 2 Tick",
                "command: Tick, 8 bytes, 0 fields, fixed block 0")), labels(TICK).toString());
        assertTrue(labels(PROPOSE).containsAll(List.of("command.action: type 1004 SetPlatformParameter",
                "command.action.name = \"bid-deposit-bp\"", "command.action.value = \"500\"")), labels(PROPOSE).toString());
        assertTrue(labels(CUSTODY).containsAll(List.of("command.entries: 2 elements",
                "command.entries[0]: CustodyEntry, 43 bytes, 4 fields, fixed block 24",
                "command.entries[1].cost = 90000.00 (money, raw 9000000)", "command.entries[1].holder = \"Holder-02\"")),
                labels(CUSTODY).toString());
        assertTrue(labels(EVENTS).containsAll(List.of("outcome.status = REJECTED (code 1)", "outcome.code = 1001",
                "flags 0x0f: participant, clientRequestId, outcome.reason, outcome.message",
                "outcome.message = \"a message \\\"quoted\\\" \\ud800\"", "events: 2", "events[1]: type 2051 OrderCancelled",
                "events[1].rejectCode = 0")), labels(EVENTS).toString());
        assertTrue(labels(CLOSED).containsAll(List.of("events[0].bids: 2 elements", "events[0].bids[1].rejectCode = 8037",
                "events[0].bids[0].rejectCode absent", "events[0].bids[1].status = PASSED_OVER (code 4)")),
                labels(CLOSED).toString());
    }

    @Test
    void everyTruncationIsRefusedWithWhereAndWhyAndTheBytesLeftRaw() {
        for (byte[] document : DOCUMENTS) {
            for (int cut = 0; cut < document.length; cut++) {
                byte[] prefix = Arrays.copyOf(document, cut);
                HexDump.Walk walk = HexDump.walk(prefix);
                assertNotNull(walk.problem(), "a prefix of " + cut + " bytes");
                assertTrue(walk.covered() <= cut);
                String dump = HexDump.render(walk);
                assertTrue(dump.contains("!! refused"), dump);
                if (walk.covered() < cut) {
                    assertTrue(dump.contains("!! " + (cut - walk.covered()) + " bytes not decoded:"), dump);
                }
            }
        }
    }

    /**
     * An unknown type id is refused where it stands, with the strict decoder's reason, and the walk's spans stop before
     * it: a caller that must not show what a refused document holds ({@code journal dump --hex}) renders the spans
     * alone and shows no byte past the header. Only {@link HexDump#dump} adds the rest raw.
     */
    @Test
    void anUnknownTypeIdIsRefusedAsWrittenByANewerBuild() {
        byte[] document = TICK.clone();
        document[JournalBinary.OFFSET_COMMAND_TYPE] = (byte) 0xF0;
        HexDump.Walk walk = HexDump.walk(document);
        assertEquals(JournalBinary.OFFSET_COMMAND_TYPE, walk.problem().offset());
        assertEquals("type id 240 is unknown to this build: written by a newer build", HexDump.reason(walk.problem()));
        assertEquals(JournalBinary.HEADER_LENGTH, walk.covered());
        String header = HexDump.spans(document, walk.spans());
        assertTrue(header.endsWith("0010  7c 5e 56 ee a1 01 00 00                          time 1795000000124 (2026-11-18T11:06:40.124Z)\n"),
                header);
        assertFalse(header.contains("!!") || header.contains("f0 00"), header);
        assertTrue(HexDump.dump(document).contains("!! refused at byte 0018: type id 240 is unknown to this build: "
                + "written by a newer build\n!! 10 bytes not decoded:\n0018  f0 00 08 00"), HexDump.dump(document));
    }

    @Test
    void aJsonDocumentIsShownRawWithItsText() {
        byte[] json = "{\"version\":1,\"index\":1}".getBytes(StandardCharsets.UTF_8);
        assertEquals("0000  7b 22 76 65 72 73 69 6f 6e 22 3a 31 2c 22 69 6e  |{\"version\":1,\"in|\n"
                + "0010  64 65 78 22 3a 31 7d" + " ".repeat(27) + "  |dex\":1}|\n", HexDump.raw(json));
        assertFalse(HexDump.walk(json).accepted());
    }

    /**
     * Hostile bytes (seeded mutations of a document of every command and event type, so every field kind, sealed bids
     * included): the walk throws nothing, its spans stay within the document, it never refuses what the strict
     * decoder accepts (that it accepts nothing the decoder refuses holds by construction: it ends with
     * {@link JournalBinary#check}), and where both refuse they say the same words at the same byte (they share
     * {@link StructFrame}).
     */
    @Test
    void hostileBytesAreAcceptedExactlyWhenTheStrictDecoderAcceptsThemAndNeverThrow() {
        Random random = new Random(20261207L);
        int[] lengths = {Integer.MAX_VALUE, Integer.MAX_VALUE - 1, Integer.MAX_VALUE - 26, Integer.MIN_VALUE, -1, 0, 7, 8, 9};
        int accepted = 0;
        for (int run = 0; run < 100_000; run++) {
            byte[] source = EVERY_TYPE.get(random.nextInt(EVERY_TYPE.size()));
            byte[] bytes = Arrays.copyOf(source, random.nextInt(8) == 0 ? random.nextInt(source.length + 32) + 1 : source.length);
            for (int i = random.nextInt(4); i > 0; i--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(4) == 0 && bytes.length >= 8) {
                putInt(bytes, random.nextInt(bytes.length - 3), lengths[random.nextInt(lengths.length)]);
            }
            if (random.nextInt(16) == 0) {
                for (int i = 3; i < bytes.length; i++) {
                    bytes[i] = (byte) random.nextInt(256);
                }
            }
            HexDump.Walk walk;
            try {
                walk = HexDump.walk(bytes);
                HexDump.render(walk);
            } catch (RuntimeException e) {
                throw new AssertionError("run " + run + " threw " + e, e);
            }
            assertTrue(walk.covered() <= bytes.length, "run " + run);
            String refusal = null;
            try {
                JournalBinary.check(bytes);
            } catch (WireFormatException e) {
                refusal = e.getMessage();
            }
            boolean strict = refusal == null;
            assertEquals(strict, walk.accepted(), "run " + run + ": " + walk.problem());
            assertEquals(refusal, strict ? null : walk.problem().getMessage(), "run " + run);
            accepted += strict ? 1 : 0;
        }
        assertTrue(accepted > 100, accepted + " accepted: the fuzzing should keep some documents whole");
    }

    private static List<byte[]> everyType() {
        List<byte[]> documents = new ArrayList<>(DOCUMENTS);
        int commands = 0;
        int events = 0;
        int expected = 0;
        for (WireType type : WireSchema.journal().types()) {
            expected += Command.class.isAssignableFrom(type.type()) || Event.class.isAssignableFrom(type.type()) ? 1 : 0;
            Object sample;
            try {
                sample = RecordSamples.sample(type.type());
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("no sample of " + type.type().getSimpleName(), e);
            }
            if (sample instanceof Command command) {
                documents.add(JournalBinary.encode(CommandRecord.signed(type.id(), 1_795_000_000_000L + type.id(), REQUEST, command)));
                commands++;
            } else if (sample instanceof Event event) {
                documents.add(JournalBinary.encode(new EventDocument(EventDocument.VERSION, type.id(), 1_795_000_000_000L,
                        "Investor-07", "r-" + type.id(), Outcome.ACCEPTED, List.of(event))));
                events++;
            }
        }
        if (commands + events != expected || commands == 0 || events < 98) {
            throw new AssertionError(commands + " commands and " + events + " events of " + expected + " types");
        }
        return List.copyOf(documents);
    }

    private static List<String> labels(byte[] document) {
        return HexDump.walk(document).spans().stream().map(HexDump.Span::label).toList();
    }

    private static void putInt(byte[] bytes, int at, int value) {
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
    }
}
