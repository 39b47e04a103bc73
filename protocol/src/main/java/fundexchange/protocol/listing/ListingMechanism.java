package fundexchange.protocol.listing;

import java.util.Arrays;
import java.util.Optional;

/** How a listing finds its buyer. */
public enum ListingMechanism {
    /** 协议转让: offered to a named buyer at a fixed price. */
    NEGOTIATED(false),
    /** 单向竞价: open ascending auction with a minimum increment and anti-sniping extensions. */
    ENGLISH(false),
    /** Sealed bids, opened at the close; highest price wins, optionally at the second price. */
    SEALED(false),
    /** 降价拍卖: a clock price falls step by step to a floor; each acceptance buys part of the lot at the clock price. */
    DUTCH(true);

    private final boolean tradesAtOnce;

    ListingMechanism(boolean tradesAtOnce) {
        this.tradesAtOnce = tradesAtOnce;
    }

    /**
     * Whether its acceptances trade at once while the listing stays open, the one place this is said: the engine
     * lists such an auction only under fixed-price transfer terms (no priority holder can match after a close) and
     * locks a deposit per acceptance by its share ({@code BidDeposits.forTrade}), and a read of it while OPEN hides its
     * latest trade price, another buyer's ({@code DisclosurePolicy.listing}).
     */
    public boolean tradesAtOnce() {
        return tradesAtOnce;
    }

    /** The mechanism of this name, or empty for a name this build does not know (a read degrades instead of failing). */
    public static Optional<ListingMechanism> named(String name) {
        return Arrays.stream(values()).filter(m -> m.name().equals(name)).findFirst();
    }
}
