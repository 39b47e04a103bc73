package fundexchange.registry.read;

import java.math.BigDecimal;

/**
 * A listing as the registry holds it, whole: the gateway decides what each caller may see of it. {@code mechanism}
 * is the {@code ListingMechanism}'s name, stored as it comes (no per-mechanism code here); {@code buyer} is null on
 * auctions; {@code price} is the negotiated price or an auction's starting price (scale 4). The auction fields are the
 * {@code AuctionTerms} as listed, null where the mechanism has none (all of them on negotiated listings); {@code endsAt}
 * moves with anti-sniping extensions; {@code stepMs} is a clock's step, its price falling by {@code minIncrement} to
 * {@code reservePrice}.
 * {@code tradePrice} is the price of the listing's latest trade (an auction's clearing price), null until it executes;
 * {@code unitsLeft} what is not sold yet. {@code matchBy} (V21, rules version 6): while an auction that closed awaits its
 * priority holders' match, the match's deadline, else null. {@code deposit} (V27, rules version 8): the bid deposit each
 * bidder or accepting buyer locks, fixed at listing from public terms; null when none. {@code terms} (V33, rules
 * version 11): the mechanism's own listing terms ({@code ListingSubmitted.terms}) as a JSON object whose {@code type}
 * names the record, as PostgreSQL's JSONB gives it back (the same value as the journal's, not its bytes); null for the
 * released mechanisms, whose terms are the flat fields. Times are epoch ms.
 */
public record ListingView(long listingId, String fundCode, String mechanism, String status, String seller, String buyer,
                          BigDecimal units, BigDecimal price, long expiresAt, BigDecimal reservePrice,
                          BigDecimal minIncrement, Long startsAt, Long endsAt, boolean secondPrice, String rofr,
                          String closedReason, BigDecimal tradePrice,
                          Long stepMs, BigDecimal unitsLeft, Long matchBy, BigDecimal deposit, String terms) {
    public boolean auction() {
        return !"NEGOTIATED".equals(mechanism);
    }
}
