package fundexchange.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** One exchange process per data directory: an exclusive lock on {@code exchange.lock}, released on close or exit. */
final class DirectoryLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DirectoryLock acquire(Path dataDirectory) {
        try {
            FileChannel channel = FileChannel.open(dataDirectory.resolve("exchange.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("another exchange process is running on " + dataDirectory);
            }
            return new DirectoryLock(channel, lock);
        } catch (java.nio.channels.OverlappingFileLockException e) {
            throw new IllegalStateException("this process already runs an exchange on " + dataDirectory, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + dataDirectory, e);
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
