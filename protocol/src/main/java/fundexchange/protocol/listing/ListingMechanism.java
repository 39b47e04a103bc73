package fundexchange.protocol.listing;

/** How a listing finds its buyer. */
public enum ListingMechanism {
    /** 协议转让: offered to a named buyer at a fixed price. */
    NEGOTIATED,
    /** 单向竞价: open ascending auction with a minimum increment and anti-sniping extensions. */
    ENGLISH,
    /** Sealed bids, opened at the close; highest price wins, optionally at the second price. */
    SEALED,
    /** 降价拍卖: a clock price falls step by step to a floor; each acceptance buys part of the lot at the clock price. */
    DUTCH
}
