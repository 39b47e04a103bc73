package fundexchange.audit.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fundexchange.journal.JournalDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    /**
     * Refuses a repeated name in an object and anything after a line's value, so no reader can see another value than
     * the verifier checked; writes every non-ASCII character as an escape, so a line is ASCII and a journal string
     * holding an unpaired surrogate still exports (and reads back as the same string).
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();
    /** The names a header may carry. */
    static final Set<String> HEADER_FIELDS = Set.of("format", "version", "fromIndex", "toIndex", "exportedAt");
    private static final Set<String> LINE_FIELDS_V1 = Set.of("index", "command", "commandWithheld", "event",
            "eventRedacted", "commandDigest", "eventDigest", "link");
    private static final Set<String> LINE_FIELDS_V2 = Set.of("index", "command", "commandWithheld", "commandJson",
            "event", "eventJson", "eventRedacted", "commandDigest", "eventDigest", "link");
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    private AuditBundle() {
    }

    /** The names a line of {@code version} (one of {@link #VERSIONS}) may carry; any other name is refused. */
    static Set<String> lineFields(int version) {
        return switch (version) {
            case 1 -> LINE_FIELDS_V1;
            case 2 -> LINE_FIELDS_V2;
            default -> throw new IllegalArgumentException("no bundle version " + version);
        };
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

    /**
     * A document's JSON rendering, as the exporter embeds it and the verifier recomputes it: a JSON document's own
     * bytes read as JSON, a binary one's decoded value as the JSON writer writes it. A redaction is already JSON.
     * Throws on what the verifier refuses (a repeated name, trailing content, a number that is not whole), so an
     * export fails at the index rather than writing a bundle that cannot verify.
     */
    static JsonNode rendering(byte[] document) {
        JsonNode tree;
        try {
            tree = AuditBundle.json().readTree(JournalDocuments.json(document));
        } catch (IOException e) {
            throw new UncheckedIOException("a journal document's JSON rendering does not parse", e);
        }
        if (holdsFraction(tree)) {
            throw new IllegalArgumentException("a journal document's JSON rendering holds a number that is not whole");
        }
        return tree;
    }

    /** The first name of {@code node} outside {@code known}, or null. */
    static String unknownField(JsonNode node, Set<String> known) {
        for (var names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                return name;
            }
        }
        return null;
    }

    /** Whether {@code node} holds, at any depth, a number that is not whole (the bundle's JSON has none). */
    static boolean holdsFraction(JsonNode node) {
        if (node.isNumber()) {
            return !node.isIntegralNumber();
        }
        for (JsonNode child : node) {
            if (holdsFraction(child)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code value} is a SHA-256 in lower-case hex, the only spelling the format allows. */
    static boolean isHexSha256(String value) {
        return value != null && HEX_SHA256.matcher(value).matches();
    }
}
