package fundexchange.registry.read;

import java.math.BigDecimal;

/**
 * One NAV of a fund's history: {@code nav} per unit at scale 4 as of {@code navDate} (ISO date), set by the command at
 * {@code sourceIndex} and recorded at journal time {@code recordedAt} (epoch ms).
 */
public record NavRecord(BigDecimal nav, String navDate, long sourceIndex, long recordedAt) {
}
