package fundexchange.audit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fundexchange.journal.JournalDocuments;
import java.util.Iterator;
import java.util.TreeMap;

/**
 * Tolerant reads of journal JSON trees (a binary document is read as its JSON rendering): a missing field is
 * {@code null}, never an error.
 */
final class Json {
    private Json() {
    }

    /** The JSON tree of a journal document in either encoding (a binary one's JSON rendering). */
    static JsonNode read(byte[] document) {
        return JournalDocuments.tree(document);
    }

    /** A field as text: numbers as plain decimals, so amounts keep the exact journal digits; null if absent. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        return value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
    }

    static long number(JsonNode node, String field) {
        return node.path(field).asLong();
    }

    /** A deep copy whose object properties are in key order, so the tree serialises canonically. */
    static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                fields.put(name, sorted(node.get(name)));
            }
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node.deepCopy();
    }
}
