package fundexchange.audit.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.journal.JournalCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
 * {@code ExchangeNode} over a fresh database, with a clock the test moved forward in 30-second steps; participants
 * signing under FXS2 with Ed25519 and SM2 keys ({@code Participant}); Staff-01/Staff-02 onboarding Holder-01,
 * Investor-07 and Investor-08 by maker-checker and registering DGF3 with a deposit; Holder-01 listing two sealed
 * auctions (one ending in ten minutes, one in a day); Investor-07 bidding on the first before its approval (rejected);
 * both approved; Investor-07 and Investor-08 bidding on the first, Investor-07 on the second; Holder-01 rotating to an
 * SM2 key and revoking its first; the clock moved 11 minutes, so a Tick closed the first auction (a trade) and a late
 * bid was rejected; a checkpoint through {@code POST /audit/checkpoints} once the audit tailer had caught up; a listing
 * signed with the rotated key; then {@code AuditBundleWriter.write(journals, lastCompleteIndex, out)} with the default
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
        assertEquals(new VerificationReport(true, 36, 30, 1, 3, 2, Optional.empty(), Optional.of(PLATFORM)), report,
                report.message());
    }

    @Test
    void theFixtureHoldsTheWithheldAndRedactedLinesOfASealedAuctionAndKeepsTheOpenBidSealed() throws IOException {
        List<Long> withheld = new ArrayList<>();
        List<Long> redacted = new ArrayList<>();
        StringBuilder decoded = new StringBuilder();
        List<String> lines = Files.readAllLines(bundle);
        for (String line : lines.subList(1, lines.size())) {
            JsonNode node = JournalCodec.mapper().readTree(line);
            if (node.path("commandWithheld").asBoolean()) {
                withheld.add(node.path("index").asLong());
            }
            if (node.path("eventRedacted").asBoolean()) {
                redacted.add(node.path("index").asLong());
            }
            for (String field : List.of("command", "event")) {
                if (node.has(field)) {
                    decoded.append(new String(Base64.getDecoder().decode(node.path(field).asText()), StandardCharsets.UTF_8));
                }
            }
        }
        assertEquals(List.of(25L, 30L, 34L), withheld);
        assertEquals(List.of(30L), redacted);
        assertFalse(decoded.toString().contains("1.0707"), "the open auction's bid price is in the bundle");
    }
}
