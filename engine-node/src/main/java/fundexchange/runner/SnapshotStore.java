package fundexchange.runner;

import fundexchange.engine.EngineSnapshot;
import fundexchange.journal.JournalCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.lang.System.Logger.Level;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Engine snapshots as files {@code snapshot-<index>.json} in one directory, each written whole and durably: a temp file
 * of its own ({@code *.tmp}, mode 0600 on POSIX, as {@link Files#createTempFile} makes it; the moved file keeps it),
 * written through a {@link FileChannel} and forced to disk, then moved atomically, then the directory forced, so a crash
 * leaves either no file or the whole one (in a directory that existed; the first write creates {@code snapshots/} and
 * does not force its parent, so a crash can lose it, and a restart then replays the whole journal). The move is the
 * point of success: a directory that cannot be forced afterwards is a WARNING (the file is in place; only the rename's
 * durability is in doubt), never a failed write. A snapshot only shortens a restart: the journals stay the record. Opening the
 * store deletes nothing: the node calls {@link #clearStaleTempFiles()} under its data directory's lock to delete the
 * {@code *.tmp} files a crash mid-write left, and {@link #setAsideBeyond} to set aside the snapshots a power loss left
 * newer than the journals; the snapshotter thread is the store's only writer.
 */
public final class SnapshotStore {
    private static final System.Logger LOG = System.getLogger(SnapshotStore.class.getName());
    private static final String PREFIX = "snapshot-";
    private static final String SUFFIX = ".json";
    private static final String TEMP_SUFFIX = ".tmp";
    /** The suffix a snapshot set aside gets ({@code snapshot-<index>.json.orphan}, then {@code .orphan-2}, ... if taken). */
    static final String ORPHAN_SUFFIX = ".orphan";

    /** Writes a snapshot's bytes into its temp file (a test's seam: a write that waits on a gate, or fails). */
    @FunctionalInterface
    interface TempWriter {
        void write(Path temp, byte[] bytes) throws IOException;
    }

    /** Reads a snapshot file's bytes (a test's seam: a read held on a latch). */
    @FunctionalInterface
    interface FileReader {
        byte[] read(Path file) throws IOException;
    }

    /** Forces a directory's entries to disk (a test's seam: a force that fails). */
    @FunctionalInterface
    interface DirectoryForcer {
        void force(Path directory) throws IOException;
    }

    private final Path directory;
    private final TempWriter tempWriter;
    private final FileReader fileReader;
    private final DirectoryForcer directoryForcer;

    public SnapshotStore(Path directory) {
        this(directory, SnapshotStore::writeDurably);
    }

    SnapshotStore(Path directory, TempWriter tempWriter) {
        this(directory, tempWriter, Files::readAllBytes, SnapshotStore::forceDirectory);
    }

    SnapshotStore(Path directory, TempWriter tempWriter, FileReader fileReader, DirectoryForcer directoryForcer) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.tempWriter = Objects.requireNonNull(tempWriter, "temp writer");
        this.fileReader = Objects.requireNonNull(fileReader, "file reader");
        this.directoryForcer = Objects.requireNonNull(directoryForcer, "directory forcer");
    }

    /**
     * Deletes the {@code *.tmp} files a crash mid-write left (nothing reads them; they would only take room), returning
     * how many. The caller must hold the data directory's lock ({@code DirectoryLock}) and call this before any snapshot
     * is written: a temp file is in flight while its writer runs, and deleting it would fail that write.
     */
    public int clearStaleTempFiles() {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> stale = files.filter(f -> f.getFileName().toString().endsWith(TEMP_SUFFIX)).toList();
            for (Path file : stale) {
                Files.deleteIfExists(file);
            }
            return stale.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear stale temp files in " + directory, e);
        }
    }

    /**
     * Sets aside every snapshot above {@code decided} (the events journal's last source index), renaming it to
     * {@code snapshot-<index>.json.orphan} (never deleting it), with a WARNING naming them; returns the new paths, in
     * index order. A snapshot is forced to disk but the journals are not (Chronicle Queue does not fsync), so after a
     * power loss a snapshot can outlive the journal tail it was taken from; once the journals pass its index again, a
     * restore from it would start from a state of the lost history. The caller must hold the data directory's lock and
     * call this before the engine restores a snapshot and before the snapshotter starts.
     */
    public List<Path> setAsideBeyond(long decided) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> beyond = files.filter(SnapshotStore::isSnapshot).filter(f -> indexOf(f) > decided)
                    .sorted(Comparator.comparingLong(SnapshotStore::indexOf)).toList();
            List<Path> setAside = new ArrayList<>();
            for (Path file : beyond) {
                setAside.add(setAside(file));
            }
            if (!setAside.isEmpty()) {
                LOG.log(Level.WARNING, "set aside " + setAside.size() + " snapshot(s) newer than the event journal, which"
                        + " ends at index " + decided + " (a power loss kept them and lost the journals' tail; they are"
                        + " not restored, and may be deleted once investigated): " + setAside);
            }
            return setAside;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set aside the snapshots newer than the journals in " + directory, e);
        }
    }

    /** Renames {@code file} to the first free {@code <name>.orphan}, {@code <name>.orphan-2}, ...; never replaces one. */
    private static Path setAside(Path file) throws IOException {
        for (int n = 1; ; n++) {
            Path target = file.resolveSibling(file.getFileName() + ORPHAN_SUFFIX + (n == 1 ? "" : "-" + n));
            try {
                return Files.move(file, target); // no REPLACE_EXISTING: a taken name throws (ATOMIC_MOVE would replace it)
            } catch (FileAlreadyExistsException taken) {
                // an earlier power loss's orphan of the same index: keep both
            }
        }
    }

    /**
     * Writes {@code snapshot} whole and returns its file; throws if it is not in place. Once it is (the atomic move), a
     * failure to force the directory is logged as a WARNING and the write counts as done.
     */
    public Path write(EngineSnapshot snapshot) {
        String name = PREFIX + String.format("%020d", snapshot.lastIndex());
        Path target = directory.resolve(name + SUFFIX);
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, name + "-", TEMP_SUFFIX);
            try {
                tempWriter.write(temp, JournalCodec.write(snapshot));
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (Throwable e) { // an Error too (it halts the snapshotter): rethrown as it came
                deleteQuietly(temp, e); // a half-written file on a full disk would only take more room
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a snapshot into " + directory, e);
        }
        try {
            directoryForcer.force(directory); // the move itself survives a power loss only once the directory is on disk
        } catch (IOException | UnsupportedOperationException e) { // e.g. a file system that cannot open a directory
            LOG.log(Level.WARNING, "the snapshot " + target.getFileName() + " is written and in place, but its directory"
                    + " could not be forced to disk, so its rename may not survive a power loss: " + e.getMessage(), e);
        }
        return target;
    }

    /** Writes {@code bytes} into {@code temp} and forces them, with its metadata, to disk before it returns. */
    static void writeDurably(Path temp, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** Forces a directory's entries to disk (opening a directory for reading and forcing it works on Linux). */
    static void forceDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static void deleteQuietly(Path temp, Throwable failure) {
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
            return files.filter(SnapshotStore::isSnapshot)
                    .filter(f -> indexOf(f) <= maxIndex)
                    .max(Comparator.comparingLong(SnapshotStore::indexOf))
                    .map(this::read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isSnapshot(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
    }

    private static long indexOf(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
    }

    private EngineSnapshot read(Path file) {
        try {
            return JournalCodec.read(fileReader.read(file), EngineSnapshot.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
