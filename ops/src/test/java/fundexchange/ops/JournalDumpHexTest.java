package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.engine.Engine;
import fundexchange.journal.JournalEncoding;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.book.Side;
import fundexchange.client.SealedBidBody;
import fundexchange.journal.JournalDocuments;
import fundexchange.protocol.ChainHash;
import fundexchange.protocol.SignedRequest;
import fundexchange.protocol.command.AmendSealedBid;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.PlaceOrder;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.command.PostOffer;
import fundexchange.protocol.command.RegisterAppraisal;
import fundexchange.protocol.command.spec.CommandSpecs;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.ListingExpired;
import fundexchange.protocol.event.SealedBidPlaced;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.wire.JournalBinary;
import fundexchange.protocol.wire.WireSchema;
import fundexchange.testsupport.JournalWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code journal dump --hex|--bytes} keeps sealed bids sealed as the JSON dump does (no byte of a withheld command or a
 * redacted event document) and fails closed: a document the strict decoder refuses shows no byte past its header,
 * whatever its type id says, and the dump fails (exit code 1) after printing the rest.
 */
class JournalDumpHexTest {
    private static final long T = 1_795_000_000_000L;
    private static final String NONCE = "ab".repeat(32);
    @TempDir
    Path temp;

    @Test
    void anOpenSealedBidPrintsNoByteOfItsCommandOrEventDocument() {
        Path data = temp.resolve("sealed");
        try (JournalWriter writer = new JournalWriter(data, new Engine(), JournalEncoding.BINARY)) {
            writer.append(CommandRecord.unsigned(1, T, new PlaceSealedBid(5, new Price(9_500), NONCE)),
                    new EventDocument(EventDocument.VERSION, 1, T, "Investor-07", "req-1", Outcome.ACCEPTED, List.of(
                            new SealedBidPlaced(5, 1, "Investor-07", 1, new Price(9_500), NONCE, "cd".repeat(32)))));
        }
        for (String option : List.of("--hex", "--bytes")) {
            Result result = dump(data, option);
            assertEquals(0, result.exit(), result.out());
            List<String> lines = result.out().lines().toList();
            assertEquals(2, lines.size(), result.out());
            assertTrue(lines.get(0).startsWith("index 1 command record: withheld (a sealed bid until its listing closes), commandDigest "),
                    result.out());
            assertTrue(lines.get(1).startsWith("index 1 event document: redacted (a sealed bid's price), as JSON: {"), result.out());
            assertNoSealedBid(result.out());
        }
    }

    /**
     * A damaged document is refused: its header's fields, the reason when the problem is in the header, its digest, no
     * byte past the header (there a damaged sealed bid's price would be), and the dump fails after printing the rest.
     */
    @Test
    void aDamagedBinaryDocumentShowsOnlyItsHeaderAndTheDumpFails() {
        Path data = temp.resolve("damaged");
        byte[] order = JournalBinary.encode(CommandRecord.unsigned(1, T,
                new PlaceOrder("DGF3", Side.SELL, new Units(100_000), new Price(9_000))));
        order[0x23] = 7;
        byte[] sealed = JournalBinary.encode(CommandRecord.unsigned(2, T, new PlaceSealedBid(5, new Price(9_500), NONCE)));
        sealed[sealed.length - 1] = (byte) 0xFF;
        byte[] flags = JournalBinary.encode(CommandRecord.unsigned(3, T, new Tick()));
        flags[JournalBinary.OFFSET_FLAGS] = 0x40;
        write(temp.resolve("damaged"), List.of(order, sealed, flags), List.of(ACCEPTED, ACCEPTED, ACCEPTED));
        for (String option : List.of("--hex", "--bytes")) {
            Result result = dump(data, option);
            assertEquals(1, result.exit(), result.out());
            String out = result.out();
            assertTrue(out.contains("index 1 command record: binary (encoding 2), refused by this build's decoder\n"), out);
            assertTrue(out.contains("!! refused past the header: the reason is not shown (it may quote what the rest holds)\n"
                    + "!! the rest is not shown (it may hold a sealed bid), commandDigest "), out);
            assertTrue(out.contains("index 2 command record: binary (encoding 2), refused by this build's decoder\n"), out);
            assertTrue(out.contains("!! refused at byte 0003: unknown command record flags 0x40\n"), out);
            assertFalse(out.contains("a0 86") || out.contains("44 47 46 33"), "no byte of the damaged PlaceOrder's body: " + out);
            assertTrue(result.err().contains("error: 3 document(s) refused by this build's decoder: see the lines starting with !!"),
                    result.err());
            assertNoSealedBid(out);
        }
        assertTrue(dump(data, "--hex").out().contains("0018  1b 00                                            command: type 27 PlaceOrder\n"
                + "!! refused past the header"), "the command type id is part of the header");
    }

