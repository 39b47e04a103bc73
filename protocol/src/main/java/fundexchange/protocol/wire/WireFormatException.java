package fundexchange.protocol.wire;

/**
 * Bytes that are not a document this build writes in encoding 2: malformed, not in canonical form, truncated, or
 * written by a newer build (an unknown type id or field). The message names what and, where known, the offset.
 */
public final class WireFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int offset;

    public WireFormatException(String message, int offset) {
        super(offset < 0 ? message : message + " (at byte " + offset + ")");
        this.offset = offset;
    }

    public WireFormatException(String message) {
        this(message, -1);
    }

    /** The byte offset the problem was found at, or -1 when it is not about one place. */
    public int offset() {
        return offset;
    }
}
