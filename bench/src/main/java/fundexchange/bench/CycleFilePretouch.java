package fundexchange.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Pre-touches a Chronicle journal's current cycle file before a timed run (the open-source Chronicle Queue has no
 * pretoucher): extends the file past its current (sparse) end by writing zeros, which allocates the disk blocks and
 * fills the page cache, then forces it to disk so no writeback of it is pending. A queue reads unwritten space as
 * zeros and only ever grows a cycle file, so the appender later writes into allocated, cached pages.
 */
final class CycleFilePretouch {
    private static final int CHUNK = 1 << 20;

    private CycleFilePretouch() {
    }

    /** As {@link #extend}, for use in a task. */
    static Path extendUnchecked(Path journalDirectory, long bytes) {
        try {
            return extend(journalDirectory, bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Extends the newest {@code *.cq4} file under {@code journalDirectory} by {@code bytes}; returns its path. */
    static Path extend(Path journalDirectory, long bytes) throws IOException {
        Path cycle;
        try (Stream<Path> files = Files.list(journalDirectory)) {
            cycle = files.filter(file -> file.getFileName().toString().endsWith(".cq4"))
                    .max(Comparator.comparing(file -> file.getFileName().toString()))
                    .orElseThrow(() -> new IllegalStateException("no cycle file in " + journalDirectory));
        }
        ByteBuffer zeros = ByteBuffer.allocateDirect(CHUNK);
        try (FileChannel channel = FileChannel.open(cycle, StandardOpenOption.WRITE)) {
            long from = channel.size();
            for (long position = from; position < from + bytes; position += CHUNK) {
                zeros.clear();
                while (zeros.hasRemaining()) {
                    channel.write(zeros, position + zeros.position());
                }
            }
            channel.force(false);
        }
        return cycle;
    }
}
