package fundexchange.ops;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code exchange serve}: runs the whole exchange in this process until stopped. */
@Command(name = "serve", description = "Runs the exchange on the embedded PostgreSQL (or --db-url); settings from "
        + "flags, FUNDEXCHANGE_* environment variables, the --config file, then defaults.")
final class ServeCommand implements Runnable {
    @Mixin
    ServeOptions options;

    @Override
    public void run() {
        options.resolve(System.getenv());
        Path dataDirectory = options.dataDirectory();
        DemoDirectory.refuseToServe(dataDirectory);
        Optional<Path> logFile = ConsoleLogging.toDataDirectory(dataDirectory);
        ExchangeNode node = ExchangeNode.start(dataDirectory, options.database(), options.gateway(), Clock.systemUTC(),
                options.node());
        System.out.println("exchange listening on http://localhost:" + node.port() + " (data in " + dataDirectory
                + "); health and metrics on http://" + options.listener.managementAddress + ":" + node.managementPort()
                + "/observe");
        logFile.ifPresent(ServeCommand::printLogFile);
        awaitShutdown(node, options.listener.listenerCheckPeriod);
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
