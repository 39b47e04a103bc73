package fundexchange.ops.audit;

import fundexchange.audit.bundle.AuditBundleVerifier;
import fundexchange.audit.bundle.AuditBundleWriter;
import fundexchange.audit.bundle.VerificationReport;
import fundexchange.audit.bundle.Problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fundexchange.journal.JournalCodec;
import fundexchange.journal.JournalDocuments;
import fundexchange.journal.JournalEncoding;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import fundexchange.ops.GenesisWriter;
import fundexchange.ops.KeyFiles;
import fundexchange.protocol.ChainHash;
import fundexchange.signing.CanonicalRequest;
import fundexchange.signing.CheckpointMessage;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.signing.Signatures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundle exported from a real exchange verifies; every kind of tampering is caught at the index it touches. */
class AuditBundleVerifierTest {
    private final RecordedExchange recorded = RecordedExchange.shared();
    @TempDir
    Path temp;

    private BundleEditor editor() {
        return BundleEditor.of(recorded.bundle());
    }

    private VerificationReport verify(BundleEditor editor) {
        return AuditBundleVerifier.verify(editor.write(temp.resolve("tampered.jsonl")));
    }

    private static void assertBrokenAt(long index, String reasonPart, VerificationReport report) {
        assertFalse(report.valid(), report.message());
        Problem problem = report.firstProblem().orElseThrow();
        assertEquals(index, problem.index(), report.message());
        assertTrue(problem.reason().contains(reasonPart), "expected \"" + reasonPart + "\" in: " + report.message());
        assertEquals(index - 1, report.recordsChecked(), report.message());
    }

    private static long signedCommands(BundleEditor editor) {
        long signed = 0;
        for (long position = 1; position <= editor.size(); position++) {
            signed += editor.command(position).has("request") ? 1 : 0;
        }
        return signed;
    }

    private static boolean accepted(JsonNode event) {
        return event.path("outcome").path("status").asText().equals("ACCEPTED");
    }

    @Test
    void bundleExportedFromARealExchangeVerifiesEverySignatureAndCheckpoint() {
        BundleEditor bundle = editor();
        VerificationReport report = AuditBundleVerifier.verify(recorded.bundle());

        assertTrue(report.valid(), report.message());
        assertEquals(bundle.size(), report.recordsChecked());
        assertEquals(bundle.header().path("toIndex").asLong(), report.recordsChecked());
        assertTrue(report.signaturesVerified() > 20, report.message());
        assertEquals(signedCommands(bundle), report.signaturesVerified(), "every signed command re-verifies");
        assertTrue(report.checkpointsVerified() >= 1, report.message());
        assertEquals(0, report.withheld());
        assertTrue(report.message().startsWith("VALID"), report.message());
    }

    /**
     * The same recording written in binary (transcoded document by document) exports a bundle that verifies: the
     * verifier decodes each line's bytes with the versioned reader and re-checks every signature over the verbatim
     * body. Only up to the first checkpoint: a checkpoint signs the chain over the bytes as written (JSON here), and
     * nothing rewrites journal bytes, so a transcoded journal's checkpoint cannot verify.
     */
    @Test
    void aBundleOfTheRecordingWrittenInBinaryVerifiesItsSignaturesUpToTheFirstCheckpoint() {
        BundleEditor json = editor();
        long toIndex = json.findType("Checkpoint") - 1;
        Path binary = temp.resolve("binary-data");
        try (Journals from = Journals.open(recorded.dataDirectory()); Journals to = Journals.open(binary);
             ChronicleJournal.Reader commands = from.commands().reader(); ChronicleJournal.Reader events = from.events().reader();
             ChronicleJournal.Writer commandWriter = to.commands().writer(); ChronicleJournal.Writer eventWriter = to.events().writer()) {
            for (long index = 1; index <= toIndex; index++) {
                commandWriter.append(JournalDocuments.encode(JournalCodec.readCommand(commands.next().orElseThrow()), JournalEncoding.BINARY));
                eventWriter.append(JournalDocuments.encode(JournalCodec.readEvents(events.next().orElseThrow()), JournalEncoding.BINARY));
            }
        }
        Path out = temp.resolve("binary.jsonl");
        try (Journals journals = Journals.open(binary)) {
            AuditBundleWriter.write(journals, toIndex, out);
        }
        BundleEditor bundle = BundleEditor.of(out);
        assertEquals((byte) 0xFE, Base64.getDecoder().decode(bundle.line(1).path("command").asText())[0], "the bytes as written");
        VerificationReport report = AuditBundleVerifier.verify(out);
        assertTrue(report.valid(), report.message());
        assertEquals(toIndex, report.recordsChecked());
        long signed = 0;
        for (long position = 1; position <= toIndex; position++) {
            signed += json.command(position).has("request") ? 1 : 0;
        }
        assertTrue(signed > 10, signed + " signed commands");
        assertEquals(signed, report.signaturesVerified(), "every signed command re-verifies from binary bytes");
    }

