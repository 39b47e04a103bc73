package fundexchange.ops.api;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.protocol.reference.Role;
import fundexchange.gateway.Gateway;
import fundexchange.gateway.GatewayConfig;
import fundexchange.ops.ExchangeNode;
import fundexchange.ops.GenesisWriter;
import fundexchange.ops.TestGenesis;
import fundexchange.ops.JournalPosition;
import fundexchange.ops.NegotiatedTransferScript;
import fundexchange.ops.Participant;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.testsupport.FreshDatabase;
import io.helidon.webserver.WebServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One exchange for a {@code @ServerTest} class: the node's backend (journals, engine, sequencer, gateway view,
 * projector, audit tailer) on a fresh PostgreSQL database, served by the test's web server configured as production
 * configures it ({@link Gateway#configure}); then, over signed HTTP, the founders and a cast onboarded through
 * maker-checker: two holders, two qualified investors and an unqualified one.
 */
final class ApiMarket implements AutoCloseable {
    static final String DIGEST = "ab".repeat(32);
    /** How long a test server's read waits for its minIndex (the default is 5 s). */
    static final long MIN_INDEX_WAIT_MS = 30_000;
    private static final java.util.concurrent.atomic.AtomicLong REQUESTS = new java.util.concurrent.atomic.AtomicLong();
    private final Clock clock;
    private final Path data;
    private final ExchangeNode node;
    private final JournalPosition position = new JournalPosition();
    private final KeyPair staff1Keys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private final KeyPair staff2Keys = KeyMaterial.generate(SignatureAlgorithm.SM2_SM3);
    private final KeyPair regulatorKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    Participant staff1;
    Participant staff2;
    Participant regulator;
    Participant holder;
    Participant holder2;
    Participant investor;
    Participant investor2;
    Participant unqualified;
    NegotiatedTransferScript script;

    private ApiMarket(String label, ExchangeNode.Options options, Clock clock) throws IOException, SQLException {
        this(label, options, clock, SignatureAlgorithm.ED25519);
    }

    private ApiMarket(String label, ExchangeNode.Options options, Clock clock, SignatureAlgorithm exchangeAlgorithm)
            throws IOException, SQLException {
        this.clock = clock;
        data = Files.createTempDirectory("api-" + label);
        TestGenesis.write(data, List.of(
                new GenesisWriter.Founder("Staff-01", Role.STAFF, staff1Keys.getPublic()),
                new GenesisWriter.Founder("Staff-02", Role.STAFF, staff2Keys.getPublic()),
                new GenesisWriter.Founder("Staff-03", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                new GenesisWriter.Founder("Regulator-01", Role.REGULATOR, regulatorKeys.getPublic())), clock,
                exchangeAlgorithm);
        FreshDatabase db = new FreshDatabase().create(label);
        node = ExchangeNode.startWithoutGateway(data, Optional.of(new ExchangeNode.Database(db.url(), db.user(), db.password())),
                clock, options);
    }

    /** Starts the backend; call from {@code @SetUpServer}, then {@link #configure}. */
    static ApiMarket start(String label) {
        return start(label, ExchangeNode.Options.DEFAULTS);
    }

    /** As {@link #start(String)}, the exchange's own key (checkpoints, certificates) of {@code exchangeAlgorithm}. */
    static ApiMarket start(String label, SignatureAlgorithm exchangeAlgorithm) {
        try {
            return new ApiMarket(label, ExchangeNode.Options.DEFAULTS, Clock.systemUTC(), exchangeAlgorithm);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As {@link #start(String)}, the node run with {@code options}. */
    static ApiMarket start(String label, ExchangeNode.Options options) {
        return start(label, options, Clock.systemUTC());
    }

    /** As {@link #start(String)}, the node (and the cast's signatures) on {@code clock}, e.g. one the test steps. */
    static ApiMarket start(String label, ExchangeNode.Options options, Clock clock) {
        try {
            return new ApiMarket(label, options, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The test server, configured as {@code exchange serve} configures its own but for a read's wait for its
     * {@code minIndex}: {@link #MIN_INDEX_WAIT_MS}, for a busy machine.
     */
    void configure(WebServerConfig.Builder builder) {
        Gateway.configure(builder, GatewayConfig.DEFAULTS.withMinIndexWaitMs(MIN_INDEX_WAIT_MS), clock, node.services());
    }

    /** As {@link #configure}, the portal's pages allowed to reach the local signing agents at {@code signerOrigins}. */
    void configure(WebServerConfig.Builder builder, List<String> signerOrigins) {
        Gateway.configure(builder, GatewayConfig.DEFAULTS.withMinIndexWaitMs(MIN_INDEX_WAIT_MS)
                .withPortalSignerOrigins(signerOrigins), clock, node.services());
    }

    /**
     * As {@link #configure}, the live streams under {@code streams} (heartbeats sent by the test through the returned
     * hub when {@code streams} has them manual).
     */
    fundexchange.gateway.stream.StreamHub configure(WebServerConfig.Builder builder,
                                                    fundexchange.gateway.stream.StreamLimits streams) {
        GatewayConfig config = GatewayConfig.DEFAULTS.withMinIndexWaitMs(MIN_INDEX_WAIT_MS).withStreams(streams);
        fundexchange.gateway.stream.StreamHub hub = Gateway.streamHub(config, node.services());
        Gateway.configure(builder, config, clock, node.services(), hub);
        return hub;
    }

    /** Another gateway on this backend, on its own port. */
    Gateway gateway(GatewayConfig config) {
        return Gateway.start(config.withPort(0).withBindAddress("127.0.0.1"), clock, node.services());
    }

    /** The regulator over another gateway's {@code uri}, reading at the cast's position. */
    Participant regulatorOver(URI uri) {
        return new Participant(uri, "Regulator-01", "Regulator-01-k1", regulatorKeys, clock, "api-other").sharing(position);
    }

    /** Staff-01 over another gateway's {@code uri}, reading at the cast's position. */
    Participant staffOver(URI uri) {
        return new Participant(uri, "Staff-01", "Staff-01-k1", staff1Keys, clock, "api-other").sharing(position);
    }

    /** Onboards the cast over the test server's {@code uri}; call once from {@code @BeforeAll}. */
    ApiMarket onboard(URI uri) {
        staff1 = as(uri, "Staff-01", staff1Keys);
        staff2 = as(uri, "Staff-02", staff2Keys);
        regulator = as(uri, "Regulator-01", regulatorKeys);
        script = new NegotiatedTransferScript(staff1, staff2, clock);
        holder = newcomer(uri, "Holder-01", "HOLDER", false);
        holder2 = newcomer(uri, "Holder-02", "HOLDER", false);
        investor = newcomer(uri, "Investor-07", "INVESTOR", true);
        investor2 = newcomer(uri, "Investor-08", "INVESTOR", true);
        unqualified = newcomer(uri, "Investor-09", "INVESTOR", false);
        return this;
    }

    /** Onboards another participant over {@code uri} (maker-checker, with a fresh Ed25519 key). */
    Participant newcomer(URI uri, String id, String role, boolean qualify) {
        return newcomer(uri, id, role, qualify, KeyMaterial.generate(SignatureAlgorithm.ED25519));
    }

    /** As {@link #newcomer(URI, String, String, boolean)}, with {@code keys} as its first key. */
    Participant newcomer(URI uri, String id, String role, boolean qualify, KeyPair keys) {
        script.onboard(id, "Demo " + id, role, keys, qualify);
        return as(uri, id, keys);
    }

    /**
     * A participant registered and given its first key by maker-checker but never approved: PENDING. Its reads wait
     * for the cast's writes.
     */
    Participant pending(URI uri, String id, String role) {
        KeyPair keys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        staff1.post("/participants", """
                {"participantId":"%s","name":"Demo %s","participantType":"INSTITUTION","roles":["%s"]}"""
                .formatted(id, id, role)).ok();
        script.approve("""
                {"type":"RegisterFirstKey","participantId":"%s","keyId":"%s-k1","algorithm":"ED25519","publicKey":"%s"}"""
                .formatted(id, id, java.util.Base64.getEncoder().encodeToString(KeyMaterial.spki(keys.getPublic()))));
        return as(uri, id, keys);
    }

    /** A participant of the cast: its reads wait for every write of the cast before them (minIndex). */
    private Participant as(URI uri, String id, KeyPair keys) {
        return new Participant(uri, id, id + "-k1", keys, clock, "api").sharing(position);
    }

    /** Notes a write made outside the cast's participants (e.g. through a raw client): later reads wait for it. */
    void reached(long journalIndex) {
        position.reached(journalIndex);
    }

    /** The journal index of the cast's last write, which every read of the cast passes as minIndex. */
    long position() {
        return position.index();
    }

    Clock clock() {
        return clock;
    }

    /** The node's data directory (journals, snapshots): what an operator with the node's files reads. */
    Path data() {
        return data;
    }

    /** Registers a fund (NAV 1.5000, no right of first refusal) and deposits 1,000,000 units to the holder. */
    void fund(String code, Participant owner) {
        registerFund(code, false);
        deposit(code, owner);
    }

    /** Registers a FULL custody fund at NAV 1.5000 with a minimum transfer of 100 units. */
    void registerFund(String code, boolean rightOfFirstRefusal) {
        staff1.post("/funds", """
                {"fundCode":"%s","shortName":"Demo Fund %s","manager":"Demo Capital Management",
                 "strategy":"GROWTH","vintage":2019,"currency":"CNY","legalForm":"PARTNERSHIP","custodyMode":"FULL",
                 "nav":"1.5000","navDate":"2026-09-30","minTransferUnits":"100.00","rightOfFirstRefusal":%s}"""
                .formatted(code, code, rightOfFirstRefusal)).ok();
    }

    /** Deposits 1,000,000 units at a cost of 1 per unit. */
    void deposit(String code, Participant owner) {
        staff1.post("/deposits", """
                {"fundCode":"%s","holder":"%s","units":"1000000.00","cost":"1000000.00"}""".formatted(code, owner.id())).ok();
    }

    /** One field of every element of an array, as numbers. */
    static List<Long> longs(JsonNode array, String field) {
        List<Long> values = new java.util.ArrayList<>();
        array.forEach(element -> values.add(element.path(field).asLong()));
        return values;
    }

    /** One field of every element of an array, as text. */
    static List<String> texts(JsonNode array, String field) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(element -> values.add(element.path(field).asText()));
        return values;
    }

    /** The field names of an object (the API writes them in alphabetical order). */
    static java.util.Set<String> fields(JsonNode object) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * Waits for the wall clock, which the sequencer stamps commands with, to pass {@code time} (a deadline): a command
     * sent afterwards is journaled after every deadline up to {@code time} fired (CONTRACTS.md 2), so reads at its
     * index see their effects.
     */
    void awaitClockPast(long time) throws InterruptedException {
        for (long left = time + 1 - clock.millis(); left > 0; left = time + 1 - clock.millis()) {
            Thread.sleep(left);
        }
    }

    /** A fresh clientRequestId for a typed call of the client library. */
    static String rid() {
        return "typed-" + REQUESTS.incrementAndGet();
    }

    /** The first event of a type in a write's answer. */
    static JsonNode event(Participant.Reply reply, String type) {
        return NegotiatedTransferScript.eventOfType(reply, type);
    }

    @Override
    public void close() {
        node.close();
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
