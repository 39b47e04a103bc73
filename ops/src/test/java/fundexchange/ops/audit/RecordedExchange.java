package fundexchange.ops.audit;

import fundexchange.audit.bundle.AuditBundleWriter;
import fundexchange.protocol.reference.Role;
import fundexchange.gateway.GatewayConfig;
import fundexchange.journal.chronicle.Journals;
import fundexchange.ops.ExchangeNode;
import fundexchange.ops.GenesisWriter;
import fundexchange.ops.TestGenesis;
import fundexchange.ops.NegotiatedTransferScript;
import fundexchange.ops.Participant;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.testsupport.FreshDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The journals of one real exchange, recorded once per test JVM and shared read-only: genesis, onboarding by
 * maker-checker, a negotiated transfer, a duplicate and a rejected repeat, a key rotation and a revocation, a listing
 * signed with the rotated key, a checkpoint made through {@code POST /audit/checkpoints}, and one command after it.
 */
final class RecordedExchange {
    static final String HOLDER = "Holder-01";
    private static RecordedExchange shared;

    private final Path dataDirectory;
    private final Path bundle;
    private final KeyPair holderFirstKey;
    private final String platformId;

    private RecordedExchange(Path dataDirectory, KeyPair holderFirstKey, String platformId) {
        this.dataDirectory = dataDirectory;
        this.holderFirstKey = holderFirstKey;
        this.platformId = platformId;
        this.bundle = dataDirectory.resolveSibling("recorded-bundle.jsonl");
        try (Journals journals = Journals.open(dataDirectory)) {
            AuditBundleWriter.write(journals, AuditBundleWriter.lastCompleteIndex(journals), bundle);
        }
    }

    static synchronized RecordedExchange shared() {
        if (shared == null) {
            shared = record();
        }
        return shared;
    }

    /** The exchange's data directory (journals and the exchange key); the exchange is stopped. */
    Path dataDirectory() {
        return dataDirectory;
    }

    /** A bundle of the whole recording; copy it before changing anything. */
    Path bundle() {
        return bundle;
    }

    /** The platform id of the recording's genesis, which its requests are signed for. */
    String platformId() {
        return platformId;
    }

    /** Holder-01's first key, revoked during the recording. */
    KeyPair holderFirstKey() {
        return holderFirstKey;
    }

    private static RecordedExchange record() {
        Path root;
        FreshDatabase database;
        try {
            root = Files.createTempDirectory("audit-bundle-exchange");
            database = new FreshDatabase().create("AuditBundle");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> fundexchange.ops.Directories.deleteRecursively(root)));
        Path data = root.resolve("data");
        Clock clock = Clock.systemUTC();
        KeyPair staff1 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        KeyPair staff2 = KeyMaterial.generate(SignatureAlgorithm.SM2_SM3);
        KeyPair regulator = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        KeyPair holderFirst = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        KeyPair holderSecond = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        KeyPair investor = KeyMaterial.generate(SignatureAlgorithm.SM2_SM3);
        String platformId = TestGenesis.write(data, List.of(
                new GenesisWriter.Founder("Staff-01", Role.STAFF, staff1.getPublic()),
                new GenesisWriter.Founder("Staff-02", Role.STAFF, staff2.getPublic()),
                new GenesisWriter.Founder("Staff-03", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                new GenesisWriter.Founder("Regulator-01", Role.REGULATOR, regulator.getPublic())), clock);
        try (ExchangeNode node = ExchangeNode.start(data,
                Optional.of(new ExchangeNode.Database(database.url(), database.user(), database.password())),
                GatewayConfig.DEFAULTS.withPort(0), clock)) {
            URI uri = URI.create("http://localhost:" + node.port());
            Participant s1 = new Participant(uri, "Staff-01", "Staff-01-k1", staff1, clock, "audit");
            Participant s2 = new Participant(uri, "Staff-02", "Staff-02-k1", staff2, clock, "audit");
            Participant holder = new Participant(uri, HOLDER, HOLDER + "-k1", holderFirst, clock, "audit");
            Participant buyer = new Participant(uri, "Investor-07", "Investor-07-k1", investor, clock, "audit");
            NegotiatedTransferScript script = new NegotiatedTransferScript(s1, s2, clock);
            script.onboard(HOLDER, "Audit LP Holder One", "HOLDER", holderFirst);
            script.onboard("Investor-07", "Audit S Fund Investor Seven", "INVESTOR", investor);
            script.registerFundWithHolding(HOLDER);
            script.transfer(holder, buyer);

            String listing = """
                    {"fundCode":"DGF3","buyer":"Investor-07","units":"1000.00","price":"0.9500"}""";
            holder.post("/listings", listing, "audit-repeat").ok();
            holder.post("/listings", listing, "audit-repeat").ok();
            require(409, holder.post("/listings", listing.replace("1000.00", "2000.00"), "audit-repeat"));

            holder.post("/keys", """
                    {"newKeyId":"%s-k2","algorithm":"ED25519","publicKey":"%s"}""".formatted(HOLDER,
                    Base64.getEncoder().encodeToString(KeyMaterial.spki(holderSecond.getPublic())))).ok();
            Participant rotated = new Participant(uri, HOLDER, HOLDER + "-k2", holderSecond, clock, "audit-k2");
            rotated.post("/keys/" + HOLDER + "-k1/revoke", "{}").ok();
            long lastListing = rotated.post("/listings", listing, "audit-after-rotation").ok().sourceIndex();

            if (!node.audit().awaitIndex(node.engine().lastIndex(), Duration.ofSeconds(30))) {
                throw new IllegalStateException("the audit tailer did not catch up");
            }
            s1.post("/audit/checkpoints", "{}").ok();
            s2.post("/listings/" + lastListing + "/approve", "{}").ok();
        }
        return new RecordedExchange(data, holderFirst, platformId);
    }

    private static void require(int status, Participant.Reply reply) {
        if (reply.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + reply.status() + ": " + reply.body());
        }
    }

}