    @Test
    void bundleHoldsTheJournalDocumentsAsWrittenWithTheAuditChain() {
        BundleEditor bundle = editor();
        assertEquals("fund-exchange-audit-bundle", bundle.header().path("format").asText());
        assertEquals(2, bundle.header().path("version").asInt(), "an export writes version 2 (bytes beside renderings)");
        assertEquals(1, bundle.header().path("fromIndex").asLong());
        assertEquals("Genesis", bundle.command(1).path("command").path("type").asText());
        ObjectNode checkpoint = bundle.command(bundle.findType("Checkpoint"));
        long chainIndex = checkpoint.path("command").path("chainIndex").asLong();
        assertEquals(bundle.line(chainIndex).path("link").asText(), checkpoint.path("command").path("chainHead").asText(),
                "the exchange's audit tailer and the export compute the same chain");
    }

    @Test
    void exportStopsAtTheChosenIndex() {
        Path out = temp.resolve("prefix.jsonl");
        try (Journals journals = Journals.open(recorded.dataDirectory())) {
            AuditBundleWriter.Exported exported = AuditBundleWriter.write(journals, 5, out);
            assertEquals(5, exported.toIndex());
            assertThrows(IllegalArgumentException.class, () -> AuditBundleWriter.write(journals,
                    AuditBundleWriter.lastCompleteIndex(journals) + 1, temp.resolve("beyond.jsonl")));
            assertThrows(IllegalArgumentException.class, () -> AuditBundleWriter.write(journals, 0, temp.resolve("none.jsonl")));
        }
        VerificationReport report = AuditBundleVerifier.verify(out);
        assertTrue(report.valid(), report.message());
        assertEquals(5, report.recordsChecked());
        assertEquals(5, BundleEditor.of(out).size());
    }

    @Test
    void changedCommandByteIsCaughtByItsDigest() {
        BundleEditor bundle = editor();
        long index = bundle.findType("DepositUnits");
        byte[] command = Base64.getDecoder().decode(bundle.line(index).path("command").asText());
        command[command.length / 2] ^= 0x01;
        bundle.line(index).put("command", Base64.getEncoder().encodeToString(command));
        assertBrokenAt(index, "command document's SHA-256", verify(bundle));
    }

    @Test
    void changedEventDocumentWithRecomputedDigestIsCaughtByTheLink() {
        BundleEditor bundle = editor();
        long index = bundle.findType("DepositUnits");
        ObjectNode event = bundle.event(index);
        ((ObjectNode) event.path("events").path(0)).put("units", "9000000.00");
        bundle.setEvent(index, event);
        String digest = ChainHash.hex(ChainHash.digest(Base64.getDecoder().decode(bundle.line(index).path("event").asText())));
        bundle.line(index).put("eventDigest", digest);
        assertBrokenAt(index, "link", verify(bundle));
    }

    @Test
    void deletedLineBreaksTheIndexSequence() {
        long index = editor().findType("RegisterFund");
        assertBrokenAt(index, "expected index " + index, verify(editor().delete(index)));
    }

    @Test
    void deletedLastLineIsCaughtByTheHeadersToIndex() {
        BundleEditor bundle = editor();
        long last = bundle.size();
        assertBrokenAt(last, "is missing", verify(bundle.delete(last)));
    }

    @Test
    void swappedLinesAreCaughtAsOutOfOrder() {
        long index = editor().findType("RegisterFund");
        assertBrokenAt(index, "out of order", verify(editor().swap(index, index + 1)));
    }

