package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.protocol.reference.Role;
import fundexchange.gateway.GatewayConfig;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.testsupport.FreshDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, finding 3, through the real gateway: a client whose clock runs 296 s behind the exchange's sends a write,
 * and resends it 6 s later, re-signed, with the same id and body. The exchange remembers the id for its retention in
 * journal time from the first journaling, not until the signed timestamp plus W (which had passed), so the resend is
 * answered as a duplicate and takes no second effect. The node's clock is moved by hand.
 */
class ClockBehindRetrySystemTest {
    @RegisterExtension
    static final FreshDatabase DB = new FreshDatabase();
    @TempDir
    static Path data;

    private static final ManualClock CLOCK = new ManualClock(1_795_000_000_000L);
    private static final KeyPair STAFF_1 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private static ExchangeNode node;

    @BeforeAll
    static void exchange() {
        GenesisWriter.write(data, List.of(
                new GenesisWriter.Founder("Staff-01", Role.STAFF, STAFF_1.getPublic()),
                new GenesisWriter.Founder("Staff-02", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                new GenesisWriter.Founder("Staff-03", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                new GenesisWriter.Founder("Regulator-01", Role.REGULATOR,
                        KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic())), CLOCK);
        node = ExchangeNode.start(data, Optional.of(new ExchangeNode.Database(DB.url(), DB.user(), DB.password())),
                GatewayConfig.DEFAULTS.withPort(0), CLOCK);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aResendPastTheSignedTimestampPlusTheWindowTakesNoSecondEffect() {
        Clock behind = Clock.offset(CLOCK, Duration.ofSeconds(-296));
        Participant staff = new Participant(URI.create("http://localhost:" + node.port()), "Staff-01", "Staff-01-k1",
                STAFF_1, behind, "behind");
        String proposal = "{\"action\":{\"type\":\"SetPlatformParameter\",\"name\":\"anti-flip-business-days\",\"value\":\"3\"}}";

        Participant.Reply first = staff.post("/proposals", proposal, "behind-1").ok();
        CLOCK.advance(6_000);
        Participant.Reply resent = staff.post("/proposals", proposal, "behind-1").ok();

        assertEquals("ACCEPTED", first.body().path("outcome").path("status").asText(), first.body().toString());
        assertEquals(first.body(), resent.body(), "the resend is answered with the original document");
        assertEquals(true, resent.journalIndex() > first.journalIndex(), "the resend was journaled and decided again");
        // A read signed 296 s behind would be refused as signed before the gateway started (150): read on time.
        Participant onTime = new Participant(URI.create("http://localhost:" + node.port()), "Staff-01", "Staff-01-k1",
                STAFF_1, CLOCK, "on-time");
        JsonNode pending = onTime.get("/proposals?status=PENDING&minIndex=" + resent.journalIndex()).ok().body()
                .path("proposals");
        List<Long> ids = new ArrayList<>();
        pending.forEach(p -> ids.add(p.path("proposalId").asLong()));
        assertEquals(List.of(first.sourceIndex()), ids, "one proposal, not two");
    }
}
