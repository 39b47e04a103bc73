package fundexchange.registry.read;

import java.math.BigDecimal;

/**
 * A fund's reference data as the registry holds it. {@code nav} is per unit at scale 4; {@code navDate} an ISO date;
 * {@code fundSize} the committed capital at scale 2, or null when not given.
 */
public record FundView(String code, String shortName, String manager, String strategy, int vintage, String currency,
                       String legalForm, String custodyMode, int holderCap, int holderCount, BigDecimal nav,
                       String navDate, BigDecimal minTransferUnits, boolean rightOfFirstRefusal, BigDecimal fundSize) {
}
