package fundexchange.protocol.wire;

import fundexchange.protocol.command.CancelOrder;

/** A {@link CancelOrder} read where it lies. */
public final class CancelOrderView extends CommandView {
    private static final WireType TYPE = StructView.type(CancelOrder.class);
    private static final int ORDER_ID = field(TYPE, "orderId", "i64");

    static {
        StructView.requireCovers(TYPE, ORDER_ID);
    }

    public CancelOrderView() {
        super(TYPE);
    }

    public long orderId() {
        return struct().i64(ORDER_ID);
    }
}