    /**
     * A sealed bid whose type id is unknown (a newer build's) or was changed into another command's, and a
     * {@code SealedBidPlaced} whose type id is unknown: none of their price or nonce bytes are printed, whatever the
     * option, and no sealed bid is taken for something else.
     */
    @Test
    void aSealedBidWithAnUnknownOrChangedTypeIdPrintsNoPriceOrNonce() {
        Path data = temp.resolve("retyped");
        byte[] unknown = JournalBinary.encode(CommandRecord.unsigned(1, T, new PlaceSealedBid(5, new Price(9_500), NONCE)));
        putShort(unknown, JournalBinary.OFFSET_COMMAND_TYPE, 999);
        byte[] retyped = JournalBinary.encode(CommandRecord.unsigned(2, T, new PlaceSealedBid(5, new Price(9_500), NONCE)));
        putShort(retyped, JournalBinary.OFFSET_COMMAND_TYPE, WireSchema.journal().typeOf(PlaceOrder.class).id());
        byte[] placed = JournalBinary.encode(new EventDocument(EventDocument.VERSION, 3, T, "Investor-07", "req-1",
                Outcome.ACCEPTED, List.of(new SealedBidPlaced(5, 1, "Investor-07", 1, new Price(9_500), NONCE, "cd".repeat(32)))));
        int firstEvent = JournalBinary.OFFSET_EVENT_STRINGS + 1 + "Investor-07".length() + 1 + "req-1".length();
        assertEquals(WireSchema.journal().typeOf(SealedBidPlaced.class).id(), getShort(placed, firstEvent));
        putShort(placed, firstEvent, 3851);
        byte[] rejected = JournalBinary.encode(new EventDocument(EventDocument.VERSION, 1, T, null, null,
                Outcome.rejected(1001, "X", "no"), List.of()));
        write(data, List.of(unknown, retyped, JournalBinary.encode(CommandRecord.unsigned(3, T, new Tick()))),
                List.of(rejected, rejected, placed));
        for (String option : List.of("--hex", "--bytes")) {
            Result result = dump(data, option);
            String out = result.out();
            assertEquals(1, result.exit(), out);
            assertNoSealedBid(out);
            assertTrue(result.err().contains("error: 3 document(s) refused"), result.err());
            assertTrue(out.contains("index 3 event document: binary (encoding 2), refused by this build's decoder\n"), out);
            assertTrue(out.contains("index 3 command record: binary (encoding 2), 34 bytes\n"), out);
        }
        String hex = dump(data, "--hex").out();
        assertTrue(hex.contains("index 1 command record: binary (encoding 2), refused by this build's decoder\n"
                + "0000  fe                                               magic 0xfe: binary\n"), hex);
        assertTrue(hex.contains("!! refused at byte 0018: type id 999 is unknown to this build: written by a newer build\n"
                + "!! the rest is not shown (it may hold a sealed bid), commandDigest "), hex);
        assertTrue(hex.contains("events: 1\n!! refused past the header"), hex);
    }

