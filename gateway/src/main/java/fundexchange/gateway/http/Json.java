package fundexchange.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fundexchange.journal.JournalCodec;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/** JSON in and out of the gateway: strict on input (unknown fields are errors), the journal's format on output. */
public final class Json {

    /** Output: the journal's format, with every BigDecimal as an exact decimal string like the journal's amounts. */
    private static final ObjectMapper OUTPUT = outputMapper();

    private static ObjectMapper outputMapper() {
        ObjectMapper mapper = JournalCodec.mapper().copy();
        mapper.configOverride(java.math.BigDecimal.class)
                .setFormat(com.fasterxml.jackson.annotation.JsonFormat.Value.forShape(com.fasterxml.jackson.annotation.JsonFormat.Shape.STRING));
        return mapper;
    }

    private Json() {
    }

    /** {@code body} in the output format, as one line of text. */
    static String line(Object body) {
        try {
            return OUTPUT.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void send(ServerResponse response, int status, Object body) {
        byte[] bytes;
        try {
            bytes = OUTPUT.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        response.status(Status.create(status));
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        response.send(bytes);
    }
}