    @Test
    void duplicatedLineIsCaughtWhereItRepeats() {
        BundleEditor bundle = editor();
        long index = bundle.findType("RegisterFund");
        ObjectNode copy = bundle.line(index).deepCopy();
        assertBrokenAt(index + 1, "repeated", verify(bundle.insertAfter(index, copy)));
    }

    @Test
    void forgedCheckpointHeadFailsTheCheckpointSignature() {
        BundleEditor bundle = editor();
        long index = bundle.findType("Checkpoint");
        ObjectNode record = bundle.command(index);
        ObjectNode checkpoint = (ObjectNode) record.path("command");
        checkpoint.put("chainHead", bundle.line(checkpoint.path("chainIndex").asLong() - 1).path("link").asText());
        VerificationReport report = verify(bundle.setCommand(index, record).relink(index));
        assertBrokenAt(index, "checkpoint signature does not verify", report);
    }

    @Test
    void checkpointSignedByTheExchangeOverAWrongHeadFailsTheHeadCheck() {
        BundleEditor bundle = editor();
        long index = bundle.findType("Checkpoint");
        ObjectNode record = bundle.command(index);
        ObjectNode checkpoint = (ObjectNode) record.path("command");
        String forgedHead = bundle.line(checkpoint.path("chainIndex").asLong() - 1).path("link").asText();
        PrivateKey exchangeKey = KeyFiles.readPrivate(recorded.dataDirectory().resolve(GenesisWriter.EXCHANGE_KEY_FILE));
        byte[] message = new CheckpointMessage(checkpoint.path("keyId").asText(), checkpoint.path("chainIndex").asLong(),
                forgedHead, checkpoint.path("signedAt").asLong()).bytes();
        checkpoint.put("chainHead", forgedHead);
        checkpoint.put("signature", Base64.getEncoder().encodeToString(
                Signatures.sign(SignatureAlgorithm.ED25519, exchangeKey, message)));
        VerificationReport report = verify(bundle.setCommand(index, record).relink(index));
        assertBrokenAt(index, "the chain recomputed from the bundle gives", report);
    }

    @Test
    void checkpointWithoutSignatureFails() {
        BundleEditor bundle = editor();
        long index = bundle.findType("Checkpoint");
        ObjectNode record = bundle.command(index);
        ((ObjectNode) record.path("command")).remove("signature");
        assertBrokenAt(index, "no signature", verify(bundle.setCommand(index, record).relink(index)));
    }

    @Test
    void participantSignatureTakenFromAnotherCommandFails() {
        BundleEditor bundle = editor();
        long index = bundle.findType("DepositUnits");
        long other = bundle.findType("RegisterFund");
        ObjectNode record = bundle.command(index);
        ((ObjectNode) record.path("request")).put("signature", bundle.command(other).path("request").path("signature").asText());
        VerificationReport report = verify(bundle.setCommand(index, record).relink(index));
        assertBrokenAt(index, "does not verify", report);
    }

    @Test
    void insertedUnsignedCommandFailsEvenWithAConsistentChain() {
        BundleEditor bundle = editor();
        long deposit = bundle.findType("DepositUnits");
        long at = bundle.findType("ListNegotiated");
        ObjectNode command = bundle.command(deposit);
        command.remove("request");
        command.put("index", at);
        ObjectNode event = bundle.event(deposit);
        event.remove("participant");
        event.remove("clientRequestId");
        event.put("sourceIndex", at);
        ObjectNode inserted = BundleEditor.parse("{}");
        inserted.put("index", at);
        inserted.put("command", "");
        inserted.put("event", "");
        bundle.insertAfter(at - 1, inserted).setCommand(at, command).setEvent(at, event);
        for (long position = at + 1; position <= bundle.size(); position++) {
            ObjectNode shifted = bundle.command(position);
            shifted.put("index", position);
            ObjectNode shiftedEvent = bundle.event(position);
            shiftedEvent.put("sourceIndex", position);
            bundle.setCommand(position, shifted).setEvent(position, shiftedEvent).line(position).put("index", position);
        }
        bundle.header().put("toIndex", bundle.size());
        assertBrokenAt(at, "unsigned DepositUnits", verify(bundle.relink(at)));
    }

