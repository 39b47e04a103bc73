package fundexchange.agent;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Backs off over empty cycles in a row: {@code spins} times {@code Thread.onSpinWait()}, then {@code yields} times
 * {@code Thread.yield()}, then {@code shortParks} parks of {@code shortPark}, then parks of {@code longPark} until a
 * cycle does work again. Which step comes next is a pure function of the empty cycles so far ({@link #stepAfter}); the
 * {@link Pause} that takes it is injectable, so a test sees the steps without waiting.
 */
public final class SpinYieldPark implements IdleStrategy {
    /** One wait of the back-off. */
    public sealed interface Step {
    }

    /** {@code Thread.onSpinWait()}. */
    public record Spin() implements Step {
    }

    /** {@code Thread.yield()}. */
    public record Yield() implements Step {
    }

    /** {@code LockSupport.parkNanos(nanos)}: ended early by an unpark, as a closing runner sends. */
    public record Park(long nanos) implements Step {
    }

    /** Takes a step. */
    @FunctionalInterface
    public interface Pause {
        /** Takes each step on the calling thread. */
        Pause THREAD = step -> {
            switch (step) {
                case Spin spin -> Thread.onSpinWait();
                case Yield yield -> Thread.yield();
                case Park park -> LockSupport.parkNanos(park.nanos());
            }
        };

        void take(Step step);
    }

    private static final Step SPIN = new Spin();
    private static final Step YIELD = new Yield();

    private final long spins;
    private final long yields;
    private final long shortParks;
    private final Step shortPark;
    private final Step longPark;
    private final Pause pause;
    private int emptyCycles;

    public SpinYieldPark(int spins, int yields, int shortParks, Duration shortPark, Duration longPark) {
        this(spins, yields, shortParks, shortPark, longPark, Pause.THREAD);
    }

    /** As above, taking each step with {@code pause}. */
    public SpinYieldPark(int spins, int yields, int shortParks, Duration shortPark, Duration longPark, Pause pause) {
        if (spins < 0 || yields < 0 || shortParks < 0) {
            throw new IllegalArgumentException("need spins, yields and short parks >= 0, got " + spins + ", " + yields
                    + ", " + shortParks);
        }
        if (shortPark.isNegative() || shortPark.isZero() || longPark.compareTo(shortPark) < 0) {
            throw new IllegalArgumentException("need 0 < short park <= long park, got " + shortPark + " and "
                    + longPark);
        }
        this.spins = spins;
        this.yields = yields;
        this.shortParks = shortParks;
        this.shortPark = new Park(shortPark.toNanos());
        this.longPark = new Park(longPark.toNanos());
        this.pause = java.util.Objects.requireNonNull(pause, "pause");
    }

    /** Parks {@code park} on every empty cycle. */
    public static SpinYieldPark parking(Duration park) {
        return new SpinYieldPark(0, 0, 0, park, park);
    }

    /** The step after {@code emptyCycles} empty cycles in a row (0 for the first empty cycle). */
    public Step stepAfter(int emptyCycles) {
        long n = emptyCycles;
        if (n < spins) {
            return SPIN;
        }
        if (n < spins + yields) {
            return YIELD;
        }
        return n < spins + yields + shortParks ? shortPark : longPark;
    }

    @Override
    public void idle(int workCount) {
        if (workCount > 0) {
            emptyCycles = 0;
            return;
        }
        pause.take(stepAfter(emptyCycles));
        if (emptyCycles < Integer.MAX_VALUE) {
            emptyCycles++;
        }
    }
}
