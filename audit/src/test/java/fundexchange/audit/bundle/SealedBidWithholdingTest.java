package fundexchange.audit.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fundexchange.audit.report.JournalFixture;
import fundexchange.protocol.command.AmendSealedBid;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ApproveParticipant;
import fundexchange.protocol.command.DepositUnits;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.command.RegisterFirstKey;
import fundexchange.protocol.command.RegisterFund;
import fundexchange.protocol.command.RegisterParticipant;
import fundexchange.protocol.command.SetQualification;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.reference.LegalForm;
import fundexchange.protocol.reference.ParticipantType;
import fundexchange.protocol.reference.QualificationStatus;
import fundexchange.protocol.reference.Role;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.command.PlaceOrder;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.wire.WireSchema;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.provider.ValueSource;
import fundexchange.protocol.ChainHash;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.wire.JournalBinary;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.OutcomeStatus;
import fundexchange.journal.JournalDocuments;
import fundexchange.journal.JournalEncoding;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sealed bid's amount stays out of an audit bundle until its listing's close index (CONTRACTS.md 12), and a
 * bundle taken after the close carries it; for journals written in JSON and in binary (a binary sealed bid's
 * redaction is JSON, and a binary document is read here as its rendering). Signatures here are placeholders: the full
 * verification of such a bundle is in the ops system tests.
 */
class SealedBidWithholdingTest {
    private static final List<String> SEALED_PRICES = List.of("1.2345", "1.1111", "1.3333", "7.7777");
    private static final List<String> NONCES = List.of("a7".repeat(32), "b8".repeat(32), "c9".repeat(32), "d0".repeat(32));
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path data;

    private record Recorded(long listing, List<Long> sealedCommands, long unknownListingBid, long beforeClose, long close) {
    }

    private static Recorded auction(JournalFixture j) {
        j.at("2026-11-16T02:00:00Z").genesis();
        j.by("Staff-01", new RegisterParticipant("Holder-01", "Holder", ParticipantType.INSTITUTION, List.of(Role.HOLDER)));
        j.approved(new ApproveParticipant("Holder-01"));
        j.approved(new RegisterFirstKey("Holder-01", "Holder-01-k1", "ED25519", JournalFixture.key("Holder-01-k1")));
        for (String investor : List.of("Investor-07", "Investor-08")) {
            j.by("Staff-01", new RegisterParticipant(investor, investor, ParticipantType.INSTITUTION, List.of(Role.INVESTOR)));
            j.approved(new ApproveParticipant(investor));
            j.approved(new RegisterFirstKey(investor, investor + "-k1", "ED25519", JournalFixture.key(investor + "-k1")));
            j.approved(new SetQualification(investor, QualificationStatus.QUALIFIED, "2027-12-31"));
        }
        j.by("Staff-01", new RegisterFund("DGF3", "Demo Growth Fund III", "Demo Capital Management", "GROWTH", 2019, "CNY",
                LegalForm.PARTNERSHIP, CustodyMode.FULL, null, Price.of("1.5000"), "2026-09-30", Units.of("100.00"), false));
        j.by("Staff-01", new DepositUnits("DGF3", "Holder-01", Units.of("1000000.00"), Money.of("1000000.00")));
        long listing = accepted(j.by("Holder-01", new ListAuction("DGF3", ListingMechanism.SEALED, Units.of("1000.00"),
                Price.of("1.0000"), null, null, j.time(), j.time() + 60_000, null, null, false, null))).sourceIndex();
        accepted(j.by("Staff-02", new ApproveListing(listing)));
        long first = accepted(j.by("Investor-07", new PlaceSealedBid(listing, Price.of("1.2345"), NONCES.get(0)))).sourceIndex();
        long second = accepted(j.by("Investor-08", new PlaceSealedBid(listing, Price.of("1.1111"), NONCES.get(1)))).sourceIndex();
        long amended = accepted(j.by("Investor-07", new AmendSealedBid(first, Price.of("1.3333"), NONCES.get(2)))).sourceIndex();
        EventDocument unknown = j.by("Investor-07", new PlaceSealedBid(999_999, Price.of("7.7777"), NONCES.get(3)));
        assertEquals(OutcomeStatus.REJECTED, unknown.outcome().status());
        long beforeClose = unknown.sourceIndex();
        j.at("2026-11-16T02:01:00Z");
        long close = j.unsigned(new Tick()).sourceIndex();
        return new Recorded(listing, List.of(first, second, amended), beforeClose, beforeClose, close);
    }

