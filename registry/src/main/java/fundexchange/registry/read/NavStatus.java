package fundexchange.registry.read;

import java.math.BigDecimal;

/**
 * A fund's current NAV and how old it is on {@code asOf}: {@code ageDays} from {@code navDate} to {@code asOf}, and
 * {@code stale} when that exceeds {@code staleAfterDays}. Dates are ISO dates; {@code nav} is per unit at scale 4.
 */
public record NavStatus(String fundCode, BigDecimal nav, String navDate, String asOf, long ageDays, int staleAfterDays,
                        boolean stale) {
}
