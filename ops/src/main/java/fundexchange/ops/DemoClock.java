package fundexchange.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo's clock: the wall clock, but starting a head start behind it, so the demo's journal begins in the past and a
 * rule that needs weeks of journal time (a state-owned holder's 20 working days of public disclosure,
 * {@link DemoStateOwned}) runs its course before the demo ends. {@link #moveTo(Duration)} then moves it forward to a
 * few days behind the wall clock ({@link DemoMoney#behind}), where the other scenes run, so that the money scene's short
 * settlement deadline passes ({@link DemoMoney}); {@link #catchUp()} finally moves it to the wall clock, where it stays:
 * time in the journal only moves forward, and the portal and the CLI sign with the wall clock after the demo. Every
 * trade is funded and its registration change confirmed as soon as it is made, so no jump passes a deadline the demo
 * does not mean to miss. Every part of the demo (the node, its sequencer and gateway, every participant) reads this one
 * clock.
 */
final class DemoClock extends Clock {
    private final Clock wall;
    private final AtomicLong behindMs;

    private DemoClock(Clock wall, long behindMs) {
        this.wall = wall;
        this.behindMs = new AtomicLong(behindMs);
    }

    /** The wall clock less {@code headStart}. */
    static DemoClock behind(Clock wall, Duration headStart) {
        return new DemoClock(wall, headStart.toMillis());
    }

    /** From now on the wall clock less {@code behind}, which may only shrink: journal time never moves back. */
    void moveTo(Duration behind) {
        if (behind.isNegative() || behind.toMillis() > behindMs.get()) {
            throw new IllegalArgumentException("the demo's clock only moves forward, up to the wall clock: " + behind);
        }
        behindMs.set(behind.toMillis());
    }

    /** From now on the wall clock's time (a jump forward by what it was behind). */
    void catchUp() {
        behindMs.set(0);
    }

    /** The wall clock's instant, whatever this clock is behind it. */
    Instant wall() {
        return wall.instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the demo's clock is UTC");
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public long millis() {
        return wall.millis() - behindMs.get();
    }
}
