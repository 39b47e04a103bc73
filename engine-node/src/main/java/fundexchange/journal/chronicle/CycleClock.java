package fundexchange.journal.chronicle;

import net.openhft.chronicle.core.time.TimeProvider;

/**
 * The clock a journal's cycle files roll by, which a writer holds still on its own thread while it appends a
 * provenance record and the document after it, so that midnight cannot fall between the two. Other threads (readers)
 * always see the source clock.
 */
final class CycleClock implements TimeProvider {
    private static final long NOT_HELD = Long.MIN_VALUE;
    private final TimeProvider source;
    private final ThreadLocal<long[]> held = ThreadLocal.withInitial(() -> new long[] {NOT_HELD});

    CycleClock(TimeProvider source) {
        this.source = source;
    }

    void hold() {
        held.get()[0] = source.currentTimeNanos();
    }

    void release() {
        held.get()[0] = NOT_HELD;
    }

    @Override
    public long currentTimeMillis() {
        long nanos = held.get()[0];
        return nanos == NOT_HELD ? source.currentTimeMillis() : nanos / 1_000_000;
    }

    @Override
    public long currentTimeMicros() {
        long nanos = held.get()[0];
        return nanos == NOT_HELD ? source.currentTimeMicros() : nanos / 1_000;
    }

    @Override
    public long currentTimeNanos() {
        long nanos = held.get()[0];
        return nanos == NOT_HELD ? source.currentTimeNanos() : nanos;
    }
}
