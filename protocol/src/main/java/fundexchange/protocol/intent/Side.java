package fundexchange.protocol.intent;

/** A party to an inquiry or a brokered match: the offer's holder or the investor. */
public enum Side {
    HOLDER, INVESTOR;

    public Side other() {
        return this == HOLDER ? INVESTOR : HOLDER;
    }
}
