package fundexchange.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.wire.JournalBinary;
import fundexchange.protocol.wire.WireBuffer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Journal documents are read in either encoding ({@link JournalEncoding}): {@link #readCommand} and
 * {@link #readEvents} read a binary document ({@code 0xFE} first) with {@link JournalBinary} and anything else as JSON,
 * so every reader reads every document ever written. {@link #write} writes JSON (snapshots, renderings, request
 * bodies and, until the writers switch, journal documents). JSON documents are compact UTF-8. JSON readers ignore
 * fields they do not know, so formats grow only by adding types and optional fields (CONTRACTS.md 16); binary
 * documents are read strictly until the tolerant binary reader lands (docs/design/binary-journal.md 12, C2 as
 * built). Property order is alphabetical so bytes are reproducible. The protocol's own shape (type names, decimal
 * strings, fixed-width prices) comes from {@link ProtocolModule}.
 */
public final class JournalCodec {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new ProtocolModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true)
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    /** For request bodies: unknown fields, trailing tokens and missing type information are errors. */
    private static final ObjectMapper STRICT = MAPPER.copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JournalCodec() {
    }

    public static ObjectMapper strict() {
        return STRICT;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object document) {
        try {
            return MAPPER.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + document.getClass().getSimpleName(), e);
        }
    }

    /**
     * Appends {@code document}'s JSON to {@code out}: the bytes {@link #write} returns, without the result array (a
     * writer thread reuses {@code out} and its {@linkplain WireBuffer#asOutputStream() stream}; Jackson still makes a
     * generator per document).
     */
    public static void write(Object document, WireBuffer out) {
        try {
            MAPPER.writeValue(out.asOutputStream(), document);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode " + document.getClass().getSimpleName(), e);
        }
    }

    /**
     * The command record in the {@code length} bytes at {@code offset} (a reused buffer), read exactly as
     * {@link #readCommand(byte[])} reads a whole array (the same dispatch and decoders): a failure is "corrupt
     * CommandRecord".
     */
    public static CommandRecord readCommand(byte[] bytes, int offset, int length) {
        return read(bytes, offset, length, CommandRecord.class);
    }

    public static CommandRecord readCommand(byte[] bytes) {
        return read(bytes, CommandRecord.class);
    }

    public static EventDocument readEvents(byte[] bytes) {
        return read(bytes, EventDocument.class);
    }

    /**
     * {@code bytes} as a {@code type}; a command record or event document whose first byte is the binary magic is
     * decoded as encoding 2 (a failure is an {@link UncheckedIOException} "corrupt ..." either way).
     */
    public static <T> T read(byte[] bytes, Class<T> type) {
        return read(bytes, 0, bytes.length, type);
    }

    /** As {@link #read(byte[], Class)} for the {@code length} bytes at {@code offset} (a reused buffer). */
    public static <T> T read(byte[] bytes, int offset, int length, Class<T> type) {
        if (length > 0 && bytes[offset] == JournalBinary.MAGIC
                && (type == CommandRecord.class || type == EventDocument.class)) {
            try {
                return type.cast(type == CommandRecord.class
                        ? JournalBinary.decodeCommandRecord(bytes, offset, length)
                        : JournalBinary.decodeEventDocument(bytes, offset, length));
            } catch (RuntimeException e) {
                throw corrupt(type, e);
            }
        }
        try {
            return MAPPER.readValue(bytes, offset, length, type);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt " + type.getSimpleName(), e);
        }
    }

    /** The error every reader gives for a {@code type} document that does not decode: "corrupt CommandRecord". */
    static UncheckedIOException corrupt(Class<?> type, RuntimeException e) {
        return new UncheckedIOException("corrupt " + type.getSimpleName(), new IOException(e.getMessage(), e));
    }
}
