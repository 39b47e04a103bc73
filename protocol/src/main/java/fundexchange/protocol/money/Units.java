package fundexchange.protocol.money;

import java.math.BigDecimal;

/** A number of fund units, a {@code long} fixed-point at scale 2; written as an exact decimal string such as "1000.00". */
public record Units(long raw) implements Comparable<Units> {
    public static final int SCALE = 2;
    public static final Units ZERO = new Units(0);

    public static Units of(BigDecimal value) {
        return new Units(FixedPoint.parse(value, SCALE, "units"));
    }

    public static Units of(String value) {
        return of(new BigDecimal(value));
    }

    public BigDecimal decimal() {
        return FixedPoint.toDecimal(raw, SCALE);
    }

    public boolean positive() {
        return raw > 0;
    }

    public Units plus(Units other) {
        return new Units(Math.addExact(raw, other.raw));
    }

    public Units minus(Units other) {
        return new Units(Math.subtractExact(raw, other.raw));
    }

    public Units min(Units other) {
        return compareTo(other) <= 0 ? this : other;
    }

    @Override
    public int compareTo(Units other) {
        return Long.compare(raw, other.raw);
    }

    @Override
    public String toString() {
        return decimal().toPlainString();
    }
}
