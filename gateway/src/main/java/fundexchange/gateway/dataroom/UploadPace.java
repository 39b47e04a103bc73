package fundexchange.gateway.dataroom;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The pace an upload's body must keep while it holds an upload permit (docs/api.md, Data room): its sender is
 * unprovable until the whole body has arrived and its signature is checked, so a slow sender must not hold a permit
 * for long. After a {@code grace}, the bytes received must keep up with {@code minBytesPerSecond} since the permit was
 * taken; the first read that finds them behind fails with {@link TooSlow} (408, code 7026), and the permit is
 * released. A read that receives nothing at all is bounded by the listener's read timeouts. The clock is injected
 * ({@code nanoTime}), so the rule is tested by stepping it.
 */
public final class UploadPace {
    /** The highest rate one may require (1 GiB/s), which keeps {@link #required} within a long. */
    public static final long MAX_RATE = 1L << 30;

    /**
     * 256 KiB/s after 5 s: a 20 MiB PDF within 85 s as far as the pace goes. The listener's request read timeout
     * (default 10 s, {@code --request-read-timeout}) still bounds the whole body, so the shorter of the two governs.
     */
    public static final UploadPace DEFAULT = of(Rate.DEFAULT);

    /**
     * The configured pace (docs/operations.md, {@code --upload-min-rate}, {@code --upload-grace}): at least
     * {@code minBytesPerSecond} after {@code grace}.
     */
    public record Rate(long minBytesPerSecond, Duration grace) {
        /** 256 KiB a second after 5 s. */
        public static final Rate DEFAULT = new Rate(256 * 1024, Duration.ofSeconds(5));

        public Rate {
            if (minBytesPerSecond < 1 || minBytesPerSecond > MAX_RATE || grace == null || grace.isNegative()) {
                throw new IllegalArgumentException("an upload pace needs a rate of 1 to " + MAX_RATE
                        + " bytes a second and a grace of 0 or more");
            }
        }
    }

    /** The pace of {@code rate} on the system's monotonic clock. */
    public static UploadPace of(Rate rate) {
        return new UploadPace(rate.minBytesPerSecond(), rate.grace(), System::nanoTime);
    }

    private final long minBytesPerSecond;
    private final long graceNanos;
    private final LongSupplier nanoTime;

    public UploadPace(long minBytesPerSecond, Duration grace, LongSupplier nanoTime) {
        if (minBytesPerSecond < 1 || minBytesPerSecond > MAX_RATE || grace.isNegative()) {
            throw new IllegalArgumentException("an upload pace needs a rate of 1 to " + MAX_RATE
                    + " bytes a second and a grace of 0 or more");
        }
        this.minBytesPerSecond = minBytesPerSecond;
        this.graceNanos = grace.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * The bytes of a body of {@code length} bytes that must have arrived {@code elapsedNanos} after the permit was
     * taken: none during the grace, then the rate's worth, never more than the body.
     */
    long required(long elapsedNanos, long length) {
        long paced = elapsedNanos - graceNanos;
        if (paced <= 0) {
            return 0;
        }
        long seconds = paced / 1_000_000_000L;
        if (seconds >= length / minBytesPerSecond + 1) {
            return length;
        }
        long due = seconds * minBytesPerSecond + paced % 1_000_000_000L * minBytesPerSecond / 1_000_000_000L;
        return Math.min(due, length);
    }

    /** {@code body}, declared {@code length} bytes long, read under this pace, its clock starting now. */
    public InputStream guard(InputStream body, long length) {
        return new Paced(body, length, nanoTime.getAsLong());
    }

    /** The body fell behind the pace. */
    public static final class TooSlow extends IOException {
        private static final long serialVersionUID = 1L;

        TooSlow(long received, long required) {
            super("the upload arrived too slowly: " + received + " bytes where " + required + " were due / 上传速度过慢");
        }
    }

    private final class Paced extends FilterInputStream {
        private final long length;
        private final long started;
        private long received;

        Paced(InputStream in, long length, long started) {
            super(in);
            this.length = length;
            this.started = started;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private boolean behind;

        private void counted(int n) throws TooSlow {
            received += n;
            long due = required(nanoTime.getAsLong() - started, length);
            if (received < due) {
                behind = true;
                throw new TooSlow(received, due);
            }
        }

        /**
         * Closes the body, unless it fell behind: then the rest is left to the server after the handler has returned
         * (and released its permit), since closing may wait for the slow sender's remaining bytes.
         */
        @Override
        public void close() throws IOException {
            if (!behind) {
                super.close();
            }
        }
    }
}