    /**
     * An event document that does not decode does not stop the dump (M1); from it on every sealed bid stays withheld
     * even where its listing closed later, and a bid before it whose listing's close was read is shown. The JSON dump
     * still stops, naming the document.
     */
    @Test
    void anUnreadableEventDocumentKeepsEverySealedBidFromItOnWithheld() {
        Path data = temp.resolve("doubt");
        SealedBidPlaced first = new SealedBidPlaced(5, 1, "Investor-07", 1, new Price(9_500), NONCE, "cd".repeat(32));
        SealedBidPlaced second = new SealedBidPlaced(5, 2, "Investor-08", 2, new Price(9_400), "ef".repeat(32), "01".repeat(32));
        byte[] broken = JournalBinary.encode(new EventDocument(EventDocument.VERSION, 2, T, null, null, Outcome.ACCEPTED, List.of()));
        broken = Arrays.copyOf(broken, broken.length + 1);
        write(data, List.of(
                JournalBinary.encode(CommandRecord.unsigned(1, T, new PlaceSealedBid(5, new Price(9_500), NONCE))),
                JournalBinary.encode(CommandRecord.unsigned(2, T, new Tick())),
                JournalBinary.encode(CommandRecord.unsigned(3, T, new PlaceSealedBid(5, new Price(9_400), "ef".repeat(32)))),
                JournalBinary.encode(CommandRecord.unsigned(4, T, new Tick()))), List.of(
                events(1, first), broken, events(3, second), events(4, new ListingExpired(5, new Units(100)))));
        for (String option : List.of("--hex", "--bytes")) {
            Result result = dump(data, option);
            String out = result.out();
            assertEquals(1, result.exit(), out);
            assertTrue(out.contains("index 1 command record: binary (encoding 2), "), out);
            assertTrue(out.contains("1c 25"), "the bid before the unreadable document closed: " + out);
            assertTrue(out.contains("index 2 event document: binary (encoding 2), refused by this build's decoder\n"), out);
            assertTrue(out.contains("index 3 command record: withheld (a sealed bid until its listing closes)"), out);
            assertTrue(out.contains("index 3 event document: redacted (a sealed bid's price)"), out);
            assertFalse(out.contains("b8 24") || out.contains("65 66 65 66") || out.contains("efefefefefefefef"), out);
            assertTrue(out.contains("index 4 event document: binary (encoding 2), "), out);
            assertTrue(result.err().contains("error: 1 document(s) refused"), result.err());
        }
        Result json = dump(data);
        assertEquals(1, json.exit());
        assertTrue(json.err().contains("error: event document 2 does not decode"), json.err());
    }

    /**
     * A sealed bid whose event document is not written yet (a dump beside a live node between its two appends, or a
     * crash between them) stays withheld in every dump, even on a listing that closed before it: like a bid whose
     * event document is unreadable, its outcome is unknown, and a rejected bid stays sealed for good.
     */
    @Test
    void aSealedBidWhoseEventDocumentIsNotWrittenYetStaysWithheld() {
        Path data = temp.resolve("behind");
        write(data, List.of(
                JournalBinary.encode(CommandRecord.unsigned(1, T, new Tick())),
                JournalBinary.encode(CommandRecord.unsigned(2, T, new PlaceSealedBid(5, new Price(9_500), NONCE)))),
                List.of(events(1, new ListingExpired(5, new Units(100)))));
        for (String option : List.of("--hex", "--bytes")) {
            Result result = dump(data, option);
            String out = result.out();
            assertEquals(0, result.exit(), out);
            assertTrue(out.contains("index 2 command record: withheld (a sealed bid until its listing closes), commandDigest "), out);
            assertTrue(out.contains("index 2 event document: none yet\n"), out);
            assertNoSealedBid(out);
        }
        Result json = dump(data);
        assertEquals(0, json.exit(), json.err());
        List<String> lines = json.out().lines().toList();
        assertEquals(2, lines.size(), json.out());
        assertTrue(lines.get(1).startsWith("{\"index\":2,\"commandWithheld\":true,\"commandDigest\":\""), json.out());
        assertTrue(lines.get(1).endsWith(",\"event\":null}"), json.out());
        assertNoSealedBid(json.out());
    }

