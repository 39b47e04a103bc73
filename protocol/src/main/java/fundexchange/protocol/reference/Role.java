package fundexchange.protocol.reference;

/** What a participant may do: hold and sell, buy, operate the exchange, or audit it. */
public enum Role {
    HOLDER, INVESTOR, STAFF, REGULATOR
}
