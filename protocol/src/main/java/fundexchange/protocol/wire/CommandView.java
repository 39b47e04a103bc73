package fundexchange.protocol.wire;

/**
 * The base of a typed command view (docs/design/binary-journal.md section 5.3): it reads one command type's struct
 * through a {@link StructView}, with its field numbers looked up by component name in the journal schema when the
 * view's class is initialised, and required to be all of the type's fields ({@link StructView#requireCovers}), so a
 * schema that renumbered, re-kinded or added a field fails there, not in a read (R3).
 *
 * <p>A typed view reads only while the struct it was wrapped over has not been wrapped again: once its
 * {@link CommandRecordView} moves to another record (or a {@code wrap} of it fails), every read throws
 * {@link IllegalStateException} until this view is wrapped again, so a view kept too long cannot read another
 * command's fields.
 */
public abstract sealed class CommandView
        permits AcceptListingView, AmendOrderView, CancelOrderView, PlaceBidView, PlaceOrderView, PlaceSealedBidView {
    private final WireType type;
    private StructView struct;
    private int generation;

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
     * Reads {@code record}'s command, until {@code record} is wrapped again.
     *
     * @throws IllegalArgumentException when it is of another type
     */
    public final void wrap(CommandRecordView record) {
        wrap(record.command());
    }

    /**
     * Reads the command struct {@code command} (wrapped for this view's type), until it is wrapped again.
     *
     * @throws IllegalArgumentException when it is of another type
     */
    public final void wrap(StructView command) {
        if (command.type() != type) {
            throw new IllegalArgumentException(command.type() + " is not " + type);
        }
        struct = command;
        generation = command.generation();
    }

    /**
     * The command's struct, for the accessors.
     *
     * @throws IllegalStateException when this view was never wrapped, or its struct was wrapped again since
     */
    final StructView struct() {
        StructView current = struct;
        if (current == null || current.generation() != generation) {
            throw new IllegalStateException(type + " view is stale: its record view was wrapped again since (wrap this"
                    + " view again)");
        }
        return current;
    }

    static int field(WireType type, String name, String spec) {
        return StructView.field(type, name, spec);
    }
}