    /**
     * A signed sealed bid whose binary type id was changed into {@code PostOffer}'s or {@code RegisterAppraisal}'s
     * decodes strictly as that command (its fund code the nonce, a units field the price); it is still withheld by the
     * JSON dump and both hex dumps, since its signed request is a sealed bid's, whether it was rejected (withheld for
     * good) or accepted on a listing still open.
     */
    @Test
    void aSignedSealedBidRetypedAsAnotherCommandIsWithheldInEveryDump() {
        Path data = temp.resolve("retyped-signed");
        byte[] offer = retype(JournalBinary.encode(signed(2, new PlaceSealedBid(5, new Price(9_500), NONCE))), PostOffer.class);
        byte[] appraisal = retype(JournalBinary.encode(signed(3, new AmendSealedBid(2, new Price(9_500), NONCE))),
                RegisterAppraisal.class);
        write(data, List.of(JournalBinary.encode(CommandRecord.unsigned(1, T, new Tick())), offer, appraisal), List.of(
                ACCEPTED,
                JournalBinary.encode(new EventDocument(EventDocument.VERSION, 2, T, "Investor-07", "req-2",
                        Outcome.rejected(4029, "SEALED_BID_NONCE_REUSED", "no"), List.of())),
                JournalBinary.encode(new EventDocument(EventDocument.VERSION, 3, T, "Investor-07", "req-3", Outcome.ACCEPTED,
                        List.of(new SealedBidPlaced(5, 3, "Investor-07", 1, new Price(9_500), NONCE, "cd".repeat(32)))))));
        for (String option : List.of("--hex", "--bytes")) {
            Result result = dump(data, option);
            String out = result.out();
            assertEquals(0, result.exit(), out + result.err());
            assertTrue(out.contains("index 2 command record: withheld (a sealed bid until its listing closes)"), out);
            assertTrue(out.contains("index 3 command record: withheld (a sealed bid until its listing closes)"), out);
            assertNoSealedBid(out);
        }
        Result json = dump(data);
        assertEquals(0, json.exit(), json.err());
        List<String> lines = json.out().lines().toList();
        assertTrue(lines.get(1).startsWith("{\"index\":2,\"commandWithheld\":true,"), json.out());
        assertTrue(lines.get(2).startsWith("{\"index\":3,\"commandWithheld\":true,"), json.out());
        assertNoSealedBid(json.out());
    }

    /**
     * An accepted sealed bid whose {@code SealedBidPlaced} was renamed in its JSON event document (it then reads as a
     * {@code BidPlaced} with the price) has no bid of its own to redact: the hex dumps show neither document and fail,
     * and the JSON dump stops there, naming the index.
     */
    @Test
    void anAcceptedSealedBidWhoseSealedBidPlacedWasRenamedShowsNeitherDocument() {
        Path data = temp.resolve("renamed");
        String renamed = new String(JournalDocuments.encode(new EventDocument(EventDocument.VERSION, 2, T, "Investor-07",
                "req-2", Outcome.ACCEPTED, List.of(new SealedBidPlaced(5, 2, "Investor-07", 1, new Price(9_500), NONCE,
                        "cd".repeat(32)))), JournalEncoding.JSON), StandardCharsets.UTF_8)
                .replace("\"SealedBidPlaced\"", "\"BidPlaced\"");
        write(data, List.of(JournalBinary.encode(CommandRecord.unsigned(1, T, new Tick())),
                        JournalDocuments.encode(signed(2, new PlaceSealedBid(5, new Price(9_500), NONCE)), JournalEncoding.JSON)),
                List.of(ACCEPTED, renamed.getBytes(StandardCharsets.UTF_8)));
        for (String option : List.of("--hex", "--bytes")) {
            Result result = dump(data, option);
            String out = result.out();
            assertEquals(1, result.exit(), out);
            assertTrue(out.contains("index 2 command record: withheld (a sealed bid until its listing closes)"), out);
            assertTrue(out.contains("index 2 event document: not shown: it holds a sealed bid that could not be redacted"), out);
            assertTrue(result.err().contains("1 that could not be redacted"), result.err());
            assertNoSealedBid(out);
        }
        Result json = dump(data);
        assertEquals(1, json.exit());
        assertTrue(json.err().contains("event document 2 holds no sealed bid of its accepted sealed-bid command"), json.err());
        assertNoSealedBid(json.out());
    }

