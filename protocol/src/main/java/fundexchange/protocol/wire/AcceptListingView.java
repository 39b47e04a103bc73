package fundexchange.protocol.wire;

import fundexchange.protocol.command.AcceptListing;

/** An {@link AcceptListing} read where it lies. */
public final class AcceptListingView extends CommandView {
    private static final WireType TYPE = StructView.type(AcceptListing.class);
    private static final int LISTING_ID = field(TYPE, "listingId", "i64");

    static {
        StructView.requireCovers(TYPE, LISTING_ID);
    }

    public AcceptListingView() {
        super(TYPE);
    }

    public long listingId() {
        return struct().i64(LISTING_ID);
    }
}
