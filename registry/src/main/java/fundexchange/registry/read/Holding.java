package fundexchange.registry.read;

import java.math.BigDecimal;

/**
 * A holder's position in one fund, at scale 2. {@code available} is what may be sold: units less locked (listings,
 * orders, pending trades), pledged, frozen and unconfirmed units (a FULL custody line its holder has not confirmed).
 * {@code cost} is the holder's cost basis; {@code subscribed} and {@code paidIn} the registered commitment.
 * {@code pendingRegistration} (rules version 9): units delivered to the holder by trades whose registration change is
 * awaited, its own but locked until then (not available either).
 */
public record Holding(String fundCode, String holder, BigDecimal units, BigDecimal locked, BigDecimal available,
                      BigDecimal cost, BigDecimal pledged, BigDecimal frozen, BigDecimal unconfirmed,
                      BigDecimal subscribed, BigDecimal paidIn, BigDecimal pendingRegistration) {
    /** A holding without units pending registration. */
    public Holding(String fundCode, String holder, BigDecimal units, BigDecimal locked, BigDecimal available,
                   BigDecimal cost, BigDecimal pledged, BigDecimal frozen, BigDecimal unconfirmed, BigDecimal subscribed,
                   BigDecimal paidIn) {
        this(fundCode, holder, units, locked, available, cost, pledged, frozen, unconfirmed, subscribed, paidIn,
                new BigDecimal("0.00"));
    }
}
