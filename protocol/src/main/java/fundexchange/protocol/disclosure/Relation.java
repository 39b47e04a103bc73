package fundexchange.protocol.disclosure;

/**
 * How a viewer stands to an event's subject (a listing, bid, offer, quote, intent, match, order, position or
 * participant record), as the one delivering the event knows it. Oversight needs no relation.
 */
public enum Relation {
    /**
     * The subject is the viewer's own: its participant record, key, qualification, holding, order, bid, offer, intent or
     * quote, a listing it sells, a custody registration it submitted, a trade it is a party to.
     */
    SELF,
    /**
     * The other side of a deal in the making: a listing's seller for a bid, a bidder or the named buyer for a listing, an
     * offer's holder for a quote or match, a holder named on a registration another submitted, a registration's
     * submitter for a confirmation.
     */
    COUNTERPARTY,
    /** Another bidder on the same listing. */
    RIVAL,
    /** None: a third party. */
    NONE
}
