package fundexchange.gateway.listener;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataWriter;
import java.util.function.Consumer;

/**
 * A connection's writer whose every write the {@link WriteWatch} times, in pieces of at most {@value #PIECE} bytes,
 * so the write timeout asks a client to accept {@value #PIECE} bytes per timeout, whatever the size of an answer.
 */
final class TimedWrites implements DataWriter {
    /** The most one timed write sends. */
    static final int PIECE = 16 * 1024;

    private final DataWriter delegate;
    private final WriteWatch watch;

    TimedWrites(DataWriter delegate, WriteWatch watch) {
        this.delegate = delegate;
        this.watch = watch;
    }

    @Override
    public void write(BufferData... buffers) {
        for (BufferData buffer : buffers) {
            write(buffer);
        }
    }

    @Override
    public void write(BufferData buffer) {
        inPieces(buffer, delegate::write);
    }

    @Override
    public void writeNow(BufferData... buffers) {
        for (BufferData buffer : buffers) {
            writeNow(buffer);
        }
    }

    @Override
    public void writeNow(BufferData buffer) {
        inPieces(buffer, delegate::writeNow);
    }

    @Override
    public void flush() {
        watch.begin();
        try {
            delegate.flush();
        } finally {
            watch.end();
        }
    }

    @Override
    public void close() {
        delegate.close();
    }

    private static byte[] firstPiece(BufferData buffer) {
        byte[] bytes = new byte[PIECE];
        int read = 0;
        while (read < PIECE) {
            int n = buffer.read(bytes, read, PIECE - read);
            if (n <= 0) {
                throw new IllegalStateException("gateway: a buffer ended before the bytes it announced");
            }
            read += n;
        }
        return bytes;
    }

    private void inPieces(BufferData buffer, Consumer<BufferData> write) {
        while (true) {
            BufferData piece = buffer;
            if (buffer.available() > PIECE) {
                piece = BufferData.create(firstPiece(buffer));
            }
            watch.begin();
            try {
                write.accept(piece);
            } finally {
                watch.end();
            }
            if (piece == buffer) {
                return;
            }
        }
    }
}
