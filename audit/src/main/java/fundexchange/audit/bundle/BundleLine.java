package fundexchange.audit.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;

/**
 * One journal index in a bundle: both documents as written (Base64), their SHA-256 digests and the audit link, all
 * hex. A withheld line has no {@code command} but keeps {@code commandDigest}; its event document may be redacted
 * (re-encoded, always as JSON, without a sealed price), in which case {@code eventDigest} is still the digest of the
 * document as written. From version 2 on, each document present also has its JSON rendering beside its bytes
 * ({@code commandJson}, {@code eventJson}: a JSON document's own bytes read as JSON, a binary one's decoded value as
 * the JSON writer writes it, {@code JournalDocuments.json}); the verifier requires each to equal what it decodes from the bytes.
 *
 * @param command       the command document's bytes, or null when withheld
 * @param eventRedacted whether {@code event} is a redaction rather than the document as written
 * @param commandJson   the command's rendering; null when withheld or in a version-1 line
 * @param eventJson     the event document's (or its redaction's) rendering; null in a version-1 line
 */
record BundleLine(long index, byte[] command, byte[] event, boolean eventRedacted, String commandDigest,
                  String eventDigest, String link, JsonNode commandJson, JsonNode eventJson) {

    /** A line without renderings: version 1, or the documents of a journal read in place ({@link JournalAudit}). */
    BundleLine(long index, byte[] command, byte[] event, boolean eventRedacted, String commandDigest, String eventDigest,
               String link) {
        this(index, command, event, eventRedacted, commandDigest, eventDigest, link, null, null);
    }

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
            if (commandJson != null) {
                node.set("commandJson", commandJson);
            }
        }
        node.put("event", Base64.getEncoder().encodeToString(event));
        if (eventJson != null) {
            node.set("eventJson", eventJson);
        }
        if (eventRedacted) {
            node.put("eventRedacted", true);
        }
        node.put("commandDigest", commandDigest);
        node.put("eventDigest", eventDigest);
        node.put("link", link);
        return AuditBundle.compact(node);
    }

    /**
     * Parses the line expected to hold {@code expectedIndex} of a bundle of {@code version} (2: the lines carry
     * renderings, 1: they do not); a malformed line is a problem at that index. The digests, link and
     * renderings are only checked for shape here; the verifier checks their values.
     */
    static BundleLine parse(long expectedIndex, String text, int version) throws BrokenBundle {
        boolean rendered = version == 2;
        JsonNode node;
        try {
            node = AuditBundle.json().readTree(text);
        } catch (JsonProcessingException e) {
            throw new BrokenBundle(expectedIndex, "the line is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BrokenBundle(expectedIndex, "the line is not a JSON object");
        }
        String unknown = AuditBundle.unknownField(node, AuditBundle.lineFields(version));
        // A version-1 line carrying a rendering is refused below, naming its part.
        boolean rendering = unknown != null && version == 1 && AuditBundle.lineFields(2).contains(unknown);
        if (unknown != null && !rendering) {
            throw new BrokenBundle(expectedIndex, "the line carries an unknown field \"" + unknown + "\" (a version "
                    + version + " line has only " + String.join(", ", AuditBundle.lineFields(version).stream().sorted().toList())
                    + ")");
        }
        if (!node.path("index").isIntegralNumber()) {
            throw new BrokenBundle(expectedIndex, "the line has no numeric index");
        }
        JsonNode withheldMark = node.path("commandWithheld");
        if (!withheldMark.isMissingNode() && !(withheldMark.isBoolean() && withheldMark.booleanValue())) {
            throw new BrokenBundle(expectedIndex, "commandWithheld must be true or absent, got " + withheldMark);
        }
        boolean withheld = !withheldMark.isMissingNode();
        if (withheld == node.has("command")) {
            throw new BrokenBundle(expectedIndex, withheld ? "a withheld line must not carry the command"
                    : "the line carries no command and is not marked commandWithheld");
        }
        byte[] command = withheld ? null : base64(expectedIndex, node, "command");
        JsonNode redacted = node.path("eventRedacted");
        if (!redacted.isMissingNode() && !redacted.isBoolean()) {
            throw new BrokenBundle(expectedIndex, "eventRedacted must be true or absent");
        }
        JsonNode commandJson = rendering(expectedIndex, node, "commandJson", rendered && !withheld, Part.COMMAND);
        JsonNode eventJson = rendering(expectedIndex, node, "eventJson", rendered, Part.EVENT);
        return new BundleLine(node.path("index").asLong(), command, base64(expectedIndex, node, "event"),
                redacted.asBoolean(false), hex(expectedIndex, node, "commandDigest"), hex(expectedIndex, node, "eventDigest"),
                hex(expectedIndex, node, "link"), commandJson, eventJson);
    }

    /**
     * The rendering {@code field}: a JSON object where {@code expected}, else absent (a withheld command has none, so
     * nothing of its body reaches the bundle; a version-1 line has none, so nothing unchecked is shown beside it).
     */
    private static JsonNode rendering(long index, JsonNode node, String field, boolean expected, Part part)
            throws BrokenBundle {
        JsonNode value = node.get(field);
        if (!expected) {
            if (value != null) {
                throw new BrokenBundle(index, part, "the line must not carry " + field + (node.has("commandWithheld")
                        && part == Part.COMMAND ? ": its command is withheld" : ": a version 1 line has no renderings"));
            }
            return null;
        }
        if (value == null || !value.isObject()) {
            throw new BrokenBundle(index, part, "the line has no " + field + " rendering (a JSON object)");
        }
        if (AuditBundle.holdsFraction(value)) {
            throw new BrokenBundle(index, part, "the " + field + " rendering holds a number that is not whole");
        }
        return value;
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
