package fundexchange.engine;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.listing.ListingMechanism;

/**
 * The shape check of a mechanism's own {@code terms} (docs/design/mechanism-terms.md §2.1), once for every
 * mechanism: refused before rules version 11 ({@link RulesVersion#MECHANISM_TERMS}); from it, a mechanism that claims
 * no terms (every released one) refuses any, and one that does requires its own record and no other. A mechanism that
 * claims terms (a listing's or a bid's record) also refuses the released mechanisms' frozen flat fields beside them
 * ({@code minIncrement}, {@code extensionWindowMs}, {@code extensionMs}, {@code secondPrice} true, {@code stepMs}; a
 * bid's {@code units}): its own fields are in its terms only. All refusals are {@code INVALID_FIELD}. No journal
 * written before this build holds {@code terms} (the gateway refused the field as unknown), so no earlier outcome
 * changes; a version-10 journal written by this build may hold them in a command this class refused.
 */
final class MechanismTerms {
    private MechanismTerms() {
    }

    /** {@code c.terms()} and the frozen flat fields of {@code c}, for its mechanism; or the command is rejected. */
    static void requireListing(ExchangeState state, ListAuction c) {
        ListingMechanism mechanism = c.mechanism();
        String what = mechanism + " listings";
        String whatZh = mechanism + " 挂牌";
        require(state, mechanism.listingTerms(), c.terms(), what, whatZh);
        if (claimsTerms(mechanism)) {
            refuseFrozenListingFields(c, what, whatZh);
        }
    }

    /** {@code c.terms()} and {@code c.units()} on a listing of {@code mechanism}; or the command is rejected. */
    static void requireBid(ExchangeState state, ListingMechanism mechanism, PlaceBid c) {
        String what = "bids on " + mechanism + " listings";
        String whatZh = mechanism + " 挂牌的出价";
        require(state, mechanism.bidTerms(), c.terms(), what, whatZh);
        if (claimsTerms(mechanism)) {
            refuseFrozenBidFields(c, what, whatZh);
        }
    }

    /** Whether {@code mechanism} carries its own fields in terms (a listing's or a bid's record), none flat. */
    static boolean claimsTerms(ListingMechanism mechanism) {
        return mechanism.listingTerms() != null || mechanism.bidTerms() != null;
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

    /**
     * Refuses the frozen flat fields of a listing of a mechanism that claims terms, in the record's order.
     * Package-private so a test can reach it before a mechanism claims terms.
     */
    static void refuseFrozenListingFields(ListAuction c, String what, String whatZh) {
        absent(c.minIncrement() == null, "minIncrement", what, whatZh);
        absent(c.extensionWindowMs() == null, "extensionWindowMs", what, whatZh);
        absent(c.extensionMs() == null, "extensionMs", what, whatZh);
        absent(!c.secondPrice(), "secondPrice", what, whatZh);
        absent(c.stepMs() == null, "stepMs", what, whatZh);
    }

    /** Refuses the frozen flat field of a bid on a mechanism that claims terms ({@code units}). */
    static void refuseFrozenBidFields(PlaceBid c, String what, String whatZh) {
        absent(c.units() == null, "units", what, whatZh);
    }

    private static void absent(boolean absent, String field, String what, String whatZh) {
        Rejection.check(absent, RejectCode.INVALID_FIELD, field + " does not apply to " + what
                + " (their own fields are in terms) / " + field + " 不适用于 " + whatZh + "（其字段在机制条款中）");
    }
}