    @Test
    void genesisAnywhereButIndexOneFails() {
        BundleEditor bundle = editor();
        long index = bundle.findType("RegisterFund");
        ObjectNode genesis = bundle.command(1);
        genesis.put("index", index);
        assertBrokenAt(index, "only index 1 may be the genesis", verify(bundle.setCommand(index, genesis).relink(index)));
    }

    @Test
    void withheldRejectedCommandStillVerifiesByItsDigest() {
        BundleEditor bundle = editor();
        long index = rejectedSigned(bundle);
        withhold(bundle, index);
        VerificationReport report = verify(bundle);
        assertTrue(report.valid(), report.message());
        assertEquals(1, report.withheld());
        assertEquals(bundle.size(), report.recordsChecked());
    }

    @Test
    void withheldAcceptedCommandWithoutASealedBidOfItsOwnFails() {
        BundleEditor bundle = editor();
        long index = bundle.findType("ListNegotiated");
        withhold(bundle, index);
        assertBrokenAt(index, "a withheld command must hold a redacted sealed bid of its own or have been rejected",
                verify(bundle));
    }

    @Test
    void redactedEventOfAWithheldCommandVerifiesByTheDigestOfTheDocumentAsWritten() {
        BundleEditor bundle = editor();
        long index = bundle.findType("ListNegotiated");
        redactAsSealedBid(bundle, index, 777);
        VerificationReport report = verify(bundle);
        assertTrue(report.valid(), report.message());
        assertEquals(1, report.withheld());
    }

    @Test
    void redactedEventOfAWithheldCommandWithoutItsOwnSealedBidFails() {
        BundleEditor bundle = editor();
        long index = bundle.findType("ListNegotiated");
        ObjectNode event = bundle.event(index);
        ((ObjectNode) event.path("events").path(0)).remove("price");
        bundle.setEvent(index, event);
        withhold(bundle, index);
        bundle.line(index).put("eventRedacted", true);
        assertBrokenAt(index, "a withheld command must hold a redacted sealed bid of its own", verify(bundle));
    }

    @Test
    void aCloseRevealingABidWhosePlacementIsStillRedactedFails() {
        BundleEditor bundle = editor();
        long index = bundle.findType("ListNegotiated");
        redactAsSealedBid(bundle, index, 777);
        long last = bundle.size();
        ObjectNode close = addEvent(bundle, last, closing(777, index, SEALED_NONCE));
        assertBrokenAt(last, "the close reveals sealed bid " + index + " whose placement is still redacted in the bundle",
                verify(bundle.setEvent(last, close).relink(last)));
    }

    @Test
    void aRedactedBidOfAListingClosedWithinTheBundleFails() {
        BundleEditor bundle = editor();
        long index = bundle.findType("ListNegotiated");
        redactAsSealedBid(bundle, index, 777);
        long last = bundle.size();
        ObjectNode withdrawn = BundleEditor.parse("""
                {"type":"ListingWithdrawn","listingId":777,"unitsUnlocked":"0.00"}""");
        assertBrokenAt(last, "listing 777 closes here but sealed bid " + index + " on it is still redacted in the bundle",
                verify(bundle.setEvent(last, addEvent(bundle, last, withdrawn)).relink(last)));
    }

    @Test
    void aBidRedactedAfterItsListingClosedFails() {
        BundleEditor bundle = editor();
        long checkpoint = bundle.findType("Checkpoint");
        long index = bundle.findType("ListNegotiated");
        long closer = index - 1;
        ObjectNode withdrawn = BundleEditor.parse("""
                {"type":"ListingWithdrawn","listingId":777,"unitsUnlocked":"0.00"}""");
        bundle.truncate(checkpoint - 1).setEvent(closer, addEvent(bundle, closer, withdrawn));
        redactAsSealedBid(bundle, index, 777);
        assertBrokenAt(index, "sealed bid " + index + " is redacted but its listing 777 has already closed",
                verify(bundle.relink(closer)));
    }

    @Test
    void aCloseRevealingANonceWithoutACommitmentFails() {
        BundleEditor bundle = editor();
        long last = bundle.size();
        ObjectNode close = addEvent(bundle, last, closing(777, 4242, SEALED_NONCE));
        assertBrokenAt(last, "the close reveals sealed bid 4242 with a nonce, but no commitment of it was seen",
                verify(bundle.setEvent(last, close).relink(last)));
    }

