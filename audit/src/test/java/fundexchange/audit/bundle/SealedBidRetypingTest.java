package fundexchange.audit.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fundexchange.client.SealedBidBody;
import fundexchange.journal.JournalCodec;
import fundexchange.journal.JournalDocuments;
import fundexchange.journal.JournalEncoding;
import fundexchange.journal.SealedBidRecord;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import fundexchange.protocol.ChainHash;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.SignedRequest;
import fundexchange.protocol.command.AmendSealedBid;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.command.PostOffer;
import fundexchange.protocol.command.RegisterAppraisal;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.command.spec.CommandSpecs;
import fundexchange.protocol.event.BidPlaced;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.SealedBidPlaced;
import fundexchange.protocol.listing.SealedCommitment;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.wire.JournalBinary;
import fundexchange.protocol.wire.WireSchema;
import fundexchange.protocol.wire.WireType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A sealed bid whose binary type id was changed, by damage or by someone with write access to the journal, into that
 * of another command (or a {@code SealedBidPlaced} into another event) stays sealed (CONTRACTS.md 12). The strict
 * decoder reads some such records as the other command, because the bid's fields fit its layout: a
 * {@code PlaceSealedBid} as a {@code PostOffer} whose {@code fundCode} is the nonce and whose {@code minLot} is the
 * price, or as a {@code RegisterAppraisal}; a bid without a nonce as a {@code PlaceBid} and more. Every command and
 * event type id is tried, so a type added later that happens to fit is caught here too.
 */
class SealedBidRetypingTest {
    private static final long T = 1_795_000_000_000L;
    private static final String NONCE = "a7".repeat(32);
    private static final Price PRICE = Price.of("1.2345");
    private static final long LISTING = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path temp;

    /** The signed record of {@code bid} at index 2, as the gateway journals it: its endpoint, its padded body. */
    static CommandRecord signed(Command bid) {
        String body = switch (bid) {
            case PlaceSealedBid place when place.nonce() == null -> "{\"price\":\"" + place.price() + "\"}";
            case PlaceSealedBid place -> new SealedBidBody(place.price().toString(), place.nonce()).json();
            case AmendSealedBid amend -> new SealedBidBody(amend.price().toString(), amend.nonce()).json();
            default -> throw new IllegalArgumentException(bid.toString());
        };
        String path = switch (bid) {
            case PlaceSealedBid place -> CommandSpecs.endpoint(PlaceSealedBid.class).expand(place.listingId());
            case AmendSealedBid amend -> CommandSpecs.endpoint(AmendSealedBid.class).expand(amend.bidId());
            default -> throw new IllegalArgumentException(bid.toString());
        };
        return CommandRecord.signed(2, T, new SignedRequest("Investor-07", "Investor-07-k1", "ED25519", "c2ln", T,
                "req-2", "POST", path, "", ChainHash.hex(ChainHash.digest(body.getBytes(StandardCharsets.UTF_8))), body,
                "FXS2"), bid);
    }

    /** {@code document} with the u16 type id at {@code at} replaced by {@code id}. */
    static byte[] retyped(byte[] document, int at, int id) {
        byte[] copy = document.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putShort(at, (short) id);
        return copy;
    }

    static Stream<Command> sealedBids() {
        return Stream.of(new PlaceSealedBid(LISTING, PRICE, NONCE), new AmendSealedBid(9, PRICE, NONCE),
                new PlaceSealedBid(LISTING, PRICE, null));
    }

