package fundexchange.protocol.money;

import java.math.BigDecimal;

/** A multiple such as price over cost, a {@code long} fixed-point at scale 4; written as an exact decimal string such as "1.2500". */
public record Multiple(long raw) implements Comparable<Multiple> {
    public static final int SCALE = 4;
    public static final Multiple ZERO = new Multiple(0);

    public static Multiple of(BigDecimal value) {
        return new Multiple(FixedPoint.parse(value, SCALE, "multiple"));
    }

    public static Multiple of(String value) {
        return of(new BigDecimal(value));
    }

    public BigDecimal decimal() {
        return FixedPoint.toDecimal(raw, SCALE);
    }

    public boolean positive() {
        return raw > 0;
    }

    public Multiple plus(Multiple other) {
        return new Multiple(Math.addExact(raw, other.raw));
    }

    public Multiple minus(Multiple other) {
        return new Multiple(Math.subtractExact(raw, other.raw));
    }

    @Override
    public int compareTo(Multiple other) {
        return Long.compare(raw, other.raw);
    }

    @Override
    public String toString() {
        return decimal().toPlainString();
    }
}
