package fundexchange.ops.signer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;

/**
 * What the portal asks the agent to sign: the request exactly as it will be sent, from which the agent builds the
 * canonical string itself (docs/api-signing.md), so that what it shows is what it signs.
 *
 * @param method          HTTP method, upper-case
 * @param path            raw path, starting with {@code /}
 * @param query           raw query without {@code ?}, empty for none
 * @param body            the exact body text (UTF-8), empty for none
 * @param clientRequestId the request's id (a write's idempotency key, a read's nonce)
 * @param timestamp       the X-Timestamp to sign, epoch milliseconds (the portal's server-corrected clock)
 */
record SignRequest(String method, String path, String query, String body, String clientRequestId, long timestamp) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("method", "path", "query", "body", "clientRequestId", "timestamp");
    private static final Set<String> METHODS = Set.of("GET", "POST");

    byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** Parses the agent's JSON strictly: these fields, of these types, nothing else. */
    static SignRequest parse(byte[] json) {
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("the sign request is not JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("the sign request must be a JSON object");
        }
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "'");
            }
        }
        String method = text(tree, "method");
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("method must be GET or POST");
        }
        if (!tree.path("timestamp").isIntegralNumber() || !tree.path("timestamp").canConvertToLong()) {
            throw new IllegalArgumentException("field 'timestamp' must be epoch milliseconds");
        }
        return new SignRequest(method, text(tree, "path"), optionalText(tree, "query"), optionalText(tree, "body"),
                text(tree, "clientRequestId"), tree.path("timestamp").asLong());
    }

    private static String text(JsonNode tree, String field) {
        JsonNode value = tree.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException("field '" + field + "' must be a non-empty string");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode tree, String field) {
        JsonNode value = tree.get(field);
        if (value == null) {
            return "";
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' must be a string");
        }
        return value.asText();
    }
}
