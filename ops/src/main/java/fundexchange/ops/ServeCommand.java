package fundexchange.ops;

import java.nio.file.Path;
import fundexchange.gateway.GatewayConfig;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code exchange serve}: runs the whole exchange in this process until stopped. */
@Command(name = "serve", description = "Runs the exchange on the embedded PostgreSQL (or --db-url).")
final class ServeCommand implements Runnable {
    @Option(names = "--data-dir", required = true, description = "an initialised data directory")
    Path dataDirectory;
    @Option(names = "--port", defaultValue = "8080", description = "HTTP port, 0 for any (default: ${DEFAULT-VALUE})")
    int port;
    @Option(names = "--checkpoint-interval", defaultValue = "PT60S",
            description = "how often the audit chain head is signed and journaled, ISO-8601 (default: ${DEFAULT-VALUE})")
    java.time.Duration checkpointInterval;
    @Option(names = "--snapshot-every", defaultValue = "100000",
            description = "commands between engine snapshots, 0 for only on request (default: ${DEFAULT-VALUE})")
    long snapshotEvery;
    @Option(names = "--min-index-wait", defaultValue = "PT5S",
            description = "how long a read with minIndex waits for the registry or view to reach it before answering 503,"
                    + " ISO-8601 (default: ${DEFAULT-VALUE})")
    java.time.Duration minIndexWait;
    @Mixin
    ReadOptions reads;
    @Option(names = "--db-url", description = "JDBC URL of an external PostgreSQL instead of the embedded one")
    String dbUrl;
    @Option(names = "--db-user", defaultValue = "postgres")
    String dbUser;
    @Option(names = "--db-password", defaultValue = "postgres")
    String dbPassword;
    @Mixin
    ListenerOptions listener;

    @Override
    public void run() {
        DemoDirectory.refuseToServe(dataDirectory);
        Optional<Path> logFile = ConsoleLogging.toDataDirectory(dataDirectory);
        Optional<ExchangeNode.Database> database = Optional.ofNullable(dbUrl)
                .map(url -> new ExchangeNode.Database(url, dbUser, dbPassword));
        if (minIndexWait.isNegative() || minIndexWait.isZero()) {
            throw new IllegalArgumentException("--min-index-wait must be positive, got " + minIndexWait);
        }
        GatewayConfig config = listener.gateway(port).withMinIndexWaitMs(minIndexWait.toMillis())
                .withReads(reads.limits());
        ExchangeNode node = ExchangeNode.start(dataDirectory, database, config, Clock.systemUTC(),
                new ExchangeNode.Options(checkpointInterval, snapshotEvery));
        System.out.println("exchange listening on http://localhost:" + node.port() + " (data in " + dataDirectory
                + "); health and metrics on http://" + listener.managementAddress + ":" + node.managementPort() + "/observe");
        logFile.ifPresent(ServeCommand::printLogFile);
        awaitShutdown(node, listener.listenerCheckPeriod);
    }

    /** Where the libraries' log records go, for a person reading the terminal. */
    static void printLogFile(Path file) {
        System.out.println("logs / 日志: " + file + " (--verbose also shows them here / 加 --verbose 可在此显示)");
    }

    /**
     * Serves until the process is stopped; exits with {@link ListenerWatchdog#EXIT_STATUS} when the public listener
     * stops listening.
     */
    static void awaitShutdown(ExchangeNode node, java.time.Duration listenerCheckPeriod) {
        CountDownLatch stopped = new CountDownLatch(1);
        ListenerWatchdog watchdog = new ListenerWatchdog(node::publicListener, ListenerWatchdog::exitForSupervisor)
                .start(listenerCheckPeriod);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            watchdog.close();
            node.close();
            stopped.countDown();
        }, "exchange-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