    @Test
    void aSealedBidWithANonceButNoCommitmentFails() {
        BundleEditor bundle = editor();
        long last = bundle.size();
        ObjectNode placed = BundleEditor.parse("""
                {"type":"SealedBidPlaced","listingId":777,"bidId":4242,"bidder":"Investor-07","pseudonym":1,
                 "price":"000000000000001.2345","nonce":"%s"}""".formatted(SEALED_NONCE));
        assertBrokenAt(last, "sealed bid 4242 carries a nonce but no commitment",
                verify(bundle.setEvent(last, addEvent(bundle, last, placed)).relink(last)));
    }

    @Test
    void aCloseWhoseBidsAreMissingIsReportedNotThrown() {
        BundleEditor bundle = editor();
        long last = bundle.size();
        ObjectNode close = closing(777, 4242, SEALED_NONCE);
        close.putNull("bids");
        VerificationReport report = verify(bundle.setEvent(last, addEvent(bundle, last, close)).relink(last));
        assertFalse(report.valid(), report.message());
        assertEquals(last, report.firstProblem().orElseThrow().index(), report.message());
        String reason = report.firstProblem().orElseThrow().reason();
        assertFalse(reason.contains("render"), "fails on the close, not on its rendering: " + report.message());
        assertTrue(reason.startsWith("the line cannot be checked: NullPointerException"), report.message());
    }

    @Test
    void aGenesisWithNeitherPlatformIdNorExchangeKeyIsABrokenBundleAtIndexOne() {
        BundleEditor bundle = editor();
        ObjectNode genesis = bundle.command(1);
        ((ObjectNode) genesis.path("command")).remove(List.of("platformId", "exchangePublicKey"));
        VerificationReport report = verify(bundle.setCommand(1, genesis).relink(1));
        assertFalse(report.valid(), report.message());
        assertEquals(1, report.firstProblem().orElseThrow().index(), report.message());
        String reason = report.firstProblem().orElseThrow().reason();
        assertFalse(reason.contains("render"), "fails on the genesis, not on its rendering: " + report.message());
        assertTrue(reason.startsWith("the genesis names no usable platform id"), report.message());
    }

    private static final String SEALED_NONCE = "4d".repeat(32);

    private static long rejectedSigned(BundleEditor bundle) {
        return bundle.find((command, event) -> command.has("request")
                && event.path("outcome").path("status").asText().equals("REJECTED"));
    }

    private static void withhold(BundleEditor bundle, long index) {
        bundle.withhold(index);
    }

    /**
     * What a dishonest exporter can write at a withheld line, whose redacted event document no digest covers: a
     * redacted sealed bid of that line's command on {@code listingId}, committed to a price nobody can check yet.
     */
    private static void redactAsSealedBid(BundleEditor bundle, long index, long listingId) {
        ObjectNode event = bundle.event(index);
        ObjectNode placed = BundleEditor.parse("""
                {"type":"SealedBidPlaced","listingId":%d,"bidId":%d,"bidder":"Investor-07","pseudonym":1,
                 "commitment":"%s"}""".formatted(listingId, index, "ab".repeat(32)));
        event.putArray("events").add(placed);
        bundle.setEvent(index, event);
        withhold(bundle, index);
        bundle.line(index).put("eventRedacted", true);
    }

    private static ObjectNode closing(long listingId, long bidId, String nonce) {
        return BundleEditor.parse("""
                {"type":"AuctionClosed","listingId":%d,"mechanism":"SEALED","bids":[{"bidId":%d,"bidder":"Investor-07",
                 "pseudonym":1,"price":"1.2345","status":"WON","nonce":"%s"}],"winningBidId":%d,"clearingPrice":"1.2345"}"""
                .formatted(listingId, bidId, nonce, bidId));
    }

    /** The event document at {@code position} with {@code event} appended to its events. */
    private static ObjectNode addEvent(BundleEditor bundle, long position, ObjectNode event) {
        ObjectNode document = bundle.event(position);
        ((ArrayNode) document.path("events")).add(event);
        return document;
    }

