package fundexchange.ops;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A node's clock moved only by the test, so "later" is a fact of the test, not a race. */
public final class ManualClock extends Clock {
    private final AtomicLong millis;

    public ManualClock(long millis) {
        this.millis = new AtomicLong(millis);
    }

    public void advance(long byMillis) {
        millis.addAndGet(byMillis);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public long millis() {
        return millis.get();
    }
}
