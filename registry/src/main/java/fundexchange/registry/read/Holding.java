package fundexchange.registry.read;

import java.math.BigDecimal;

/** A holder's position in one fund. Units, locked and available at scale 2; cost (the holder's cost basis) at scale 2. */
public record Holding(String fundCode, String holder, BigDecimal units, BigDecimal locked, BigDecimal available,
                      BigDecimal cost) {
}
