package fundexchange.documents.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import fundexchange.documents.Sha256;

/**
 * The content-addressed document store: each document's bytes in one file named by their SHA-256, under
 * {@code <data-dir>/documents}. It is primary data, not a projection (nothing rebuilds it from the journal, which
 * holds only digests): it is backed up with the journals and checked by {@code exchange verify}.
 *
 * <p>A write goes to a temporary file in {@code tmp/}, is forced to disk, renamed atomically to
 * {@code sha256/<first two hex digits>/<digest>.pdf}, the directory is forced, and the file is read back and hashed
 * again before the write counts. A digest is written once; storing the same bytes again finds them. Reads hash the
 * bytes and refuse a file that no longer matches its name. Thread-safe: writers of the same digest race only to
 * rename identical bytes.
 *
 * <p>Beside the bytes, the store records who uploaded each digest: an empty marker file
 * {@code uploads/<SHA-256 of the participant id>/<digest>}, written after the bytes are durable. A holder may register
 * only a digest it uploaded itself, so another room's digest (which a reader may learn) names nothing it can claim.
 * The markers are primary data like the bytes (nothing rebuilds them).
 */
public final class DocumentStore {

    /** The store's directory under a data directory. */
    public static final String DIRECTORY = "documents";

    private final Path root;
    private final Path objects;
    private final Path temporary;
    private final Path uploads;
    private final long maxDocumentBytes;
    private final AtomicLong sequence = new AtomicLong();

    private DocumentStore(Path root, long maxDocumentBytes) {
        this.root = root;
        this.objects = root.resolve("sha256");
        this.temporary = root.resolve("tmp");
        this.uploads = root.resolve("uploads");
        this.maxDocumentBytes = maxDocumentBytes;
    }

