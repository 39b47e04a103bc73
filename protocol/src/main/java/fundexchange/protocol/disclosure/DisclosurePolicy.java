package fundexchange.protocol.disclosure;

import fundexchange.protocol.event.Event;
import java.util.List;

/**
 * The one place that decides who may see what (CONTRACTS.md 12, docs/api.md "Who sees what"): for a {@link Viewer}
 * and an event or a read model, a {@link Disclosure} (withheld, whole, a teaser, or field by field: hidden or
 * pseudonymised). Feeds, write answers, request outcomes, registry reads, audit bundles and {@code journal dump} ask
 * it; they only apply its answer to their own encoding. Every question about events is an exhaustive switch over
 * {@link Event}, so a new event type does not compile until it has a rule.
 *
 * <p>The rules in short: staff and regulators in good standing see everything but a sealed bid's price and nonce,
 * which reach only the bidder until the listing closes; a participant sees only what concerns it, the other side as a
 * pseudonym ({@code P<n>}, its ordinal within the listing or offer) until the trade, which names both; an offer is a
 * teaser to anyone but its holder; a match proposal exists for its parties only once staff brokered it.
 */
public final class DisclosurePolicy {
    private DisclosurePolicy() {
    }

    /**
     * What {@code viewer} sees of {@code event} in its feed, standing in {@code relation} to the event's subject (as the
     * feed knows it). Oversight needs no relation. A sealed bid is judged at its own index, where it is never closed.
     */
    public static Disclosure event(Viewer viewer, Relation relation, Event event) {
        return viewer.oversight() ? EventDisclosure.toOversight(viewer, event)
                : EventDisclosure.toParty(viewer, relation, event);
    }

    /**
     * What {@code viewer} sees of {@code event} in the answer to a write or in {@code GET /requests/{id}}: oversight as
     * in the feed; anyone else the events that name it ({@link #names}), whole (a sealed bid named so is its own).
     */
    public static Disclosure inAnswer(Viewer viewer, Event event) {
        if (viewer.oversight()) {
            return EventDisclosure.toOversight(viewer, event);
        }
        if (event instanceof fundexchange.protocol.event.CashEvent cash) {
            // The bank sees its own confirmations in its answers; a correction only ever its own side.
            return CashDisclosure.toParty(viewer, cash);
        }
        return EventDisclosure.names(event).contains(viewer.participantId()) ? Disclosure.WHOLE : Disclosure.WITHHELD;
    }

    /** The participants {@code event} names in its own party fields (not the officials who recorded it). */
    public static List<String> names(Event event) {
        return EventDisclosure.names(event);
    }

    /**
     * A {@code SealedBidPlaced}'s price and nonce as judged at some index: whole for its bidder, and for everyone once
     * the listing has {@code closed} by then; else both hidden, its commitment shown.
     */
    public static Disclosure sealedBid(Viewer viewer, String bidder, boolean closed) {
        return EventDisclosure.sealedBid(viewer, bidder, closed);
    }

    /**
     * The signed body of a {@code PlaceSealedBid} or {@code AmendSealedBid} command in a journal export: shown once its
     * listing has closed, never for one that was not accepted (its nonce may protect a bid still open).
     */
    public static Shown sealedBidCommand(boolean accepted, boolean closed) {
        return accepted && closed ? Shown.FULL : Shown.HIDDEN;
    }

    /** The listings that exist for {@code viewer}. */
    public static Scope listings(Viewer viewer) {
        return ReadDisclosure.listings(viewer);
    }

    /** The non-listed offers that exist for {@code viewer}. */
    public static Scope offers(Viewer viewer) {
        return ReadDisclosure.offers(viewer);
    }

    /** The quotes that exist for {@code viewer}: those it made or received. */
    public static Scope quotes(Viewer viewer) {
        return ReadDisclosure.quotes(viewer);
    }

    /** The match proposals that exist for {@code viewer}. */
    public static Scope matches(Viewer viewer) {
        return ReadDisclosure.matches(viewer);
    }

    /** Intents, orders and bids: the viewer's own. */
    public static Scope owned(Viewer viewer) {
        return ReadDisclosure.owned(viewer);
    }

    /**
     * A listing {@code viewer} may see: whole for oversight, all but the closing reason for its seller. A listing that
     * is {@code selling} (an OPEN auction whose mechanism trades per acceptance) hides its latest {@code tradePrice} from
     * all but its seller and oversight: it is another buyer's unsettled trade.
     */
    public static Disclosure listing(Viewer viewer, String seller, boolean auction, boolean selling) {
        return ReadDisclosure.listing(viewer, seller, auction, selling);
    }

    /**
     * A mechanism's own terms (a record that {@code ListingMechanism.ListingTerms} or {@code BidTerms} permits, of class
     * {@code type}) as {@code viewer} sees them: whole for oversight and their {@code owner} (a listing's seller, a bid's
     * bidder); for anyone else, the market, each component hidden unless its {@code listing.Term} says
     * {@code marketVisible}, so a forgotten mark hides a term and never leaks one. The {@code type} naming the record
     * always shows. Reads ({@code GET /listings}, bids) and feeds ({@code BidPlaced}) ask it alike. Terms are never
     * sealed until a close: oversight includes {@link Viewer#EXPORT} (audit bundles, the journal dump), and the
     * registry stores them in clear, so they suit open bids only; a sealed bid carries none ({@code FrozenShapesTest},
     * docs/design/mechanism-terms.md R8).
     */
    public static Disclosure terms(Viewer viewer, String owner, Class<?> type) {
        return TermsDisclosure.of(viewer, owner, type);
    }

    /**
     * What a read derives from terms ({@code ListingTerms.readAt}): shown only to a viewer who sees every one of them,
     * as a value derived from a hidden term could reveal it.
     */
    public static Shown termsRead(Viewer viewer, String owner, Class<?> type) {
        return TermsDisclosure.read(viewer, owner, type);
    }

    /** One bid in a listing's bid list. */
    public static Disclosure bid(Viewer viewer, String bidder, int pseudonym) {
        return ReadDisclosure.bid(viewer, bidder, pseudonym);
    }

    /** A non-listed offer: whole for oversight and its holder, else its teaser. */
    public static Disclosure offer(Viewer viewer, String holder) {
        return ReadDisclosure.offer(viewer, holder);
    }

    /** A quote: withheld from third parties; the other side hidden or pseudonymised until {@code traded}. */
    public static Disclosure quote(Viewer viewer, String holder, String investor, int pseudonym, boolean traded) {
        return ReadDisclosure.quote(viewer, holder, investor, pseudonym, traded);
    }

    /** A match proposal the viewer may see: parties see neither the ranking nor the broker. */
    public static Disclosure match(Viewer viewer, String holder, Integer investorPseudonym, boolean agreed) {
        return ReadDisclosure.match(viewer, holder, investorPseudonym, agreed);
    }

    /**
     * A custody registration, {@code holders} one per line in the order of its {@code entries}: whole for oversight and
     * its submitter; a holder it names sees only its own line(s), without {@code submittedBy} or {@code decidedBy}.
     */
    public static Disclosure custodyRegistration(Viewer viewer, String submitter, List<String> holders) {
        return ReadDisclosure.custodyRegistration(viewer, submitter, holders);
    }
}
