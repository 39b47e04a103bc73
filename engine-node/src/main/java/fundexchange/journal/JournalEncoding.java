package fundexchange.journal;

import fundexchange.protocol.wire.JournalBinary;
import fundexchange.protocol.wire.WireFormatException;

/**
 * How a journal document is encoded, named by its first byte (docs/design/binary-journal.md 4.1): {@code {} is JSON
 * (encoding 1, everything written before issue 18), {@code 0xFE} then the encoding number 2 is binary
 * ({@link JournalBinary}). Every document names its own encoding, so a journal may hold JSON documents and then binary
 * ones, and every reader reads both.
 */
public enum JournalEncoding {
    JSON(1), BINARY(JournalBinary.ENCODING);

    private final int number;

    JournalEncoding(int number) {
        this.number = number;
    }

    /** The encoding's number: 1 for JSON, 2 for binary. */
    public int number() {
        return number;
    }

    /** The encoding {@code document} names; refuses an empty document or one whose first bytes name none. */
    public static JournalEncoding of(byte[] document) {
        if (document.length > 0 && document[0] == '{') {
            return JSON;
        }
        if (document.length > 1 && document[0] == JournalBinary.MAGIC && document[1] == JournalBinary.ENCODING) {
            return BINARY;
        }
        if (document.length > 1 && document[0] == JournalBinary.MAGIC) {
            throw new WireFormatException("encoding " + (document[1] & 0xFF) + " is unknown to this build (it reads 1 and 2)", 1);
        }
        throw new WireFormatException(document.length == 0 ? "an empty document names no encoding"
                : "a document starting 0x" + String.format("%02x", document[0] & 0xFF)
                + (document.length > 1 ? String.format("%02x", document[1] & 0xFF) : "") + " names no encoding", 0);
    }

    /** What journal writers use: JSON until the writers switch (C7 of the design). */
    public static JournalEncoding current() {
        return JSON;
    }
}
