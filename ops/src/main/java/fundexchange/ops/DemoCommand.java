package fundexchange.ops;

import fundexchange.engine.reference.Role;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code exchange demo}: a fresh exchange on the embedded database, a realistic synthetic market seeded through the
 * signed API ({@link DemoMarket}), and a summary read back from the registry and checked against a replay
 * ({@link DemoSummary}).
 */
@Command(name = "demo", description = "Starts a demo exchange, seeds a realistic market through the signed API, prints a summary.")
final class DemoCommand implements Runnable {
    @Option(names = "--data-dir", defaultValue = "demo-data", description = "replaced on every run (default: ${DEFAULT-VALUE})")
    Path dataDirectory;
    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE})")
    int port;
    @Option(names = "--exit", description = "exit after the summary instead of serving")
    boolean exit;
    @Mixin
    ListenerOptions listener;

    @Override
    public void run() {
        replaceDemoDirectory(dataDirectory);
        Clock clock = Clock.systemUTC();
        // The demo participants' private keys live only in this process (CONTRACTS.md 4).
        KeyPair staff1 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        KeyPair staff2 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        KeyPair staff3 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        KeyPair regulator = KeyMaterial.generate(SignatureAlgorithm.SM2_SM3);
        GenesisWriter.write(dataDirectory, List.of(
                new GenesisWriter.Founder("Staff-01", Role.STAFF, staff1.getPublic()),
                new GenesisWriter.Founder("Staff-02", Role.STAFF, staff2.getPublic()),
                new GenesisWriter.Founder("Staff-03", Role.STAFF, staff3.getPublic()),
                new GenesisWriter.Founder("Regulator-01", Role.REGULATOR, regulator.getPublic())), clock);
        writeMarker(dataDirectory);
        ExchangeNode node = ExchangeNode.start(dataDirectory, Optional.empty(), listener.gateway(port), clock);
        URI uri = URI.create("http://localhost:" + node.port());
        System.out.println("exchange listening on " + uri + " (demo data in " + dataDirectory + "); health and metrics on http://"
                + listener.managementAddress + ":" + node.managementPort() + "/observe");
        // One position for the whole cast: every read sees every write the demo made before it (minIndex).
        Participant s1 = new Participant(uri, "Staff-01", "Staff-01-k1", staff1, clock, "demo");
        Participant s2 = new Participant(uri, "Staff-02", "Staff-02-k1", staff2, clock, "demo").sharing(s1.position());
        Participant reg = new Participant(uri, "Regulator-01", "Regulator-01-k1", regulator, clock, "demo")
                .sharing(s1.position());
        DemoMarket market = new DemoMarket(uri, clock, s1, s2);
        try {
            market.seed();
            market.negotiatedTransfers();
            market.nonListedTrading();
            market.pledgesAndFreeze();
            market.auctions();
            market.continuousTrading();
            market.provokedRejections();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            node.close();
            throw new IllegalStateException("interrupted", e);
        }
        DemoSummary.print(node, reg, market);
        if (exit) {
            node.close();
        } else {
            System.out.println("the exchange keeps running; press Ctrl-C to stop");
            ServeCommand.awaitShutdown(node, listener.listenerCheckPeriod);
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
