package fundexchange.audit.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.journal.JournalCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code json-era-bundle.jsonl} pins a bundle of the last journals written in JSON (encoding 1), before issue 18's
 * binary encoding: the verifier must accept it for ever, as journals never change.
 *
 * <p>How it was made (2026-12-07, branch alloc18 from main at a3a25f9), once, by a throw-away test in
 * {@code ops/src/test/java/fundexchange/ops/audit/} that was not kept: like {@code RecordedExchange}, a real
 * {@code ExchangeNode} over a fresh database; participants signing under FXS2 with Ed25519 and SM2 keys
 * ({@code Participant}). The journal's times (UTC): the genesis at 16:06:55.582; Staff-01/Staff-02 onboarding
 * Holder-01, Investor-07 and Investor-08 by maker-checker and registering DGF3 with a deposit (16:07:00.908 to
 * 16:07:01.948); Holder-01 listing two sealed auctions, both starting 16:07:01.994, one ending at 16:17:01.994 and one a
 * day later (indexes 23, 24); Investor-07 bidding on the first before its approval (25, rejected); both approved;
 * Investor-07 and Investor-08 bidding on the first, Investor-07 on the second (28 to 30); Holder-01 rotating to an SM2
 * key and revoking its first (31, 32, at 16:07:02.637). The clock then moved past the first auction's end: a Tick at
 * 16:17:08.454 closed it (a trade, 33) and a bid at 16:18:09.282 was rejected as late (34); a checkpoint through
 * {@code POST /audit/checkpoints} once the audit tailer had caught up (35, 16:18:09.375); a listing signed with the
 * rotated key (36, 16:18:09.430); then {@code AuditBundleWriter.write(journals, lastCompleteIndex, out)} with the default
 * withholding. 36 lines: the two rejected bids are withheld (25, 34), and the bid on the still-open auction is withheld
 * with its event redacted (30).
 */
class JsonEraBundleTest {
    private static final String PLATFORM = "fx-555e0a170c1b6413";

    @TempDir
    Path temp;
    private Path bundle;

    @BeforeEach
    void copyFixture() throws IOException {
        bundle = temp.resolve("json-era-bundle.jsonl");
        try (InputStream in = JsonEraBundleTest.class.getResourceAsStream("json-era-bundle.jsonl")) {
            Files.copy(in, bundle);
        }
    }

    @Test
    void aBundleWrittenBeforeTheBinaryEncodingStillVerifiesEverySignatureCheckpointAndCommitment() {
        VerificationReport report = AuditBundleVerifier.verify(bundle, Optional.of(PLATFORM));
        assertEquals(new VerificationReport(true, 36, 30, 1, 3, 2, Optional.empty(), Optional.of(PLATFORM), 1), report,
                report.message());
    }

    @Test
    void theFixtureHoldsTheWithheldAndRedactedLinesOfASealedAuctionAndKeepsTheOpenBidSealed() throws IOException {
        List<Long> withheld = new ArrayList<>();
        List<Long> redacted = new ArrayList<>();
        JsonNode openBid = null;
        List<String> lines = Files.readAllLines(bundle);
        for (String line : lines.subList(1, lines.size())) {
            JsonNode node = JournalCodec.mapper().readTree(line);
            if (node.path("commandWithheld").asBoolean()) {
                withheld.add(node.path("index").asLong());
            }
            if (node.path("eventRedacted").asBoolean()) {
                redacted.add(node.path("index").asLong());
            }
            if (node.path("index").asLong() == 30) {
                assertFalse(node.has("command"), "the open auction's bid command is in the bundle");
                openBid = JournalCodec.mapper().readTree(Base64.getDecoder().decode(node.path("event").asText()));
            }
        }
        assertEquals(List.of(25L, 30L, 34L), withheld);
        assertEquals(List.of(30L), redacted);
        JsonNode events = openBid.path("events");
        assertEquals(1, events.size());
        JsonNode placed = events.get(0);
        assertEquals("SealedBidPlaced", placed.path("type").asText());
        assertTrue(placed.path("commitment").isTextual(), placed::toString);
        assertFalse(placed.has("price"), "the open auction's bid price is in the bundle");
        assertFalse(placed.has("nonce"), "the open auction's bid nonce is in the bundle");
    }
}
