package fundexchange.gateway.listener;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataWriter;

/** A connection's writer whose every write the {@link WriteWatch} times. */
final class TimedWrites implements DataWriter {
    private final DataWriter delegate;
    private final WriteWatch watch;

    TimedWrites(DataWriter delegate, WriteWatch watch) {
        this.delegate = delegate;
        this.watch = watch;
    }

    @Override
    public void write(BufferData... buffers) {
        watch.begin();
        try {
            delegate.write(buffers);
        } finally {
            watch.end();
        }
    }

    @Override
    public void write(BufferData buffer) {
        watch.begin();
        try {
            delegate.write(buffer);
        } finally {
            watch.end();
        }
    }

    @Override
    public void writeNow(BufferData... buffers) {
        watch.begin();
        try {
            delegate.writeNow(buffers);
        } finally {
            watch.end();
        }
    }

    @Override
    public void writeNow(BufferData buffer) {
        watch.begin();
        try {
            delegate.writeNow(buffer);
        } finally {
            watch.end();
        }
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
}
