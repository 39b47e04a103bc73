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
import fundexchange.protocol.command.PlaceOrder;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.event.SealedBidPlaced;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.wire.JournalBinary;
import fundexchange.testsupport.JournalWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code journal dump --hex|--bytes} keeps sealed bids sealed as the JSON dump does (no byte of a withheld command or a
 * redacted event document), fails closed on a sealed bid it cannot read, and shows a damaged binary document up to
 * where the decoder refuses it, then fails.
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
            assertFalse(result.out().contains("0.95") || result.out().contains("1c 25")
                    || result.out().contains(NONCE), result.out());
        }
    }

    @Test
    void aDamagedBinaryDocumentIsShownUpToTheProblemAndTheDumpFails() {
        Path data = temp.resolve("damaged");
        byte[] order = JournalBinary.encode(CommandRecord.unsigned(1, T,
                new PlaceOrder("DGF3", Side.SELL, new Units(100_000), new Price(9_000))));
        order[0x23] = 7;
        byte[] sealed = JournalBinary.encode(CommandRecord.unsigned(2, T, new PlaceSealedBid(5, new Price(9_500), NONCE)));
        sealed[sealed.length - 1] = (byte) 0xFF;
        byte[] accepted = JournalBinary.encode(new EventDocument(EventDocument.VERSION, 1, T, null, null, Outcome.ACCEPTED, List.of()));
        try (Journals journals = Journals.open(data);
             ChronicleJournal.Writer commands = journals.commands().writer();
             ChronicleJournal.Writer events = journals.events().writer()) {
            commands.append(order);
            events.append(accepted);
            commands.append(sealed);
            events.append(accepted);
            commands.append(JournalBinary.encode(CommandRecord.unsigned(3, T, new Tick())));
            events.append(accepted);
        }
        Result result = dump(data, "--hex");
        assertEquals(1, result.exit(), result.out());
        assertTrue(result.out().contains("0022  0f                                               command: present 0 1 2 3\n"
                + "!! refused at byte 0023: enum code 7 is unknown for Side\n!! 22 bytes not decoded:\n0023  07 a0 86"), result.out());
        assertTrue(result.out().contains("index 2 command record: not shown: it does not decode far enough to show it is no "
                + "sealed bid, commandDigest "), result.out());
        assertTrue(result.out().contains("index 3 command record: binary (encoding 2), 34 bytes\n"), result.out());
        assertTrue(result.err().contains("error: 2 binary document(s) refused by the decoder"), result.err());
        assertFalse(result.out().contains(NONCE) || result.out().contains("1c 25"), result.out());
    }

    @Test
    void hexAndBytesExcludeEachOther() {
        Result result = dump(temp, "--hex", "--bytes");
        assertEquals(1, result.exit());
        assertTrue(result.err().contains("--hex and --bytes exclude each other"), result.err());
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
