package fundexchange.protocol.wire;

import fundexchange.protocol.command.PlaceBid;

/** A {@link PlaceBid} read where it lies ({@code units} is absent on an English auction). */
public final class PlaceBidView extends CommandView {
    private static final WireType TYPE = StructView.type(PlaceBid.class);
    private static final int LISTING_ID = field(TYPE, "listingId", "i64");
    private static final int PRICE = field(TYPE, "price", "price");
    private static final int UNITS = field(TYPE, "units", "units");

    static {
        StructView.requireCovers(TYPE, LISTING_ID, PRICE, UNITS);
    }

    public PlaceBidView() {
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

    public boolean hasUnits() {
        return struct().present(UNITS);
    }

    /** The units' raw value, 0 when absent. */
    public long units() {
        return struct().raw(UNITS);
    }
}
