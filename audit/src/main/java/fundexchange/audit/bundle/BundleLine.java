package fundexchange.audit.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;

/**
 * One journal index in a bundle: both documents as written (Base64), their SHA-256 digests and the audit link, all
 * hex. A withheld line has no {@code command} but keeps {@code commandDigest}; its event document may be redacted
 * (re-encoded without a sealed price), in which case {@code eventDigest} is still the digest of the document as written.
 *
 * @param command       the command document's bytes, or null when withheld
 * @param eventRedacted whether {@code event} is a redaction rather than the document as written
 */
record BundleLine(long index, byte[] command, byte[] event, boolean eventRedacted, String commandDigest,
                  String eventDigest, String link) {

    boolean withheld() {
        return command == null;
    }

    String toJson() {
        ObjectNode node = AuditBundle.json().createObjectNode();
        node.put("index", index);
        if (withheld()) {
            node.put("commandWithheld", true);
        } else {
            node.put("command", Base64.getEncoder().encodeToString(command));
        }
        node.put("event", Base64.getEncoder().encodeToString(event));
        if (eventRedacted) {
            node.put("eventRedacted", true);
        }
        node.put("commandDigest", commandDigest);
        node.put("eventDigest", eventDigest);
        node.put("link", link);
        return AuditBundle.compact(node);
    }

    /**
     * Parses the line expected to hold {@code expectedIndex}; a malformed line is a problem at that index. The digests
     * and link are only checked for shape here; the verifier checks their values.
     */
    static BundleLine parse(long expectedIndex, String text) throws BrokenBundle {
        JsonNode node;
        try {
            node = AuditBundle.json().readTree(text);
        } catch (JsonProcessingException e) {
            throw new BrokenBundle(expectedIndex, "the line is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BrokenBundle(expectedIndex, "the line is not a JSON object");
        }
        if (!node.path("index").isIntegralNumber()) {
            throw new BrokenBundle(expectedIndex, "the line has no numeric index");
        }
        boolean withheld = node.path("commandWithheld").asBoolean(false);
        if (withheld == node.has("command")) {
            throw new BrokenBundle(expectedIndex, withheld ? "a withheld line must not carry the command"
                    : "the line carries no command and is not marked commandWithheld");
        }
        byte[] command = withheld ? null : base64(expectedIndex, node, "command");
        JsonNode redacted = node.path("eventRedacted");
        if (!redacted.isMissingNode() && !redacted.isBoolean()) {
            throw new BrokenBundle(expectedIndex, "eventRedacted must be true or absent");
        }
        return new BundleLine(node.path("index").asLong(), command, base64(expectedIndex, node, "event"),
                redacted.asBoolean(false), hex(expectedIndex, node, "commandDigest"), hex(expectedIndex, node, "eventDigest"),
                hex(expectedIndex, node, "link"));
    }

    private static byte[] base64(long index, JsonNode node, String field) throws BrokenBundle {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new BrokenBundle(index, "the line has no " + field + " document");
        }
        try {
            return Base64.getDecoder().decode(value.asText());
        } catch (IllegalArgumentException e) {
            throw new BrokenBundle(index, "the " + field + " document is not valid Base64");
        }
    }

    private static String hex(long index, JsonNode node, String field) throws BrokenBundle {
        String value = node.path(field).asText(null);
        if (!node.path(field).isTextual() || !AuditBundle.isHexSha256(value)) {
            throw new BrokenBundle(index, field + " is not 64 lower-case hex digits");
        }
        return value;
    }
}
