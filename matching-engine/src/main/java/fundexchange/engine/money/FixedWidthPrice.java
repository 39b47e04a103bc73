package fundexchange.protocol.money;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Writes a {@link Price} with its integer part zero-padded to {@link #INTEGER_DIGITS} digits ({@code "1.2500"} becomes
 * {@code "000000000000001.2500"}), so a document holding a sealed price has the same length whatever the price
 * (CONTRACTS.md 12). Readers parse it as any decimal: {@link Price#of(java.math.BigDecimal)} accepts the leading zeros.
 */
public final class FixedWidthPrice extends StdSerializer<Price> {
    /** The integer digits of the largest price ({@code Long.MAX_VALUE} at scale 4). */
    public static final int INTEGER_DIGITS = 15;
    private static final long serialVersionUID = 1L;

    public FixedWidthPrice() {
        super(Price.class);
    }

    /** The fixed-width text of {@code price}: an optional minus sign, 15 integer digits, a point and 4 decimals. */
    public static String format(Price price) {
        String plain = price.decimal().abs().toPlainString();
        int point = plain.indexOf('.');
        return (price.raw() < 0 ? "-" : "") + "0".repeat(INTEGER_DIGITS - point) + plain;
    }

    @Override
    public void serialize(Price value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(format(value));
    }
}