    /**
     * Retyped into every command type id of the schema, a signed sealed bid's record is refused by the strict decoder
     * or withheld, whether the bid was accepted on a listing still open or rejected; which types it decodes as is what
     * a dump or bundle would have shown before: a {@code PostOffer} and a {@code RegisterAppraisal} carrying the nonce
     * and the price's raw value in their own fields, and the signed body with both.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sealedBids")
    void aSealedBidRetypedIntoEveryCommandTypeIsRefusedByTheDecoderOrWithheld(Command bid) {
        byte[] record = JournalBinary.encode(signed(bid));
        EventDocument acceptedOpen = new EventDocument(EventDocument.VERSION, 2, T, "Investor-07", "req-2",
                Outcome.ACCEPTED, List.of(new SealedBidPlaced(LISTING, 2, "Investor-07", 1, PRICE, NONCE,
                SealedCommitment.of(NONCE, PRICE))));
        EventDocument rejected = new EventDocument(EventDocument.VERSION, 2, T, "Investor-07", "req-2",
                Outcome.rejected(4028, "SEALED_BID_NONCE_INVALID", "no"), List.of());
        for (EventDocument answer : List.of(acceptedOpen, rejected)) {
            try (Journals journals = journal(temp.resolve(answer.outcome().status().name() + bid.hashCode()),
                    List.of(JournalBinary.encode(CommandRecord.unsigned(1, T, new Tick())), record), answer)) {
                SealedBidWithholding policy = SealedBidWithholding.through(journals, 2);
                List<String> decodedAs = new ArrayList<>();
                for (WireType type : WireSchema.journal().types()) {
                    if (!Command.class.isAssignableFrom(type.type())) {
                        continue;
                    }
                    byte[] changed = retyped(record, JournalBinary.OFFSET_COMMAND_TYPE, type.id());
                    CommandRecord decoded;
                    try {
                        decoded = JournalCodec.readCommand(changed);
                    } catch (UncheckedIOException refused) {
                        continue;
                    }
                    decodedAs.add(type.type().getSimpleName());
                    assertTrue(JournalDocuments.text(changed).contains(bid instanceof PlaceSealedBid p && p.nonce() == null
                            ? "1.2345" : NONCE), "what a dump of the record shows");
                    assertTrue(policy.withhold(2, changed), bid + " retyped as " + decoded.command());
                }
                if (bid instanceof PlaceSealedBid place && place.nonce() == null) {
                    assertTrue(decodedAs.containsAll(List.of("PlaceSealedBid", "PlaceBid", "AmendOrder")), decodedAs.toString());
                } else {
                    assertEquals(List.of("PlaceSealedBid", "AmendSealedBid", "PostOffer", "RegisterAppraisal"), decodedAs);
                }
            }
        }
    }

    /**
     * The decoded value alone no longer decides: a {@code PostOffer} read from a sealed bid's bytes is a sealed bid
     * by its signed request's endpoint, and when the path was damaged too, by the nonce in its signed body; it has
     * the bid its request stands for as its reading, or none when the request no longer parses.
     */
    @Test
    void aRetypedSealedBidIsKnownByItsSignedRequest() {
        PlaceSealedBid bid = new PlaceSealedBid(LISTING, PRICE, NONCE);
        CommandRecord honest = signed(bid);
        byte[] changed = retyped(JournalBinary.encode(honest), JournalBinary.OFFSET_COMMAND_TYPE,
                WireSchema.journal().typeOf(PostOffer.class).id());
        assertEquals(PostOffer.class, JournalCodec.readCommand(changed).command().getClass());
        assertEquals(List.of(bid), SealedBidRecord.of(changed).orElseThrow().readings());
        SignedRequest r = honest.request();
        SignedRequest elsewhere = new SignedRequest(r.participant(), r.keyId(), r.algorithm(), r.signature(),
                r.signedTimestamp(), r.clientRequestId(), r.method(), "/offers", r.query(), r.bodyDigest(), r.body(), r.scheme());
        byte[] pathDamaged = retyped(JournalBinary.encode(CommandRecord.signed(2, T, elsewhere, bid)),
                JournalBinary.OFFSET_COMMAND_TYPE, WireSchema.journal().typeOf(RegisterAppraisal.class).id());
        assertEquals(List.of(), SealedBidRecord.of(pathDamaged).orElseThrow().readings());
        assertEquals(List.of(bid), SealedBidRecord.of(JournalBinary.encode(honest)).orElseThrow().readings(),
                "an honest record's two readings are one bid");
    }

    /**
     * A bundle and a dump-like read of a journal holding a rejected sealed bid retyped as a {@code PostOffer} withhold
     * it, and no line carries its price or nonce as text, hex or Base64 (before, the line carried the record as
     * written and {@code commandJson} showed the nonce as the offer's fund code).
     */
    @Test
    void aBundleWithholdsARejectedSealedBidRetypedAsAnotherCommand() throws IOException {
        byte[] changed = retyped(JournalBinary.encode(signed(new PlaceSealedBid(LISTING, PRICE, NONCE))),
                JournalBinary.OFFSET_COMMAND_TYPE, WireSchema.journal().typeOf(PostOffer.class).id());
        Path out = temp.resolve("bundle.jsonl");
        try (Journals journals = journal(temp.resolve("journal"), List.of(
                JournalBinary.encode(CommandRecord.unsigned(1, T, new Tick())), changed,
                JournalBinary.encode(CommandRecord.unsigned(3, T, new Tick()))),
                new EventDocument(EventDocument.VERSION, 2, T, "Investor-07", "req-2",
                        Outcome.rejected(4028, "SEALED_BID_NONCE_INVALID", "no"), List.of()))) {
            assertEquals(1, AuditBundleWriter.write(journals, 3, out).withheld());
        }
        List<String> lines = Files.readAllLines(out);
        assertEquals(4, lines.size());
        assertTrue(JSON.readTree(lines.get(2)).path("commandWithheld").asBoolean());
        assertNoSecret(lines);
    }

