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
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Journal documents are compact UTF-8 JSON. Readers ignore fields they do not know, so formats grow only by adding
 * types and optional fields (CONTRACTS.md 16). Property order is alphabetical so bytes are reproducible. The
 * protocol's own shape (type names, decimal strings, fixed-width prices) comes from {@link ProtocolModule}.
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

    public static CommandRecord readCommand(byte[] bytes) {
        return read(bytes, CommandRecord.class);
    }

    public static EventDocument readEvents(byte[] bytes) {
        return read(bytes, EventDocument.class);
    }

    public static <T> T read(byte[] bytes, Class<T> type) {
        try {
            return MAPPER.readValue(bytes, type);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt " + type.getSimpleName(), e);
        }
    }
}
