package fundexchange.audit.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.command.Genesis;
import fundexchange.journal.JournalCodec;
import fundexchange.signing.PlatformId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fxs1-bundle.jsonl} was exported, unchanged since, from a real exchange of the code before FXS2 (commit
 * 066f63f): a genesis without a platform id, 25 participant requests signed under FXS1 with Ed25519 and SM2 keys
 * (onboarding by maker-checker, a transfer, a duplicate and a rejected repeat, a key rotation and revocation), and a
 * checkpoint. Journals never change, so it must verify for ever.
 */
class Fxs1BundleTest {
    @TempDir
    Path temp;

    @Test
    void aBundleWrittenBeforeFxs2StillVerifiesEveryFxs1SignatureAndCheckpoint() throws IOException {
        Path bundle = temp.resolve("fxs1-bundle.jsonl");
        try (InputStream in = Fxs1BundleTest.class.getResourceAsStream("fxs1-bundle.jsonl")) {
            Files.copy(in, bundle);
        }
        VerificationReport report = AuditBundleVerifier.verify(bundle);
        assertEquals(new VerificationReport(true, 27, 25, 1, 0, 0, Optional.empty(), Optional.of(derivedPlatformId(bundle)), 1),
                report, report.message());
    }

    @Test
    void aBundleOfAnotherPlatformThanTheExpectedOneFailsAtTheGenesis() throws IOException {
        Path bundle = temp.resolve("fxs1-bundle.jsonl");
        try (InputStream in = Fxs1BundleTest.class.getResourceAsStream("fxs1-bundle.jsonl")) {
            Files.copy(in, bundle);
        }
        String platform = derivedPlatformId(bundle);
        assertEquals(true, AuditBundleVerifier.verify(bundle, Optional.of(platform)).valid());
        VerificationReport other = AuditBundleVerifier.verify(bundle, Optional.of("exchange.example"));
        assertEquals(Optional.of(new Problem(1, "the bundle is of platform " + platform
                + ", not of the expected exchange.example")), other.firstProblem(), other.message());
    }

    /** The id derived from the exchange key of the fixture's genesis, which names no platform id. */
    private static String derivedPlatformId(Path bundle) throws IOException {
        String line = Files.readAllLines(bundle).get(1);
        byte[] command = Base64.getDecoder().decode(JournalCodec.mapper().readTree(line).path("command").asText());
        Genesis genesis = (Genesis) JournalCodec.readCommand(command).command();
        return PlatformId.ofGenesis(null, genesis.exchangePublicKey());
    }
}
