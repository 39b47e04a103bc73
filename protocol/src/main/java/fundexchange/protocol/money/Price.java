package fundexchange.protocol.money;

import java.math.BigDecimal;

/** A price per unit in the fund's currency, a {@code long} fixed-point at scale 4; written as an exact decimal string such as "1.2500". */
public record Price(long raw) implements Comparable<Price> {
    public static final int SCALE = 4;
    public static final Price ZERO = new Price(0);

    public static Price of(BigDecimal value) {
        return new Price(FixedPoint.parse(value, SCALE, "price"));
    }

    public static Price of(String value) {
        return of(new BigDecimal(value));
    }

    public BigDecimal decimal() {
        return FixedPoint.toDecimal(raw, SCALE);
    }

    public boolean positive() {
        return raw > 0;
    }

    public Price plus(Price other) {
        return new Price(Math.addExact(raw, other.raw));
    }

    public Price minus(Price other) {
        return new Price(Math.subtractExact(raw, other.raw));
    }

    @Override
    public int compareTo(Price other) {
        return Long.compare(raw, other.raw);
    }

    @Override
    public String toString() {
        return decimal().toPlainString();
    }
}
