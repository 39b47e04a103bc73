package fundexchange.ops.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.engine.Engine;
import fundexchange.journal.JournalCodec;
import fundexchange.journal.JournalEncoding;
import fundexchange.ops.ExchangeCommand;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.OutcomeStatus;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.SignedRequest;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.PlaceOrder;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.SetPlatformParameter;
import fundexchange.protocol.command.SubmitCustody;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.custody.CustodyEntry;
import fundexchange.protocol.event.AuctionClosed;
import fundexchange.protocol.event.ListingExpired;
import fundexchange.protocol.event.OrderAccepted;
import fundexchange.protocol.listing.BidStatus;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.testsupport.JournalWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/journal-format.md's hex dumps are {@code exchange journal dump --hex} of a fixed scenario, byte for byte, so
 * the doc cannot drift from the code (the whole dump is written to {@code target/journal-format-dump.txt}, from which
 * the doc's blocks are copied when the layout or the scenario changes): every fenced block of the doc whose first line is a dump heading
 * ({@code index N command record: ...}) equals that document's section of the dump, and the doc shows each record
 * kind issue 18's C6 lists. The scenario is fixed values written with the binary encoder (the engine decides none of
 * them): indexes 1 to 11 are {@code Tick}s, then 12 a signed {@code PlaceOrder} accepted with a deadline's event before
 * its own, 13 a {@code Tick} closing a sealed auction ({@code AuctionClosed.bids}), 14 an unsigned {@code Propose}
 * rejected, 15 an unsigned {@code SubmitCustody}, 16 a resend of 12's request, a DUPLICATE.
 */
class JournalFormatDocTest {
    private static final Path DOC = Path.of("..", "docs", "journal-format.md");
    private static final long T = 1_795_000_000_000L;
    /** The headings the doc must show, one per record kind of the C6 row. */
    private static final List<String> SHOWN = List.of(
            "index 12 command record:", "index 13 command record:", "index 14 command record:", "index 15 command record:",
            "index 12 event document:", "index 13 event document:", "index 14 event document:", "index 16 event document:");
    @TempDir
    Path temp;

    @Test
    void theDocsHexDumpsAreDumpHexOfTheFixedScenarioByteForByte() throws IOException {
        String dump = dumpHex(scenario());
        Files.writeString(Path.of("target", "journal-format-dump.txt"), dump);
        Map<String, String> sections = sections(dump);
        Map<String, String> shown = blocks(Files.readString(DOC));
        for (String heading : SHOWN) {
            assertTrue(shown.keySet().stream().anyMatch(h -> h.startsWith(heading)), "the doc shows no dump of " + heading);
        }
        assertEquals(SHOWN.size(), shown.size(), "the doc's dumps: " + shown.keySet());
        shown.forEach((heading, block) -> assertEquals(sections.get(heading), block,
                "docs/journal-format.md's dump under \"" + heading + "\" differs from journal dump --hex"));
    }

    @Test
    void aJsonDocumentIsShownRawUnderHexAndBytesShowsEveryDocumentRaw() throws IOException {
        Path data = temp.resolve("json");
        try (JournalWriter writer = new JournalWriter(data, new Engine())) {
            writer.append(CommandRecord.unsigned(1, T, new Tick()), document(1, null, null, Outcome.ACCEPTED));
        }
        String hex = dump(data, "--hex");
        assertTrue(hex.startsWith("index 1 command record: JSON (encoding 1), "), hex);
        assertTrue(hex.contains(", raw: JSON has no binary layout\n0000  7b 22"), hex);
        Path binary = scenario();
        String bytes = dump(binary, "--bytes", "--from", "13", "--to", "13");
        assertTrue(bytes.startsWith("index 13 command record: binary (encoding 2), 34 bytes\n0000  fe 02 43 00"), bytes);
        assertEquals(2, bytes.lines().filter(line -> line.startsWith("index ")).count(), bytes);
        assertTrue(bytes.lines().filter(line -> !line.startsWith("index ")).allMatch(line -> line.endsWith("|")), bytes);
    }

