package fundexchange.registry.read;

import java.math.BigDecimal;

/** A pledge: ACTIVE or RELEASED ({@code releasedIndex} 0 while active). Units and securedAmount at scale 2. */
public record PledgeView(long pledgeId, String fundCode, String holder, BigDecimal units, String pledgee,
                         BigDecimal securedAmount, String documentDigest, String status, long releasedIndex,
                         String releasedBy) {
}