    /**
     * Retyped into every event type id, a {@code SealedBidPlaced} is refused by the strict decoder, or (a bid without
     * a nonce, which fits {@code BidPlaced}) read as another event: then the accepted sealed bid it answers has no
     * {@code SealedBidPlaced} of its own, its event document cannot be redacted, and the export fails and leaves no
     * file rather than show the price.
     */
    @ParameterizedTest(name = "nonce {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void aSealedBidPlacedRetypedIntoEveryEventTypeIsRefusedByTheDecoderOrNotExported(boolean withNonce) throws IOException {
        String nonce = withNonce ? NONCE : null;
        PlaceSealedBid bid = new PlaceSealedBid(LISTING, PRICE, nonce);
        byte[] document = JournalBinary.encode(new EventDocument(EventDocument.VERSION, 2, T, null, null, Outcome.ACCEPTED,
                List.of(new SealedBidPlaced(LISTING, 2, "Investor-07", 1, PRICE, nonce,
                        withNonce ? SealedCommitment.of(NONCE, PRICE) : null))));
        List<String> decodedAs = new ArrayList<>();
        for (WireType type : WireSchema.journal().types()) {
            if (!Event.class.isAssignableFrom(type.type()) || type.type() == SealedBidPlaced.class) {
                continue;
            }
            byte[] changed = retyped(document, JournalBinary.OFFSET_EVENT_STRINGS, type.id());
            try {
                JournalCodec.readEvents(changed);
            } catch (UncheckedIOException refused) {
                continue;
            }
            decodedAs.add(type.type().getSimpleName());
            Path out = temp.resolve("bundle-" + type.id() + ".jsonl");
            try (Journals journals = journal(temp.resolve("events-" + type.id()), List.of(
                    JournalBinary.encode(CommandRecord.unsigned(1, T, new Tick())), JournalBinary.encode(signed(bid))),
                    changed)) {
                assertEquals("event document 2 holds no sealed bid of its accepted sealed-bid command; neither is shown"
                        + " / 事件文档 2 中没有其已接受的密封出价指令本身的出价，两者均不显示",
                        assertThrows(UncheckedIOException.class, () -> AuditBundleWriter.write(journals, 2, out)).getMessage());
            }
            assertFalse(Files.exists(out));
        }
        assertEquals(withNonce ? List.of() : List.of(BidPlaced.class.getSimpleName()), decodedAs);
    }

    /** The same for a JSON event document whose {@code SealedBidPlaced} was renamed: its price stays out. */
    @Test
    void aRenamedSealedBidPlacedInJsonIsNotExported() throws IOException {
        String renamed = new String(JournalDocuments.encode(new EventDocument(EventDocument.VERSION, 2, T, null, null,
                Outcome.ACCEPTED, List.of(new SealedBidPlaced(LISTING, 2, "Investor-07", 1, PRICE, NONCE,
                        SealedCommitment.of(NONCE, PRICE)))), JournalEncoding.JSON), StandardCharsets.UTF_8)
                .replace("\"SealedBidPlaced\"", "\"BidPlaced\"");
        assertEquals(BidPlaced.class, JournalCodec.readEvents(renamed.getBytes(StandardCharsets.UTF_8)).events().getFirst().getClass());
        Path out = temp.resolve("renamed.jsonl");
        try (Journals journals = journal(temp.resolve("renamed"), List.of(
                JournalDocuments.encode(CommandRecord.unsigned(1, T, new Tick()), JournalEncoding.JSON),
                JournalDocuments.encode(signed(new PlaceSealedBid(LISTING, PRICE, NONCE)), JournalEncoding.JSON)),
                renamed.getBytes(StandardCharsets.UTF_8))) {
            assertThrows(UncheckedIOException.class, () -> AuditBundleWriter.write(journals, 2, out));
        }
        assertFalse(Files.exists(out));
    }

    /** Journals of {@code commands} at 1.. and event documents: an empty accepted one at 1, {@code second} at 2, then empty ones. */
    private static Journals journal(Path data, List<byte[]> commands, EventDocument second) {
        return journal(data, commands, JournalBinary.encode(second));
    }

    private static Journals journal(Path data, List<byte[]> commands, byte[] second) {
        Journals journals = Journals.open(data);
        try (ChronicleJournal.Writer commandWriter = journals.commands().writer();
             ChronicleJournal.Writer eventWriter = journals.events().writer()) {
            for (int i = 0; i < commands.size(); i++) {
                commandWriter.append(commands.get(i));
                eventWriter.append(i == 1 ? second : JournalBinary.encode(new EventDocument(EventDocument.VERSION, i + 1L,
                        T, null, null, Outcome.ACCEPTED, List.of())));
            }
        }
        return journals;
    }

    /** No line, nor any Base64 text in it decoded, holds the nonce or the price, as text or hex. */
    private static void assertNoSecret(List<String> lines) throws IOException {
        byte[] raw = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(PRICE.raw()).array();
        List<String> secrets = List.of(NONCE.substring(0, 16), "1.2345", "123.45", HexFormat.of().formatHex(raw, 0, 3),
                HexFormat.of().formatHex(NONCE.getBytes(StandardCharsets.US_ASCII), 0, 8));
        for (String line : lines) {
            String shown = line + everyDecoding(JSON.readTree(line));
            secrets.forEach(secret -> assertFalse(shown.contains(secret), secret + " in " + line));
        }
    }

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
}
