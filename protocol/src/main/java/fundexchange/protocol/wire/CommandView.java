package fundexchange.protocol.wire;

/**
 * The base of a typed command view (docs/design/binary-journal.md section 5.3): it reads one command type's struct
 * through a {@link StructView}, with its field numbers looked up by component name in the journal schema when the
 * view's class is initialised, so a schema that renumbered or re-kinded a field fails there, not in a read (R3).
 */
public abstract sealed class CommandView
        permits AcceptListingView, AmendOrderView, CancelOrderView, PlaceBidView, PlaceOrderView, PlaceSealedBidView {
    private final WireType type;
    /** The command's struct; valid after a {@code wrap}. */
    StructView struct;

    CommandView(WireType type) {
        this.type = type;
    }

    /** The command type this view reads. */
    public final WireType type() {
        return type;
    }

    /** Whether {@code record}'s command is of this view's type. */
    public final boolean reads(CommandRecordView record) {
        return record.commandTypeId() == type.id();
    }

    /**
     * Reads {@code record}'s command.
     *
     * @throws IllegalArgumentException when it is of another type
     */
    public final void wrap(CommandRecordView record) {
        wrap(record.command());
    }

    /**
     * Reads the command struct {@code command} (wrapped for this view's type).
     *
     * @throws IllegalArgumentException when it is of another type
     */
    public final void wrap(StructView command) {
        if (command.type() != type) {
            throw new IllegalArgumentException(command.type() + " is not " + type);
        }
        struct = command;
    }

    static int field(WireType type, String name, String spec) {
        return StructView.field(type, name, spec);
    }
}
