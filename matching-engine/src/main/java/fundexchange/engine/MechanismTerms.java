package fundexchange.engine;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.listing.ListingMechanism;

/**
 * The shape check of a mechanism's own {@code terms} (docs/design/mechanism-terms.md §2.1), once for every
 * mechanism: refused before rules version 11 ({@link RulesVersion#MECHANISM_TERMS}); from it, a mechanism that claims
 * no terms (every released one) refuses any, and one that does requires its own record and no other. All refusals are
 * {@code INVALID_FIELD}. No journal written before this build holds {@code terms} (the gateway refused the field as
 * unknown), so no earlier outcome changes; a version-10 journal written by this build may hold them in a command this
 * class refused.
 */
final class MechanismTerms {
    private MechanismTerms() {
    }

    /** {@code ListAuction.terms} for {@code mechanism}, or the command is rejected. */
    static void requireListing(ExchangeState state, ListingMechanism mechanism, ListingMechanism.ListingTerms terms) {
        require(state, mechanism.listingTerms(), terms, mechanism + " listings", mechanism + " 挂牌");
    }

    /** {@code PlaceBid.terms} on a listing of {@code mechanism}, or the command is rejected. */
    static void requireBid(ExchangeState state, ListingMechanism mechanism, ListingMechanism.BidTerms terms) {
        require(state, mechanism.bidTerms(), terms, "bids on " + mechanism + " listings", mechanism + " 挂牌的出价");
    }

    /**
     * {@code terms} for a mechanism that {@code claimed} that record (null: none), {@code what} naming the command's
     * subject in the messages. Package-private so a test can pass a claimed record, which no released mechanism has.
     */
    static void require(ExchangeState state, Class<?> claimed, Object terms, String what, String whatZh) {
        if (terms != null) {
            Rejection.check(state.rulesVersion >= RulesVersion.MECHANISM_TERMS, RejectCode.INVALID_FIELD,
                    "mechanism terms apply from rules version " + RulesVersion.MECHANISM_TERMS + " / 机制条款自规则版本 "
                            + RulesVersion.MECHANISM_TERMS + " 起适用");
            Rejection.check(claimed != null, RejectCode.INVALID_FIELD, what + " take no terms / " + whatZh
                    + "不接受机制条款");
        }
        if (claimed != null) {
            String type = claimed.getSimpleName();
            Rejection.check(claimed.isInstance(terms), RejectCode.INVALID_FIELD, what + " take terms of type " + type
                    + " / " + whatZh + "须附 " + type + " 类机制条款");
        }
    }
}
