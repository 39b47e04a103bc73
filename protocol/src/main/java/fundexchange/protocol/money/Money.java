package fundexchange.protocol.money;

import java.math.BigDecimal;

/** An amount of money in the fund's currency, a {@code long} fixed-point at scale 2; written as an exact decimal string such as "1250.00". */
public record Money(long raw) implements Comparable<Money> {
    public static final int SCALE = 2;
    public static final Money ZERO = new Money(0);

    public static Money of(BigDecimal value) {
        return new Money(FixedPoint.parse(value, SCALE, "amount"));
    }

    public static Money of(String value) {
        return of(new BigDecimal(value));
    }

    public BigDecimal decimal() {
        return FixedPoint.toDecimal(raw, SCALE);
    }

    public boolean positive() {
        return raw > 0;
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(raw, other.raw));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(raw, other.raw));
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(raw, other.raw);
    }

    @Override
    public String toString() {
        return decimal().toPlainString();
    }
}