    private static EventDocument accepted(EventDocument document) {
        assertEquals(OutcomeStatus.ACCEPTED, document.outcome().status(), document.toString());
        return document;
    }

    private List<JsonNode> export(Journals journals, long toIndex) throws IOException {
        Path out = data.resolveSibling("bundle-" + toIndex + ".jsonl");
        AuditBundleWriter.write(journals, toIndex, out);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    /** A line's document as JSON text: a binary one's rendering (a redaction is always JSON). */
    private static String decoded(JsonNode line, String field) {
        return line.has(field) ? JournalDocuments.text(Base64.getDecoder().decode(line.path(field).asText())) : "";
    }

    private static List<byte[]> documents(ChronicleJournal journal) {
        List<byte[]> documents = new ArrayList<>();
        try (ChronicleJournal.Reader reader = journal.reader()) {
            for (var next = reader.next(); next.isPresent(); next = reader.next()) {
                documents.add(next.get());
            }
        }
        return documents;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JournalEncoding.class)
    void aBundleBeforeTheCloseWithholdsEverySealedBidAndKeepsTheDigestsOfTheDocumentsAsWritten(JournalEncoding encoding) throws IOException {
        try (JournalFixture journal = new JournalFixture(data, encoding)) {
            Recorded r = auction(journal);
            List<JsonNode> bundle = export(journal.journals(), r.beforeClose());
            List<byte[]> commands = documents(journal.journals().commands());
            List<byte[]> events = documents(journal.journals().events());
            String link = ChainHash.GENESIS;
            for (JsonNode line : bundle.subList(1, bundle.size())) {
                long index = line.path("index").asLong();
                String text = decoded(line, "command") + decoded(line, "event");
                SEALED_PRICES.forEach(price -> assertFalse(text.contains(price), "index " + index + " reveals " + price));
                NONCES.forEach(nonce -> assertFalse(text.contains(nonce), "index " + index + " reveals a nonce"));
                boolean sealed = r.sealedCommands().contains(index) || index == r.unknownListingBid();
                assertEquals(sealed, line.path("commandWithheld").asBoolean(false), "index " + index);
                assertEquals(r.sealedCommands().contains(index), line.path("eventRedacted").asBoolean(false), "index " + index);
                String commandDigest = ChainHash.hex(ChainHash.digest(commands.get((int) index - 1)));
                String eventDigest = ChainHash.hex(ChainHash.digest(events.get((int) index - 1)));
                assertEquals(commandDigest, line.path("commandDigest").asText());
                assertEquals(eventDigest, line.path("eventDigest").asText(), "the digest of the event document as written");
                link = ChainHash.auditLink(link, ChainHash.bytes(commandDigest), ChainHash.bytes(eventDigest));
                assertEquals(link, line.path("link").asText());
                if (r.sealedCommands().contains(index)) {
                    assertTrue(decoded(line, "event").contains("SealedBidPlaced"), "who bid stays visible, not how much");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JournalEncoding.class)
    void aBundleThroughTheCloseCarriesTheBidsAndTheCloseRevealsThem(JournalEncoding encoding) throws IOException {
        try (JournalFixture journal = new JournalFixture(data, encoding)) {
            Recorded r = auction(journal);
            List<JsonNode> bundle = export(journal.journals(), r.close());
            StringBuilder all = new StringBuilder();
            for (JsonNode line : bundle.subList(1, bundle.size())) {
                long index = line.path("index").asLong();
                assertEquals(index == r.unknownListingBid(), line.path("commandWithheld").asBoolean(false),
                        "only the bid on a listing that never closes stays withheld; index " + index);
                assertFalse(line.has("eventRedacted"));
                all.append(decoded(line, "command")).append(decoded(line, "event"));
            }
            for (String price : List.of("1.2345", "1.1111", "1.3333")) {
                assertTrue(all.toString().contains(price), price + " is revealed after the close");
            }
            assertTrue(decoded(bundle.get((int) r.close()), "event").contains("AuctionClosed"));
            assertFalse(all.toString().contains("7.7777"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JournalEncoding.class)
    void noneWithholdsNothing(JournalEncoding encoding) {
        try (JournalFixture journal = new JournalFixture(data, encoding)) {
            Recorded r = auction(journal);
            AuditBundleWriter.Exported exported = AuditBundleWriter.write(journal.journals(), r.beforeClose(),
                    data.resolveSibling("all.jsonl"), WithholdingPolicy.NONE, Clock.fixed(Instant.EPOCH, java.time.ZoneOffset.UTC));
            assertEquals(0, exported.withheld());
            AuditBundleWriter.Exported sealed = AuditBundleWriter.write(journal.journals(), r.beforeClose(),
                    data.resolveSibling("sealed.jsonl"));
            assertEquals(4, sealed.withheld());
        }
    }

    /** A binary command whose type id this build does not know may be a sealed bid: it fails, never passes as none. */
    @Test
    void aBinaryCommandOfAnUnknownTypeIdIsNotTakenForNoSealedBid() {
        try (JournalFixture journal = new JournalFixture(data, JournalEncoding.BINARY)) {
            SealedBidWithholding policy = SealedBidWithholding.through(journal.journals(), 0);
            byte[] bid = JournalBinary.encode(CommandRecord.unsigned(1, 1_795_000_000_000L,
                    new PlaceSealedBid(5, Price.of("1.2345"), NONCES.getFirst())));
            bid[JournalBinary.OFFSET_COMMAND_TYPE] = (byte) 0xE7;
            bid[JournalBinary.OFFSET_COMMAND_TYPE + 1] = 0x03;
            assertEquals("a journal document does not decode",
                    assertThrows(UncheckedIOException.class, () -> policy.withhold(1, bid)).getMessage());
        }
    }

    /**
     * A {@code PlaceSealedBid} whose binary type id was changed into {@code PlaceOrder}'s, or into one this build does
     * not know, is decided on its decoded value, not its type id: it does not decode, so the export fails, leaves no
     * file and writes no line; a JSON record whose type name was changed into {@code PlaceOrder}'s but still carries
     * the nonce is withheld, though it was rejected (nothing else withholds it). No line carries the price or the
     * nonce, as text, hex or Base64.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"retyped", "unknown", "json"})
    void aSealedBidWhoseTypeWasChangedIsNeverExported(String tampering) throws IOException {
        long time = 1_795_000_000_000L;
        String nonce = NONCES.getFirst();
        Price price = Price.of("1.2345");
        byte[] tampered;
        if (tampering.equals("json")) {
            ObjectNode record = (ObjectNode) JSON.readTree(JournalDocuments.encode(CommandRecord.unsigned(2, time,
                    new PlaceOrder("DGF3", Side.BUY, Units.of("100.00"), price)), JournalEncoding.JSON));
            ((ObjectNode) record.path("command")).put("nonce", nonce);
            tampered = JSON.writeValueAsBytes(record);
        } else {
            tampered = JournalBinary.encode(CommandRecord.unsigned(2, time, new PlaceSealedBid(5, price, nonce)));
            int id = tampering.equals("retyped") ? WireSchema.journal().typeOf(PlaceOrder.class).id() : 999;
            tampered[JournalBinary.OFFSET_COMMAND_TYPE] = (byte) id;
            tampered[JournalBinary.OFFSET_COMMAND_TYPE + 1] = (byte) (id >>> 8);
        }
        Path journal = data.resolve("journal-" + tampering);
        try (Journals journals = Journals.open(journal)) {
            try (ChronicleJournal.Writer commands = journals.commands().writer();
                 ChronicleJournal.Writer events = journals.events().writer()) {
                for (long index = 1; index <= 3; index++) {
                    commands.append(index == 2 ? tampered : JournalBinary.encode(CommandRecord.unsigned(index, time, new Tick())));
                    events.append(JournalBinary.encode(new EventDocument(EventDocument.VERSION, index, time, null, null,
                            index == 2 ? Outcome.rejected(4028, "SEALED_BID_NONCE_INVALID", "no") : Outcome.ACCEPTED,
                            List.of())));
                }
            }
            Path out = data.resolve("bundle-" + tampering + ".jsonl");
            if (tampering.equals("json")) {
                assertEquals(1, AuditBundleWriter.write(journals, 3, out).withheld());
                assertTrue(SealedBidWithholding.through(journals, 3).withhold(2, tampered));
            } else {
                assertEquals("a journal document does not decode", assertThrows(UncheckedIOException.class,
                        () -> AuditBundleWriter.write(journals, 3, out)).getMessage());
                assertThrows(UncheckedIOException.class, () -> SealedBidWithholding.through(journals, 3).withhold(2, tampered));
                assertFalse(Files.exists(out));
            }
            assertFalse(Files.exists(out.resolveSibling(out.getFileName() + ".partial")), "no partial file stays");
            List<String> lines = Files.exists(out) ? Files.readAllLines(out) : List.of();
            assertEquals(tampering.equals("json") ? 4 : 0, lines.size());
            byte[] priceBytes = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(price.raw()).array();
            List<String> secrets = List.of(nonce, "1.2345", HexFormat.of().formatHex(priceBytes, 0, 3),
                    HexFormat.of().formatHex(nonce.getBytes(StandardCharsets.US_ASCII), 0, 8),
                    Base64.getEncoder().encodeToString(nonce.getBytes(StandardCharsets.US_ASCII)).substring(0, 12),
                    Base64.getEncoder().encodeToString(HexFormat.of().parseHex(nonce)).substring(0, 12));
            for (String line : lines) {
                String shown = line + everyDecoding(JSON.readTree(line));
                secrets.forEach(secret -> assertFalse(shown.contains(secret), secret + " in " + line));
            }
        }
    }

    /** Every text value of a line, Base64-decoded where it decodes, as Latin-1 text and as hex. */
    private static String everyDecoding(JsonNode node) {
        StringBuilder all = new StringBuilder();
        if (node.isTextual()) {
            try {
                byte[] bytes = Base64.getDecoder().decode(node.asText());
                all.append(new String(bytes, StandardCharsets.ISO_8859_1)).append(HexFormat.of().formatHex(bytes));
            } catch (IllegalArgumentException notBase64) {
                all.append(node.asText());
            }
        }
        node.forEach(child -> all.append('\n').append(everyDecoding(child)));
        return all.toString();
    }

    /** A malformed binary document (a lone magic, an unknown encoding, a cut header) fails as one that does not decode. */
    @Test
    void aMalformedBinaryDocumentIsOneThatDoesNotDecode() {
        try (JournalFixture journal = new JournalFixture(data, JournalEncoding.BINARY)) {
            SealedBidWithholding policy = SealedBidWithholding.through(journal.journals(), 0);
            for (byte[] bad : List.of(new byte[] {(byte) 0xFE}, new byte[] {(byte) 0xFE, 3}, new byte[] {(byte) 0xFE, 2})) {
                assertEquals("a journal document does not decode",
                        assertThrows(UncheckedIOException.class, () -> policy.learn(1, bad)).getMessage());
                assertEquals("a journal document does not decode",
                        assertThrows(UncheckedIOException.class, () -> policy.withhold(1, bad)).getMessage());
                assertEquals("a journal document does not decode",
                        assertThrows(UncheckedIOException.class, () -> policy.redactEvent(1, bad)).getMessage());
            }
        }
    }
}
