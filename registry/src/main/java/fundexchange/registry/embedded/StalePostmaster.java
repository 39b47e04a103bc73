package fundexchange.registry.embedded;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Clears the way for a postmaster on a data directory: a postmaster left running by a JVM killed with
 * {@code kill -9} is stopped when its pid file names this very directory; a pid file whose process is gone is removed.
 */
final class StalePostmaster {
    private static final System.Logger LOG = System.getLogger(StalePostmaster.class.getName());
    private static final long STOP_SECONDS = 30;

    private StalePostmaster() {
    }

    static void clear(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> process = lines.isEmpty() ? Optional.empty() : parsePid(lines.getFirst())
                .flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).filter(StalePostmaster::isPostgres);
        if (process.isEmpty()) {
            LOG.log(Level.INFO, "removing stale {0}", pidFile);
            Files.deleteIfExists(pidFile);
            return;
        }
        Path served = lines.size() > 1 ? Path.of(lines.get(1).trim()) : Path.of("");
        if (!sameDirectory(served, dataDirectory)) {
            throw new IllegalStateException(pidFile + " names running postgres process " + process.get().pid()
                    + " serving " + served + "; not stopping it");
        }
        stop(process.get(), dataDirectory);
        Files.deleteIfExists(pidFile);
    }

    private static void stop(ProcessHandle postmaster, Path dataDirectory) throws IOException {
        LOG.log(Level.WARNING, "stopping postgres process {0} left running on {1}", String.valueOf(postmaster.pid()), dataDirectory);
        postmaster.destroy(); // SIGTERM: a smart shutdown; an orphan has no clients left
        if (!awaitExit(postmaster)) {
            LOG.log(Level.WARNING, "postgres process {0} ignored SIGTERM; killing it", String.valueOf(postmaster.pid()));
            postmaster.destroyForcibly();
            if (!awaitExit(postmaster)) {
                throw new IOException("postgres process " + postmaster.pid() + " on " + dataDirectory + " does not stop");
            }
        }
    }

    private static boolean awaitExit(ProcessHandle process) {
        CompletableFuture<ProcessHandle> exit = process.onExit();
        try {
            exit.get(STOP_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        Optional<String> command = process.info().command();
        return command.map(c -> c.equals("postgres") || c.endsWith("/postgres")).orElse(false);
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
