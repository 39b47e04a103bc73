package fundexchange.protocol.disclosure;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which rows of a read model exist for a viewer: all of them, or those that meet at least one {@link Ground}. A store
 * (the registry's SQL) translates each ground it is given; a ground it does not know is a bug.
 */
public sealed interface Scope {
    Scope EVERYTHING = new Everything();

    /** Every row. */
    record Everything() implements Scope {
    }

    /** The rows meeting any of {@code grounds}; none if empty. */
    record Grounds(Set<Ground> grounds) implements Scope {
        public Grounds {
            grounds = grounds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(grounds));
        }
    }

    /** Why a row exists for a participant who is not oversight. */
    enum Ground {
        /** A listing it sells. */
        SELLS,
        /** A negotiated listing naming it as buyer, once OPEN (and after it EXECUTED). */
        OFFERED_TO,
        /** Any OPEN auction (a qualified investor). */
        OPEN_AUCTION,
        /** An auction it bid on. */
        BID_ON,
        /** An offer it holds; a quote on an offer it holds. */
        HOLDS,
        /** Any OPEN offer shown as a public teaser. */
        OPEN_PUBLIC_OFFER,
        /** Any OPEN offer shown to qualified investors only (a qualified investor). */
        OPEN_QUALIFIED_OFFER,
        /** An offer it quoted on; a quote it made. */
        QUOTED,
        /** An offer a match proposal put to it, once staff brokered it. */
        BROKERED_TO,
        /** A match proposal on its offer or intent, once staff brokered it. */
        BROKERED_PARTY,
        /** Its own intent, order or bid. */
        OWNS
    }
}
