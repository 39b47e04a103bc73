package fundexchange.protocol.wire;

import fundexchange.protocol.command.PlaceBid;

/**
 * A {@link PlaceBid} read where it lies ({@code units} is absent on an English auction). A bid with a mechanism's own
 * {@code terms} is for the generic decoder: {@link #hasTerms} says whether it has them.
 */
public final class PlaceBidView extends CommandView {
    private static final WireType TYPE = StructView.type(PlaceBid.class);
    private static final int LISTING_ID = field(TYPE, "listingId", "i64");
    private static final int PRICE = field(TYPE, "price", "price");
    private static final int UNITS = field(TYPE, "units", "units");
    private static final int TERMS = field(TYPE, "terms",
            "typed:" + fundexchange.protocol.listing.ListingMechanism.BidTerms.class.getName());

    static {
        StructView.requireCovers(TYPE, LISTING_ID, PRICE, UNITS, TERMS);
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

    /** Whether the bid carries a mechanism's own terms (rules version 11), which this view does not read. */
    public boolean hasTerms() {
        return struct().present(TERMS);
    }
}
