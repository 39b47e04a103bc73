package fundexchange.audit.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Set;
import java.util.regex.Pattern;

/** Constants and JSON plumbing of the bundle format (docs/audit.md). */
final class AuditBundle {
    /** The header's {@code format}. */
    static final String FORMAT = "fund-exchange-audit-bundle";
    /**
     * The header's {@code version} an export writes: 2, each document's bytes beside its JSON rendering
     * ({@code commandJson}, {@code eventJson}).
     */
    static final int VERSION = 2;
    /** The versions a verifier reads (1: bytes only, as exported before issue 18); it refuses any other. */
    static final Set<Integer> VERSIONS = Set.of(1, 2);
    /** Bundles always start at the genesis, so every key is learnt from the bundle itself. */
    static final long FROM_INDEX = 1;

    /** Refuses a repeated name in an object, so no reader can see another value than the verifier checked. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
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
