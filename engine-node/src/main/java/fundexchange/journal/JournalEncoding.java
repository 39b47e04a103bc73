package fundexchange.journal;

import fundexchange.protocol.wire.JournalBinary;
import fundexchange.protocol.wire.WireFormatException;

/**
 * How a journal document is encoded, named by its first byte (docs/design/binary-journal.md 4.1): {@code 0xFE} then
 * the encoding number 2 is binary ({@link JournalBinary}); anything else is JSON (encoding 1, everything written
 * before issue 18), as the readers have always read it. Every document names its own encoding, so a journal may hold
 * JSON documents and then binary ones, and every reader reads both.
 */
public enum JournalEncoding {
    JSON, BINARY;

    /**
     * The encoding {@code document} is read in, by the readers' own dispatch: binary when its first byte is the magic,
     * else JSON (whether the JSON is well formed is the JSON reader's question). Refuses a magic with no encoding byte
     * or one this build does not read.
     */
    public static JournalEncoding of(byte[] document) {
        if (document.length == 0 || document[0] != JournalBinary.MAGIC) {
            return JSON;
        }
        if (document.length > 1 && document[1] == JournalBinary.ENCODING) {
            return BINARY;
        }
        throw new WireFormatException(document.length == 1 ? "a binary magic with no encoding byte"
                : "encoding " + (document[1] & 0xFF) + " is unknown to this build (it reads 1 and 2)", 1);
    }

    /** What journal writers use: JSON until the writers switch (C7 of the design, which reads it). */
    public static JournalEncoding current() {
        return JSON;
    }
}
