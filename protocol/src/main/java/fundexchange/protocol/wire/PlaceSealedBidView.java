package fundexchange.protocol.wire;

import fundexchange.protocol.command.PlaceSealedBid;

/**
 * A {@link PlaceSealedBid} read where it lies. The nonce is unique per bid, so it is offered as bytes (an offset and
 * length into the record) beside a {@link #nonce()} that allocates its String.
 */
public final class PlaceSealedBidView extends CommandView {
    private static final WireType TYPE = StructView.type(PlaceSealedBid.class);
    private static final int LISTING_ID = field(TYPE, "listingId", "i64");
    private static final int PRICE = field(TYPE, "price", "price");
    private static final int NONCE = field(TYPE, "nonce", "string");

    static {
        StructView.requireCovers(TYPE, LISTING_ID, PRICE, NONCE);
    }

    public PlaceSealedBidView() {
        super(TYPE);
    }

    public long listingId() {
        return struct().i64(LISTING_ID);
    }

    public boolean hasPrice() {
        return struct().present(PRICE);
    }

    /** The price's raw value, 0 when absent. */
    public long price() {
        return struct().raw(PRICE);
    }

    /** Whether the nonce is present (absent in journals written before nonces existed). */
    public boolean hasNonce() {
        return struct().present(NONCE);
    }

    /** Where the nonce's WTF-8 bytes start in the record's bytes, 0 when absent. */
    public int nonceOffset() {
        return struct().offset(NONCE);
    }

    /** How many bytes the nonce has, 0 when absent. */
    public int nonceLength() {
        return struct().length(NONCE);
    }

    /** The nonce as a new String, null when absent. */
    public String nonce() {
        return struct().string(NONCE);
    }
}
