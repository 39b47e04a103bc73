package fundexchange.protocol.wire;

import fundexchange.protocol.book.Side;
import fundexchange.protocol.command.PlaceOrder;

/** A {@link PlaceOrder} read where it lies: decimals as raw values, presence asked separately (both are nullable). */
public final class PlaceOrderView extends CommandView {
    private static final WireType TYPE = StructView.type(PlaceOrder.class);
    private static final int FUND_CODE = field(TYPE, "fundCode", "string");
    private static final int SIDE = field(TYPE, "side", "enum:" + Side.class.getName());
    private static final int UNITS = field(TYPE, "units", "units");
    private static final int PRICE = field(TYPE, "price", "price");

    static {
        StructView.requireCovers(TYPE, FUND_CODE, SIDE, UNITS, PRICE);
    }

    public PlaceOrderView() {
        super(TYPE);
    }

    /** The fund code through {@code strings} (a hit allocates nothing), null when absent. */
    public String fundCode(WireStrings strings) {
        return struct().string(FUND_CODE, strings);
    }

    /** Whether the fund code is present and equals {@code fundCode}, without a String. */
    public boolean fundCodeEquals(CharSequence fundCode) {
        return struct().stringEquals(FUND_CODE, fundCode);
    }

    /** The side, null when absent. */
    public Side side() {
        return (Side) struct().enumConstant(SIDE);
    }

    public boolean hasUnits() {
        return struct().present(UNITS);
    }

    /** The units' raw value, 0 when absent. */
    public long units() {
        return struct().raw(UNITS);
    }

    public boolean hasPrice() {
        return struct().present(PRICE);
    }

    /** The price's raw value, 0 when absent. */
    public long price() {
        return struct().raw(PRICE);
    }
}
