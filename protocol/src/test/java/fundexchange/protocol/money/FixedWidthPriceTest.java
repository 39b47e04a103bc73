package fundexchange.protocol.money;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sealed prices are written fixed-width and read back as the same decimal (CONTRACTS.md 12). */
class FixedWidthPriceTest {
    @Test
    void everyPriceIsWrittenWithFifteenIntegerDigitsAndReadBackUnchanged() {
        List<Price> prices = List.of(new Price(1), Price.of("1.2500"), Price.of("98765.4321"), new Price(Long.MAX_VALUE));
        assertEquals(List.of("000000000000000.0001", "000000000000001.2500", "000000000098765.4321", "922337203685477.5807"),
                prices.stream().map(FixedWidthPrice::format).toList());
        assertEquals(prices, prices.stream().map(p -> Price.of(FixedWidthPrice.format(p))).toList());
        assertEquals("-000000000000001.2500", FixedWidthPrice.format(Price.of("-1.2500")), "a refused negative bid");
    }
}
