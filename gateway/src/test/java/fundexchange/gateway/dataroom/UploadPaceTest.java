package fundexchange.gateway.dataroom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The upload pace: after the grace, the bytes received keep up with the minimum rate, capped at the body's length; a
 * body that falls behind fails at the first read that finds it behind. The clock is stepped by the body's own reads,
 * never waited for.
 */
class UploadPaceTest {
    private static final long SECOND = 1_000_000_000L;
    private long now = 42 * SECOND;
    private final UploadPace pace = new UploadPace(1000, Duration.ofSeconds(5), () -> now);

    /** A body that sends {@code chunk} bytes per read, the clock moving {@code step} nanoseconds before each. */
    private InputStream body(int length, int chunk, long step) {
        return new InputStream() {
            private int sent;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] buffer, int offset, int max) {
                if (sent == length) {
                    return -1;
                }
                now += step;
                int n = Math.min(Math.min(chunk, max), length - sent);
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'x');
                sent += n;
                return n;
            }
        };
    }

    @Test
    void nothingIsDueDuringTheGraceThenTheRateCappedAtTheBody() {
        assertEquals(List.of(0L, 0L, 500L, 3000L, 4000L, 4000L), List.of(pace.required(0, 4000), pace.required(5 * SECOND, 4000),
                pace.required(5 * SECOND + SECOND / 2, 4000), pace.required(8 * SECOND, 4000),
                pace.required(100 * SECOND, 4000), pace.required(Long.MAX_VALUE, 4000)));
    }

    @Test
    void aBodyKeepingThePaceIsReadWhole() throws IOException {
        byte[] read = pace.guard(body(10_000, 1000, SECOND), 10_000).readNBytes(20_000);
        assertEquals(10_000, read.length);
        assertArrayEquals(new byte[0], pace.guard(body(0, 1, 100 * SECOND), 0).readAllBytes());
    }

    @Test
    void aSenderTricklingBytesFailsOnceItFallsBehindAndSoDoesASmallBodyArrivingLate() {
        UploadPace.TooSlow trickle = assertThrows(UploadPace.TooSlow.class,
                () -> pace.guard(body(10_000, 100, SECOND), 10_000).readNBytes(20_000));
        assertEquals("the upload arrived too slowly: 600 bytes where 1000 were due / 上传速度过慢", trickle.getMessage());
        assertThrows(UploadPace.TooSlow.class, () -> pace.guard(body(10, 1, SECOND), 10).readNBytes(20),
                "ten bytes due 6 s after the permit, six arrived");
    }
}
