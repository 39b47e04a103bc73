package fundexchange.ops;

import fundexchange.engine.Engine;
import fundexchange.engine.reference.Role;
import fundexchange.gateway.GatewayConfig;
import fundexchange.runner.EngineRunner;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code exchange demo}: a fresh exchange on the embedded database with synthetic participants, one negotiated
 * transfer driven through the signed API, and a summary read back from the registry and checked against a replay.
 */
@Command(name = "demo", description = "Starts a demo exchange, runs a signed negotiated transfer, prints a summary.")
final class DemoCommand implements Runnable {
    @Option(names = "--data-dir", defaultValue = "demo-data", description = "replaced on every run (default: ${DEFAULT-VALUE})")
    Path dataDirectory;
    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE})")
    int port;
    @Option(names = "--exit", description = "exit after the summary instead of serving")
    boolean exit;

    @Override
    public void run() {
        replaceDemoDirectory(dataDirectory);
        Clock clock = Clock.systemUTC();
        // The demo participants' private keys live only in this process (CONTRACTS.md 4).
        KeyPair staff1 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        KeyPair staff2 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        KeyPair regulator = KeyMaterial.generate(SignatureAlgorithm.SM2_SM3);
        KeyPair holder = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        KeyPair investor = KeyMaterial.generate(SignatureAlgorithm.SM2_SM3);
        GenesisWriter.write(dataDirectory, List.of(
                new GenesisWriter.Founder("Staff-01", Role.STAFF, staff1.getPublic()),
                new GenesisWriter.Founder("Staff-02", Role.STAFF, staff2.getPublic()),
                new GenesisWriter.Founder("Regulator-01", Role.REGULATOR, regulator.getPublic())), clock);
        writeMarker(dataDirectory);
        ExchangeNode node = ExchangeNode.start(dataDirectory, Optional.empty(), GatewayConfig.DEFAULTS.withPort(port), clock);
        URI uri = URI.create("http://localhost:" + node.port());
        System.out.println("exchange listening on " + uri + " (demo data in " + dataDirectory + ")");
        Participant s1 = new Participant(uri, "Staff-01", "Staff-01-k1", staff1, clock, "demo");
        Participant s2 = new Participant(uri, "Staff-02", "Staff-02-k1", staff2, clock, "demo");
        Participant reg = new Participant(uri, "Regulator-01", "Regulator-01-k1", regulator, clock, "demo");
        Participant h = new Participant(uri, "Holder-01", "Holder-01-k1", holder, clock, "demo");
        Participant i = new Participant(uri, "Investor-07", "Investor-07-k1", investor, clock, "demo");
        NegotiatedTransferScript script = new NegotiatedTransferScript(s1, s2, clock);
        script.onboard("Holder-01", "Demo LP Holder One", "HOLDER", holder);
        script.onboard("Investor-07", "Demo S Fund Investor Seven", "INVESTOR", investor);
        script.registerFundWithHolding("Holder-01");
        NegotiatedTransferScript.Result result = script.transfer(h, i);
        printSummary(node, reg, result);
        if (exit) {
            node.close();
        } else {
            System.out.println("the exchange keeps running; press Ctrl-C to stop");
            ServeCommand.awaitShutdown(node);
        }
    }

    private static void printSummary(ExchangeNode node, Participant regulator, NegotiatedTransferScript.Result result) {
        long lastIndex = node.engine().lastIndex();
        node.projector().awaitIndex(lastIndex, Duration.ofSeconds(30));
        System.out.println();
        System.out.println("== Transfers (from the registry) ==");
        regulator.get("/transfers").ok().body().path("transfers").forEach(t -> System.out.printf(
                "trade %s  %s -> %s  %s units of %s at %s per unit = %s  (%s%% of NAV, %sx cost)  %s%n",
                t.path("tradeId").asText(), t.path("seller").asText(), t.path("buyer").asText(), t.path("units").asText(),
                t.path("fundCode").asText(), t.path("price").asText(), t.path("consideration").asText(),
                java.math.BigDecimal.valueOf(t.path("percentOfNavBasisPoints").asLong(), 2).toPlainString(), t.path("multipleOfCost").asText(), t.path("status").asText()));
        System.out.println("== Register of " + NegotiatedTransferScript.FUND + " ==");
        regulator.get("/funds/" + NegotiatedTransferScript.FUND + "/register").ok().body().path("holdings").forEach(h ->
                System.out.printf("%-14s %14s units  cost %s%n", h.path("holder").asText(), h.path("units").asText(),
                        h.path("cost").asText()));
        String live = regulator.get("/engine/state").ok().body().path("stateHash").asText();
        Engine replica = new Engine();
        EngineRunner.verifyReplay(node.journals(), replica);
        String replayed = replica.stateHash();
        System.out.println("== State ==");
        System.out.println("engine state hash   " + live);
        System.out.println("replayed state hash " + replayed + (live.equals(replayed) ? "  (match)" : "  (MISMATCH)"));
        System.out.println("listing " + result.listingId() + ", trade " + result.tradeId());
        if (!live.equals(replayed)) {
            throw new IllegalStateException("state hash mismatch between the engine and a replay of its journal");
        }
    }

    private static final String MARKER = ".exchange-demo";

    /** Replaces a previous demo's directory; refuses any other non-empty directory. */
    private static void replaceDemoDirectory(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            if (entries.findAny().isPresent() && !Files.exists(directory.resolve(MARKER))) {
                throw new IllegalStateException("refusing to replace " + directory + ": it is not a demo directory");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Directories.deleteRecursively(directory);
    }

    private static void writeMarker(Path directory) {
        try {
            Files.writeString(directory.resolve(MARKER), "created by exchange demo; replaced by the next run\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