    @Test
    void redactedEventBesideItsCommandIsRefused() {
        BundleEditor bundle = editor();
        long index = bundle.findType("DepositUnits");
        ObjectNode event = bundle.event(index);
        ((ObjectNode) event.path("events").path(0)).put("units", "9000000.00");
        bundle.setEvent(index, event);
        bundle.line(index).put("eventRedacted", true);
        assertBrokenAt(index, "only the event document of a withheld command may be redacted", verify(bundle));
    }

    @Test
    void redactedEventWithoutItsDigestAsWrittenBreaksTheLink() {
        BundleEditor bundle = editor();
        long index = bundle.findType("ListNegotiated");
        bundle.withhold(index);
        bundle.line(index).put("eventRedacted", true);
        bundle.line(index).put("eventDigest", "0".repeat(64));
        assertBrokenAt(index, "link", verify(bundle));
    }

    @Test
    void droppedCheckpointLineIsCaught() {
        long checkpoint = editor().findType("Checkpoint");
        assertBrokenAt(checkpoint, "expected index " + checkpoint, verify(editor().delete(checkpoint)));
    }

    @Test
    void journaledCommandThatDiffersFromItsSignedRequestIsCaughtEvenWhenRelinked() {
        BundleEditor bundle = editor();
        long index = bundle.findType("DepositUnits");
        ObjectNode command = bundle.command(index);
        ((ObjectNode) command.path("command")).put("units", "9999999.00");
        assertBrokenAt(index, "differs from the command its signed request says", verify(bundle.setCommand(index, command).relink(index)));
    }

    @Test
    void withheldCommandCannotCarryKeyChanges() {
        BundleEditor bundle = editor();
        long index = bundle.findType("RotateKey");
        bundle.withhold(index);
        assertBrokenAt(index, "cannot change keys", verify(bundle));
    }

    @Test
    void withheldCommandWithAnAlteredDigestBreaksTheLink() {
        BundleEditor bundle = editor();
        long index = rejectedSigned(bundle);
        bundle.withhold(index);
        bundle.line(index).put("commandDigest", "0".repeat(64));
        assertBrokenAt(index, "link", verify(bundle));
    }

    @Test
    void rejectedCommandWithAnUnknownKeyIsCheckedButNotCountedAsVerified() {
        BundleEditor bundle = editor();
        long index = bundle.find((command, event) -> command.has("request")
                && event.path("outcome").path("status").asText().equals("REJECTED"));
        long checkpoint = bundle.findType("Checkpoint");
        assertTrue(index < checkpoint, "the recording rejects a command before its checkpoint");
        ObjectNode record = bundle.command(index);
        ((ObjectNode) record.path("request")).put("keyId", "Ghost-k9");
        bundle.setCommand(index, record).relink(index);

        VerificationReport beforeCheckpoint = verify(bundle.truncate(checkpoint - 1));
        assertTrue(beforeCheckpoint.valid(), beforeCheckpoint.message());
        long honestSignatures = AuditBundleVerifier.verify(editor().truncate(checkpoint - 1).write(temp.resolve("honest.jsonl")))
                .signaturesVerified();
        assertEquals(honestSignatures - 1, beforeCheckpoint.signaturesVerified());
    }

    @Test
    void rewrittenHistoryWithAConsistentChainIsCaughtByTheNextCheckpoint() {
        BundleEditor bundle = editor();
        long index = bundle.find((command, event) -> command.has("request")
                && event.path("outcome").path("status").asText().equals("REJECTED"));
        long checkpoint = bundle.findType("Checkpoint");
        ObjectNode record = bundle.command(index);
        ((ObjectNode) record.path("request")).put("keyId", "Ghost-k9");
        VerificationReport report = verify(bundle.setCommand(index, record).relink(index));
        assertBrokenAt(checkpoint, "but the chain recomputed from the bundle gives", report);
    }

    @Test
    void acceptedCommandWithAnUnknownKeyFails() {
        BundleEditor bundle = editor();
        long index = bundle.find((command, event) -> command.has("request") && accepted(event)
                && command.path("command").path("type").asText().equals("DepositUnits"));
        ObjectNode record = bundle.command(index);
        ((ObjectNode) record.path("request")).put("keyId", "Ghost-k9");
        assertBrokenAt(index, "not registered", verify(bundle.setCommand(index, record).relink(index)));
    }