    /** A sealed bid's record at {@code index} as the gateway journals it: its endpoint and its padded signed body. */
    private static CommandRecord signed(long index, Command bid) {
        String path = bid instanceof PlaceSealedBid place
                ? CommandSpecs.endpoint(PlaceSealedBid.class).expand(place.listingId())
                : CommandSpecs.endpoint(AmendSealedBid.class).expand(((AmendSealedBid) bid).bidId());
        String body = new SealedBidBody("0.9500", NONCE).json();
        return CommandRecord.signed(index, T, new SignedRequest("Investor-07", "Investor-07-k1", "ED25519", "c2ln", T,
                "req-" + index, "POST", path, "", ChainHash.hex(ChainHash.digest(body.getBytes(StandardCharsets.UTF_8))),
                body, "FXS2"), bid);
    }

    private static byte[] retype(byte[] record, Class<?> type) {
        putShort(record, JournalBinary.OFFSET_COMMAND_TYPE, WireSchema.journal().typeOf(type).id());
        return record;
    }

    @Test
    void hexAndBytesExcludeEachOtherAsAUsageError() {
        Result result = dump(temp, "--hex", "--bytes");
        assertEquals(2, result.exit());
        assertTrue(result.err().contains("--hex and --bytes exclude each other"), result.err());
    }

    private static final byte[] ACCEPTED = JournalBinary.encode(new EventDocument(EventDocument.VERSION, 1, T, null, null,
            Outcome.ACCEPTED, List.of()));

    private static byte[] events(long index, Event... events) {
        return JournalBinary.encode(new EventDocument(EventDocument.VERSION, index, T, null, null, Outcome.ACCEPTED, List.of(events)));
    }

    /** No byte of the sealed bid at price 0.9500 with nonce "abab...": not in hex, in ASCII, in a label or in JSON. */
    private static void assertNoSealedBid(String out) {
        for (String secret : List.of("1c 25", "0.95", "61 62 61 62", "|abababababababab|", "abababababababab")) {
            assertFalse(out.contains(secret), secret + " in " + out);
        }
    }

    private static void write(Path data, List<byte[]> commandRecords, List<byte[]> eventDocuments) {
        try (Journals journals = Journals.open(data);
             ChronicleJournal.Writer commands = journals.commands().writer();
             ChronicleJournal.Writer events = journals.events().writer()) {
            commandRecords.forEach(commands::append);
            eventDocuments.forEach(events::append);
        }
    }

    private static void putShort(byte[] bytes, int at, int value) {
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(at, (short) value);
    }

    private static int getShort(byte[] bytes, int at) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getShort(at) & 0xFFFF;
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result dump(Path data, String... options) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = ExchangeCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] arguments = new String[4 + options.length];
        arguments[0] = "journal";
        arguments[1] = "dump";
        arguments[2] = "--data-dir";
        arguments[3] = data.toString();
        System.arraycopy(options, 0, arguments, 4, options.length);
        return new Result(cli.execute(arguments), out.toString(), err.toString());
    }
}
