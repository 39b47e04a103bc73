package fundexchange.audit.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.regex.Pattern;

/** Constants and JSON plumbing of the bundle format (docs/audit.md). */
final class AuditBundle {
    /** The header's {@code format}. */
    static final String FORMAT = "fund-exchange-audit-bundle";
    /** The header's {@code version}; a verifier refuses versions it does not know. */
    static final int VERSION = 1;
    /** Bundles always start at the genesis, so every key is learnt from the bundle itself. */
    static final long FROM_INDEX = 1;

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    private AuditBundle() {
    }

    static ObjectMapper json() {
        return JSON;
    }

    static String compact(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a bundle line", e);
        }
    }

    /** Whether {@code value} is a SHA-256 in lower-case hex, the only spelling the format allows. */
    static boolean isHexSha256(String value) {
        return value != null && HEX_SHA256.matcher(value).matches();
    }
}