    /**
     * Opens (creating if needed) the store under {@code dataDirectory}, removing temporary files an earlier process
     * left (a write that did not complete never counted).
     */
    public static DocumentStore open(Path dataDirectory, long maxDocumentBytes) throws IOException {
        if (maxDocumentBytes <= 0) {
            throw new IllegalArgumentException("maxDocumentBytes must be positive");
        }
        DocumentStore store = new DocumentStore(dataDirectory.resolve(DIRECTORY), maxDocumentBytes);
        Files.createDirectories(store.objects);
        Files.createDirectories(store.temporary);
        Files.createDirectories(store.uploads);
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(store.temporary)) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
        return store;
    }

    /** Opens a store only to read and check it (verify, on a copy): creates and removes nothing. */
    public static DocumentStore reader(Path dataDirectory) {
        return new DocumentStore(dataDirectory.resolve(DIRECTORY), Long.MAX_VALUE);
    }

    /** The store's directory. */
    public Path root() {
        return root;
    }

    /** The largest document it stores. */
    public long maxDocumentBytes() {
        return maxDocumentBytes;
    }

    /** Stores {@code bytes} and answers their digest; durable and verified when it returns. */
    public String put(byte[] bytes) throws IOException {
        if (bytes.length > maxDocumentBytes) {
            throw new DocumentTooLargeException(bytes.length, maxDocumentBytes);
        }
        String digest = Sha256.hex(bytes);
        Path target = path(digest);
        if (check(digest) == Presence.PRESENT) {
            return digest;
        }
        Files.createDirectories(target.getParent());
        Path temp = temporary.resolve(digest + "." + ProcessHandle.current().pid() + "." + sequence.incrementAndGet());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the document store needs a filesystem with atomic rename: " + root, e);
            }
            forceDirectory(target.getParent());
        } finally {
            Files.deleteIfExists(temp);
        }
        if (check(digest) != Presence.PRESENT) {
            throw new IOException("document " + digest + " did not read back as written");
        }
        return digest;
    }

    /**
     * Records that {@code uploader} uploaded the stored bytes of {@code digest}, at {@code now} (the marker's time, which
     * {@link #sweep} reads); durable when it returns.
     */
    public void recordUpload(String digest, String uploader, java.time.Instant now) throws IOException {
        Path marker = marker(digest, uploader);
        Files.createDirectories(marker.getParent());
        try {
            Files.createFile(marker);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // uploaded again: only its time changes
        }
        Files.setLastModifiedTime(marker, java.nio.file.attribute.FileTime.from(now));
        forceDirectory(marker.getParent());
    }

    /** Whether {@code uploader} uploaded the bytes of {@code digest} (and recorded it). */
    public boolean uploadedBy(String digest, String uploader) {
        return Files.isRegularFile(marker(digest, uploader));
    }

    /**
     * What {@code uploader} has stored: how many digests and their bytes together, counting at most
     * {@code maxDocuments + 1} digests (the caller refuses beyond its quota, so the walk stays bounded).
     */
    public Usage usage(String uploader, int maxDocuments) throws IOException {
        Path directory = uploads.resolve(Sha256.hex(uploader.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        if (!Files.isDirectory(directory)) {
            return new Usage(0, 0);
        }
        int documents = 0;
        long bytes = 0;
        try (DirectoryStream<Path> markers = Files.newDirectoryStream(directory)) {
            for (Path marker : markers) {
                String digest = marker.getFileName().toString();
                if (!Sha256.isDigest(digest)) {
                    continue;
                }
                documents++;
                Path object = path(digest);
                bytes += Files.isRegularFile(object) ? Files.size(object) : 0;
                if (documents > maxDocuments) {
                    break;
                }
            }
        }
        return new Usage(documents, bytes);
    }

    /** Marks {@code uploader}'s upload of {@code digest} as used at {@code now}, so a sweep keeps it a while longer. */
    public void touch(String digest, String uploader, java.time.Instant now) throws IOException {
        Path marker = marker(digest, uploader);
        if (Files.isRegularFile(marker)) {
            Files.setLastModifiedTime(marker, java.nio.file.attribute.FileTime.from(now));
        }
    }

    /**
     * Removes {@code uploader}'s uploads last used before {@code before} that no data room registers
     * ({@code registered} false): the marker, and the bytes too once no uploader's marker names them. Answers how many
     * markers it removed. The store is not engine state: nothing journaled names an unregistered digest.
     */
    public int sweep(String uploader, java.time.Instant before, java.util.function.Predicate<String> registered)
            throws IOException {
        return sweepDirectory(uploads.resolve(Sha256.hex(uploader.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                before, registered);
    }

    private int sweepDirectory(Path directory, java.time.Instant before, java.util.function.Predicate<String> registered)
            throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        java.util.List<Path> stale = new java.util.ArrayList<>();
        try (DirectoryStream<Path> markers = Files.newDirectoryStream(directory)) {
            for (Path marker : markers) {
                String digest = marker.getFileName().toString();
                if (Sha256.isDigest(digest) && Files.getLastModifiedTime(marker).toInstant().isBefore(before)
                        && !registered.test(digest)) {
                    stale.add(marker);
                }
            }
        }
        for (Path marker : stale) {
            String digest = marker.getFileName().toString();
            Files.deleteIfExists(marker);
            if (!anyUploader(digest)) {
                Files.deleteIfExists(path(digest));
            }
        }
        if (!stale.isEmpty()) {
            forceDirectory(directory);
        }
        return stale.size();
    }

    /**
     * Removes every uploader's uploads last used before {@code before} that no data room registers, as
     * {@link #sweep} does for one uploader: the periodic sweep. Answers how many markers it removed.
     */
    public int sweepAll(java.time.Instant before, java.util.function.Predicate<String> registered) throws IOException {
        java.util.List<Path> uploaders = new java.util.ArrayList<>();
        try (DirectoryStream<Path> directories = Files.newDirectoryStream(uploads)) {
            for (Path directory : directories) {
                if (Files.isDirectory(directory) && Sha256.isDigest(directory.getFileName().toString())) {
                    uploaders.add(directory);
                }
            }
        }
        int removed = 0;
        for (Path directory : uploaders) {
            removed += sweepDirectory(directory, before, registered);
        }
        return removed;
    }

    /**
     * The upload markers and those of them naming bytes the store does not hold (at most {@code examples} named):
     * {@code exchange verify} reports them. Such an upload can no longer be registered (7021); nothing journaled names
     * it, so the exchange's record is whole, but the store lost bytes it once held.
     */
    public MarkerCheck checkMarkers(int examples) throws IOException {
        long markers = 0;
        long missing = 0;
        java.util.List<String> named = new java.util.ArrayList<>();
        if (!Files.isDirectory(uploads)) {
            return new MarkerCheck(0, 0, java.util.List.of());
        }
        try (DirectoryStream<Path> directories = Files.newDirectoryStream(uploads)) {
            for (Path directory : directories) {
                if (!Files.isDirectory(directory)) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
                    for (Path marker : files) {
                        String digest = marker.getFileName().toString();
                        if (!Sha256.isDigest(digest)) {
                            continue;
                        }
                        markers++;
                        if (!Files.isRegularFile(path(digest))) {
                            missing++;
                            if (named.size() < examples) {
                                named.add(digest);
                            }
                        }
                    }
                }
            }
        }
        return new MarkerCheck(markers, missing, java.util.List.copyOf(named));
    }

    /** What {@link #checkMarkers} found: all markers, those without bytes, and some of their digests. */
    public record MarkerCheck(long markers, long missing, java.util.List<String> examples) {
    }

    private boolean anyUploader(String digest) throws IOException {
        try (DirectoryStream<Path> uploaders = Files.newDirectoryStream(uploads)) {
            for (Path uploader : uploaders) {
                if (Files.exists(uploader.resolve(digest))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** An uploader's stored digests and their bytes. */
    public record Usage(int documents, long bytes) {
    }

    private Path marker(String digest, String uploader) {
        if (!Sha256.isDigest(digest)) {
            throw new IllegalArgumentException("not a SHA-256 digest: " + digest);
        }
        return uploads.resolve(Sha256.hex(uploader.getBytes(java.nio.charset.StandardCharsets.UTF_8))).resolve(digest);
    }

    /** The bytes stored under {@code digest}, hashed again; empty when absent. */
    public Optional<byte[]> read(String digest) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path(digest));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (!Sha256.hex(bytes).equals(digest)) {
            throw new IOException("document " + digest + " is damaged: its bytes no longer match its digest");
        }
        return Optional.of(bytes);
    }

    /** Whether the bytes of {@code digest} are here and still match it. */
    public Presence check(String digest) throws IOException {
        Path path = path(digest);
        if (!Files.isRegularFile(path)) {
            return Presence.MISSING;
        }
        return Sha256.hex(Files.readAllBytes(path)).equals(digest) ? Presence.PRESENT : Presence.DAMAGED;
    }

    /** What {@link #check} finds. */
    public enum Presence {
        PRESENT, MISSING, DAMAGED
    }

    private Path path(String digest) {
        if (!Sha256.isDigest(digest)) {
            throw new IllegalArgumentException("not a SHA-256 digest: " + digest);
        }
        return objects.resolve(digest.substring(0, 2)).resolve(digest + ".pdf");
    }

    private static void forceDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
