package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.engine.reference.Role;
import fundexchange.gateway.GatewayConfig;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.testsupport.FreshDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CheckpointIntervalSystemTest {
    @RegisterExtension
    static final FreshDatabase DB = new FreshDatabase();

    @TempDir
    Path data;

    @Test
    void theExchangeCheckpointsItsAuditChainOnItsConfiguredIntervalWithAnSm2Key() throws Exception {
        Clock clock = Clock.systemUTC();
        KeyPair regulator = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        GenesisWriter.write(data, List.of(
                new GenesisWriter.Founder("Staff-01", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                new GenesisWriter.Founder("Staff-02", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                new GenesisWriter.Founder("Staff-03", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                new GenesisWriter.Founder("Regulator-01", Role.REGULATOR, regulator.getPublic())), clock,
                SignatureAlgorithm.SM2_SM3);
        try (ExchangeNode node = ExchangeNode.start(data, Optional.of(new ExchangeNode.Database(DB.url(), DB.user(), DB.password())),
                GatewayConfig.DEFAULTS.withPort(0), clock, Duration.ofMillis(300))) {
            Participant reg = new Participant(URI.create("http://localhost:" + node.port()), "Regulator-01", "Regulator-01-k1",
                    regulator, clock, "cp");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (reg.get("/audit/checkpoints").ok().body().path("checkpoints").isEmpty()) {
                assertTrue(System.nanoTime() < deadline, "no checkpoint within 20 s at a 300 ms interval");
                Thread.sleep(100);
            }
            fundexchange.client.ClientResponse bundle = reg.raw("/audit/bundle");
            java.nio.file.Path file = data.resolveSibling("sm2-bundle.jsonl");
            java.nio.file.Files.writeString(file, bundle.body());
            fundexchange.audit.bundle.VerificationReport report = fundexchange.audit.bundle.AuditBundleVerifier.verify(file);
            assertTrue(report.valid() && report.checkpointsVerified() == 1, "an SM2 exchange key signs checkpoints: " + report.message());
            Thread.sleep(1_500);
            assertEquals(1, reg.get("/audit/checkpoints").ok().body().path("checkpoints").size(),
                    "an idle exchange does not checkpoint its own checkpoints");
        }
    }
}