    @Test
    void acceptedCommandSignedWithARevokedKeyFailsThoughTheSignatureIsGenuine() {
        BundleEditor bundle = editor();
        String firstKey = RecordedExchange.HOLDER + "-k1";
        long index = bundle.find((command, event) -> accepted(event)
                && command.path("request").path("keyId").asText().equals(RecordedExchange.HOLDER + "-k2")
                && command.path("command").path("type").asText().equals("ListNegotiated"));
        ObjectNode record = bundle.command(index);
        ObjectNode request = (ObjectNode) record.path("request");
        byte[] message = CanonicalRequest.of(recorded.platformId(), request.path("method").asText(), request.path("path").asText(),
                request.path("query").asText(""), request.path("participant").asText(), firstKey, SignatureAlgorithm.ED25519,
                request.path("signedTimestamp").asLong(), request.path("clientRequestId").asText(),
                request.path("body").asText().getBytes(StandardCharsets.UTF_8)).bytes();
        request.put("keyId", firstKey);
        request.put("signature", Base64.getEncoder().encodeToString(
                Signatures.sign(SignatureAlgorithm.ED25519, recorded.holderFirstKey().getPrivate(), message)));
        assertBrokenAt(index, "was revoked at index", verify(bundle.setCommand(index, record).relink(index)));
    }

    /** The first accepted ListNegotiated signed with Holder-01's first key (before its revocation). */
    private static long firstKeyListing(BundleEditor bundle) {
        return bundle.find((command, event) -> accepted(event)
                && command.path("request").path("keyId").asText().equals(RecordedExchange.HOLDER + "-k1")
                && command.path("command").path("type").asText().equals("ListNegotiated"));
    }

    private String signWithFirstKey(CanonicalRequest canonical) {
        return Base64.getEncoder().encodeToString(
                Signatures.sign(SignatureAlgorithm.ED25519, recorded.holderFirstKey().getPrivate(), canonical.bytes()));
    }

    private static CanonicalRequest canonical(String platformId, ObjectNode request) {
        return CanonicalRequest.of(platformId, request.path("method").asText(), request.path("path").asText(),
                request.path("query").asText(""), request.path("participant").asText(), request.path("keyId").asText(),
                SignatureAlgorithm.ED25519, request.path("signedTimestamp").asLong(),
                request.path("clientRequestId").asText(), request.path("body").asText().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRequestSignedWithTheRightKeyForAnotherPlatformFails() {
        BundleEditor bundle = editor();
        long index = firstKeyListing(bundle);
        ObjectNode record = bundle.command(index);
        ObjectNode request = (ObjectNode) record.path("request");
        assertEquals("FXS2", request.path("scheme").asText());
        assertEquals(request.path("signature").asText(), signWithFirstKey(canonical(recorded.platformId(), request)),
                "Ed25519 is deterministic: signed again for its own platform, the record is unchanged");
        request.put("signature", signWithFirstKey(canonical("fx-elsewhere", request)));
        assertBrokenAt(index, "does not verify over the signed ListNegotiated (FXS2)",
                verify(bundle.setCommand(index, record).relink(index)));
    }

    @Test
    void aGenuineFxs1SignatureInAJournalBoundToAPlatformFails() {
        BundleEditor bundle = editor();
        long index = firstKeyListing(bundle);
        ObjectNode record = bundle.command(index);
        ObjectNode request = (ObjectNode) record.path("request");
        request.remove("scheme");
        request.put("signature", signWithFirstKey(canonical(recorded.platformId(), request).asFxs1()));
        assertBrokenAt(index, "a request signed under FXS1 in a journal whose genesis binds every signature to platform "
                + recorded.platformId(), verify(bundle.setCommand(index, record).relink(index)));
    }

    @Test
    void bundleOfAnotherFormatIsRefusedAtTheHeader() {
        BundleEditor bundle = editor();
        bundle.header().put("format", "something-else");
        VerificationReport report = verify(bundle);
        assertEquals(0, report.firstProblem().orElseThrow().index(), report.message());
        assertEquals(0, report.recordsChecked());
    }
}
