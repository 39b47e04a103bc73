package fundexchange.audit.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Line 1 of a bundle: the format, its version, the index range and when it was exported (ISO-8601, UTC). An export
 * writes version 2; a verifier reads versions 1 and 2 ({@link AuditBundle#VERSIONS}).
 */
record BundleHeader(String format, int version, long fromIndex, long toIndex, String exportedAt) {

    static BundleHeader of(long toIndex, String exportedAt) {
        return new BundleHeader(AuditBundle.FORMAT, AuditBundle.VERSION, AuditBundle.FROM_INDEX, toIndex, exportedAt);
    }

    /** Whether the lines carry JSON renderings beside the bytes (version 2 on). */
    boolean rendered() {
        return version == 2;
    }

    String toJson() {
        ObjectNode node = AuditBundle.json().createObjectNode();
        node.put("format", format);
        node.put("version", version);
        node.put("fromIndex", fromIndex);
        node.put("toIndex", toIndex);
        node.put("exportedAt", exportedAt);
        return AuditBundle.compact(node);
    }

    /** Parses and validates line 1; any problem is reported at index 0. */
    static BundleHeader parse(String text) throws BrokenBundle {
        JsonNode node;
        try {
            node = AuditBundle.json().readTree(text);
        } catch (JsonProcessingException e) {
            throw new BrokenBundle(0, "the header is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BrokenBundle(0, "the header is not a JSON object");
        }
        String unknown = AuditBundle.unknownField(node, AuditBundle.HEADER_FIELDS);
        if (unknown != null) {
            throw new BrokenBundle(0, "the header carries an unknown field \"" + unknown + "\"");
        }
        if (!AuditBundle.FORMAT.equals(node.path("format").asText(null))) {
            throw new BrokenBundle(0, "not an audit bundle: format is not \"" + AuditBundle.FORMAT + "\"");
        }
        if (!node.path("version").isIntegralNumber() || !node.path("version").canConvertToInt()
                || !AuditBundle.VERSIONS.contains(node.path("version").asInt())) {
            throw new BrokenBundle(0, "unsupported bundle version " + node.path("version") + "; this verifier reads versions 1 and 2");
        }
        if (!node.path("fromIndex").isIntegralNumber() || node.path("fromIndex").asLong() != AuditBundle.FROM_INDEX) {
            throw new BrokenBundle(0, "fromIndex must be 1: a bundle starts at the genesis, got " + node.path("fromIndex"));
        }
        if (!node.path("toIndex").isIntegralNumber() || node.path("toIndex").asLong() < AuditBundle.FROM_INDEX) {
            throw new BrokenBundle(0, "toIndex must be a number of at least 1, got " + node.path("toIndex"));
        }
        if (node.has("exportedAt") && !node.get("exportedAt").isTextual()) {
            throw new BrokenBundle(0, "exportedAt must be a string or absent, got " + node.get("exportedAt"));
        }
        return new BundleHeader(AuditBundle.FORMAT, node.path("version").asInt(), AuditBundle.FROM_INDEX,
                node.path("toIndex").asLong(), node.path("exportedAt").asText(""));
    }
}
