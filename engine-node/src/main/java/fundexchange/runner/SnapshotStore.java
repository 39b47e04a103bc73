package fundexchange.runner;

import fundexchange.engine.EngineSnapshot;
import fundexchange.journal.JournalCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Engine snapshots as files {@code snapshot-<index>.json} in one directory, each written whole (temp file, then an
 * atomic move). A snapshot only shortens a restart: the journals stay the record. Open for a test's wrapper (a store
 * whose write waits on a gate); the snapshotter thread is its only writer.
 */
public class SnapshotStore {
    private static final String PREFIX = "snapshot-";
    private final Path directory;

    public SnapshotStore(Path directory) {
        this.directory = directory;
    }

    public Path write(EngineSnapshot snapshot) {
        try {
            Files.createDirectories(directory);
            Path target = directory.resolve(PREFIX + String.format("%020d", snapshot.lastIndex()) + ".json");
            Path temp = directory.resolve(target.getFileName() + ".tmp");
            try {
                Files.write(temp, JournalCodec.write(snapshot));
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                deleteQuietly(temp, e); // a half-written file on a full disk would only take more room
                throw e;
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a snapshot into " + directory, e);
        }
    }

    private static void deleteQuietly(Path temp, IOException failure) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** The newest snapshot taken at or before {@code maxIndex}. */
    public Optional<EngineSnapshot> latest(long maxIndex) {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith(PREFIX) && f.getFileName().toString().endsWith(".json"))
                    .filter(f -> indexOf(f) <= maxIndex)
                    .max(Comparator.comparingLong(SnapshotStore::indexOf))
                    .map(SnapshotStore::read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long indexOf(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(PREFIX.length(), name.length() - ".json".length()));
    }

    private static EngineSnapshot read(Path file) {
        try {
            return JournalCodec.read(Files.readAllBytes(file), EngineSnapshot.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
