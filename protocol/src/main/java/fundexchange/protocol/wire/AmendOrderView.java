package fundexchange.protocol.wire;

import fundexchange.protocol.command.AmendOrder;

/** An {@link AmendOrder} read where it lies: an absent price or units keeps the order's current value. */
public final class AmendOrderView extends CommandView {
    private static final WireType TYPE = StructView.type(AmendOrder.class);
    private static final int ORDER_ID = field(TYPE, "orderId", "i64");
    private static final int PRICE = field(TYPE, "price", "price");
    private static final int UNITS = field(TYPE, "units", "units");

    static {
        StructView.requireCovers(TYPE, ORDER_ID, PRICE, UNITS);
    }

    public AmendOrderView() {
        super(TYPE);
    }

    public long orderId() {
        return struct().i64(ORDER_ID);
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
