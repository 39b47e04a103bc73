package fundexchange.protocol;

/**
 * Time-window arithmetic that cannot overflow (CONTRACTS.md 8): {@code Math.abs(a - b)} wraps for distances beyond
 * {@code Long.MAX_VALUE} (e.g. a timestamp of {@code now + Long.MIN_VALUE}) and would pass any window; here an
 * overflowing distance is simply out of the window.
 */
public final class Windows {
    private Windows() {
    }

    /** True if {@code a} lies within {@code window} of {@code b} (inclusive); false on overflow or a negative window. */
    public static boolean within(long a, long b, long window) {
        if (window < 0) {
            return false;
        }
        long distance;
        try {
            distance = Math.subtractExact(a, b);
        } catch (ArithmeticException overflow) {
            return false;
        }
        return distance >= -window && distance <= window;
    }

    /** {@code a + b}, clamped to {@code Long.MIN_VALUE}/{@code Long.MAX_VALUE} instead of wrapping. */
    public static long plus(long a, long b) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }
}
