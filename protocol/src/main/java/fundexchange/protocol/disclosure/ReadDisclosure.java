package fundexchange.protocol.disclosure;

import static fundexchange.protocol.disclosure.EventDisclosure.shaped;

import fundexchange.protocol.disclosure.Scope.Ground;
import fundexchange.protocol.disclosure.Shown.Pseudonym;
import java.util.EnumSet;
import java.util.List;

/** The read-model half of {@link DisclosurePolicy}: the rows that exist for a viewer and what it sees of each. */
final class ReadDisclosure {
    /** An offer's teaser: {@code units} are the units left. Never the holder or its cost. */
    static final List<String> OFFER_TEASER = List.of("offerId", "fundCode", "units", "minLot", "askPrice",
            "askPercentOfNavBasisPoints", "visibility", "expiresAt", "status");

    /** No row: the settlement bank's scope of listings and offers. */
    private static final Scope NONE = new Scope.Grounds(java.util.Set.of());

    private ReadDisclosure() {
    }

    static Scope listings(Viewer viewer) {
        if (viewer.oversight()) {
            return Scope.EVERYTHING;
        }
        if (viewer.roles().contains(fundexchange.protocol.reference.Role.BANK)) {
            return NONE; // the settlement bank sees nothing of trades or holdings (issue 22)
        }
        EnumSet<Ground> grounds = EnumSet.of(Ground.SELLS, Ground.OFFERED_TO, Ground.BID_ON);
        if (viewer.qualifiedInvestor()) {
            grounds.add(Ground.OPEN_AUCTION);
        }
        return new Scope.Grounds(grounds);
    }

    static Scope offers(Viewer viewer) {
        if (viewer.oversight()) {
            return Scope.EVERYTHING;
        }
        if (viewer.roles().contains(fundexchange.protocol.reference.Role.BANK)) {
            return NONE; // not even public teasers: the bank sees nothing of trades or holdings (issue 22)
        }
        EnumSet<Ground> grounds = EnumSet.of(Ground.HOLDS, Ground.OPEN_PUBLIC_OFFER, Ground.QUOTED, Ground.BROKERED_TO);
        if (viewer.qualifiedInvestor()) {
            grounds.add(Ground.OPEN_QUALIFIED_OFFER);
        }
        return new Scope.Grounds(grounds);
    }

    static Scope quotes(Viewer viewer) {
        return viewer.oversight() ? Scope.EVERYTHING : new Scope.Grounds(EnumSet.of(Ground.QUOTED, Ground.HOLDS));
    }

    static Scope matches(Viewer viewer) {
        return viewer.oversight() ? Scope.EVERYTHING : new Scope.Grounds(EnumSet.of(Ground.BROKERED_PARTY));
    }

    static Scope owned(Viewer viewer) {
        return viewer.oversight() ? Scope.EVERYTHING : new Scope.Grounds(EnumSet.of(Ground.OWNS));
    }

    static Disclosure listing(Viewer viewer, String seller, boolean auction, boolean selling) {
        if (viewer.oversight()) {
            return Disclosure.WHOLE;
        }
        if (viewer.is(seller)) {
            return shaped("closedReason", Shown.HIDDEN);
        }
        Shown tradePrice = selling ? Shown.HIDDEN : Shown.FULL;
        return auction
                ? shaped("seller", Shown.HIDDEN, "buyer", Shown.HIDDEN, "reservePrice", Shown.HIDDEN,
                        "rofr", Shown.HIDDEN, "closedReason", Shown.HIDDEN, "tradePrice", tradePrice)
                : shaped("seller", Pseudonym.of(1), "buyer", Pseudonym.of(2), "reservePrice", Shown.HIDDEN,
                        "rofr", Shown.HIDDEN, "closedReason", Shown.HIDDEN, "tradePrice", tradePrice);
    }

    static Disclosure bid(Viewer viewer, String bidder, int pseudonym) {
        if (viewer.oversight()) {
            return Disclosure.WHOLE;
        }
        return viewer.is(bidder) ? shaped("listingId", Shown.HIDDEN)
                : shaped("listingId", Shown.HIDDEN, "bidder", Pseudonym.of(pseudonym), "reason", Shown.HIDDEN);
    }

    static Disclosure offer(Viewer viewer, String holder) {
        return viewer.oversight() || viewer.is(holder) ? Disclosure.WHOLE : new Disclosure.Teaser(OFFER_TEASER);
    }

    static Disclosure quote(Viewer viewer, String holder, String investor, int pseudonym, boolean traded) {
        boolean oversight = viewer.oversight();
        if (!oversight && !viewer.is(holder) && !viewer.is(investor)) {
            return Disclosure.WITHHELD;
        }
        if (oversight || traded) {
            return Disclosure.WHOLE;
        }
        return viewer.is(holder) ? shaped("investor", Pseudonym.of(pseudonym)) : shaped("holder", Shown.HIDDEN);
    }

    static Disclosure match(Viewer viewer, String holder, Integer investorPseudonym, boolean agreed) {
        if (viewer.oversight()) {
            return Disclosure.WHOLE;
        }
        boolean holderSide = viewer.is(holder);
        return shaped("intentId", holderSide ? Shown.HIDDEN : Shown.FULL,
                "holder", holderSide || agreed ? Shown.FULL : Shown.HIDDEN,
                "investor", !holderSide || agreed ? Shown.FULL : new Pseudonym("P" + investorPseudonym),
                "rank", Shown.HIDDEN, "amount", Shown.HIDDEN, "surplusBasisPoints", Shown.HIDDEN,
                "brokeredBy", Shown.HIDDEN, "proposedIndex", Shown.HIDDEN);
    }

    /**
     * As the feed's {@code CustodySubmitted}: a holder named on another's registration sees only its own line(s), not
     * who submitted or decided it.
     */
    static Disclosure custodyRegistration(Viewer viewer, String submitter, List<String> holders) {
        if (viewer.oversight() || viewer.is(submitter)) {
            return Disclosure.WHOLE;
        }
        if (holders.stream().noneMatch(viewer::is)) {
            return Disclosure.WITHHELD;
        }
        return shaped("submittedBy", Shown.HIDDEN, "decidedBy", Shown.HIDDEN,
                "entries", new Shown.Rows(holders.stream().map(holder -> EventDisclosure.ownLine(viewer, holder)).toList()));
    }
}