    private Path scenario() {
        Path data = temp.resolve("scenario");
        if (Files.isDirectory(data)) {
            return data;
        }
        try (JournalWriter writer = new JournalWriter(data, new Engine(), JournalEncoding.BINARY)) {
            for (int index = 1; index <= 11; index++) {
                writer.append(CommandRecord.unsigned(index, T + index, new Tick()), document(index, null, null, Outcome.ACCEPTED));
            }
            PlaceOrder order = new PlaceOrder("DGF3", Side.BUY, new Units(100_000), new Price(9_000));
            SignedRequest request = request("Investor-07", T + 11_900, "req-0012", "/orders", order);
            writer.append(CommandRecord.signed(12, T + 12_000, request, order), document(12, "Investor-07", "req-0012",
                    Outcome.ACCEPTED, new ListingExpired(9, new Units(40_000_000)),
                    new OrderAccepted(12, "DGF3", "Investor-07", Side.BUY, new Units(100_000), new Price(9_000))));
            writer.append(CommandRecord.unsigned(13, T + 13_000, new Tick()), document(13, null, null, Outcome.ACCEPTED,
                    new AuctionClosed(8, ListingMechanism.SEALED, List.of(
                            new AuctionClosed.ClosedBid(10, "Investor-07", 1, new Price(8_500), BidStatus.LOST, null, null,
                                    "0f".repeat(32)),
                            new AuctionClosed.ClosedBid(11, "Investor-08", 2, new Price(8_000), BidStatus.PASSED_OVER,
                                    RejectCode.DEPOSIT_NOT_AVAILABLE.code(), RejectCode.DEPOSIT_NOT_AVAILABLE.name(),
                                    "a5".repeat(32))), 0, null),
                    new ListingExpired(8, new Units(50_000_000))));
            Outcome unsigned = Outcome.rejected(RejectCode.SIGNATURE_REQUIRED.code(), RejectCode.SIGNATURE_REQUIRED.name(),
                    "command must be signed");
            writer.append(CommandRecord.unsigned(14, T + 14_000, new Propose(new SetPlatformParameter("bid-deposit-bp", "500"))),
                    document(14, null, null, unsigned));
            writer.append(CommandRecord.unsigned(15, T + 15_000, new SubmitCustody("DGF3", List.of(
                            new CustodyEntry("Holder-01", new Units(40_000_000), new Money(50_000_000), new Money(40_000_000), null),
                            new CustodyEntry("Holder-02", new Units(10_000_000), new Money(10_000_000), new Money(10_000_000),
                                    new Money(9_000_000))), "3c".repeat(32))),
                    document(15, null, null, unsigned));
            writer.append(CommandRecord.signed(16, T + 16_000, request, order), document(16, "Investor-07", "req-0012",
                    new Outcome(OutcomeStatus.DUPLICATE, 0, null, null, 12)));
        }
        return data;
    }

    private static EventDocument document(long index, String participant, String clientRequestId, Outcome outcome,
                                          fundexchange.protocol.event.Event... events) {
        return new EventDocument(EventDocument.VERSION, index, T + index * 1000, participant, clientRequestId, outcome,
                List.of(events));
    }

    /** A request as the client sends it, FXS2, with a fixed stand-in for its signature (nothing here verifies one). */
    private static SignedRequest request(String participant, long time, String clientRequestId, String path, Command command) {
        String body = new String(JournalCodec.write(command), StandardCharsets.UTF_8);
        byte[] signature = new byte[64];
        IntStream.range(0, 64).forEach(i -> signature[i] = (byte) (i * 7));
        return new SignedRequest(participant, participant + "-k1", "ED25519", Base64.getEncoder().encodeToString(signature),
                time, clientRequestId, "POST", path, "", sha256(body), body, "FXS2");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String dumpHex(Path data) {
        return dump(data, "--hex", "--from", "12");
    }

    private static String dump(Path data, String... options) {
        StringWriter out = new StringWriter();
        var cli = ExchangeCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        List<String> arguments = new ArrayList<>(List.of("journal", "dump", "--data-dir", data.toString()));
        arguments.addAll(List.of(options));
        assertEquals(0, cli.execute(arguments.toArray(String[]::new)));
        return out.toString();
    }

    /** The dump's sections, by heading line: the heading and the lines up to the next heading. */
    private static Map<String, String> sections(String dump) {
        Map<String, String> sections = new LinkedHashMap<>();
        String heading = null;
        StringBuilder section = new StringBuilder();
        for (String line : dump.lines().toList()) {
            if (line.startsWith("index ")) {
                if (heading != null) {
                    sections.put(heading, section.toString());
                }
                heading = line;
                section.setLength(0);
            }
            section.append(line).append('\n');
        }
        if (heading != null) {
            sections.put(heading, section.toString());
        }
        return sections;
    }

    /** The doc's fenced blocks whose first line is a dump heading, by that line. */
    private static Map<String, String> blocks(String doc) {
        Map<String, String> blocks = new LinkedHashMap<>();
        List<String> lines = doc.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("```") && i + 1 < lines.size() && lines.get(i + 1).startsWith("index ")) {
                StringBuilder block = new StringBuilder();
                int j = i + 1;
                for (; j < lines.size() && !lines.get(j).startsWith("```"); j++) {
                    block.append(lines.get(j)).append('\n');
                }
                blocks.put(lines.get(i + 1), block.toString());
                i = j;
            }
        }
        return blocks;
    }
}
