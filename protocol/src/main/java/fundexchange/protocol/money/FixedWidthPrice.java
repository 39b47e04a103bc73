package fundexchange.protocol.money;

/**
 * The fixed-width text of a {@link Price} ({@link FixedWidth}): its integer part zero-padded to
 * {@link #INTEGER_DIGITS} digits ({@code "1.2500"} becomes {@code "000000000000001.2500"}). Readers parse it as any
 * decimal: {@link Price#of(java.math.BigDecimal)} accepts the leading zeros.
 */
public final class FixedWidthPrice {
    /** The integer digits of the largest price ({@code Long.MAX_VALUE} at scale 4). */
    public static final int INTEGER_DIGITS = 15;

    private FixedWidthPrice() {
    }

    /** The fixed-width text of {@code price}: an optional minus sign, 15 integer digits, a point and 4 decimals. */
    public static String format(Price price) {
        String plain = price.decimal().abs().toPlainString();
        int point = plain.indexOf('.');
        return (price.raw() < 0 ? "-" : "") + "0".repeat(INTEGER_DIGITS - point) + plain;
    }
}
