package fundexchange.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.journal.JournalCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes golden files readably: an object or array stays on one line when its line fits in {@link #WIDTH}
 * characters, and is broken into one member per line (two-space indent) otherwise. Member order is kept as read.
 */
final class GoldenJson {
    static final int WIDTH = 120;

    private GoldenJson() {
    }

    static String pretty(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, "", 0, out);
        return out.append('\n').toString();
    }

    /** The one-line form, also used in failure messages. */
    static String oneLine(JsonNode node) {
        if (!node.isContainerNode()) {
            return scalar(node);
        }
        List<String> parts = new ArrayList<>();
        if (node.isObject()) {
            node.properties().forEach(member -> parts.add(name(member.getKey()) + ": " + oneLine(member.getValue())));
            return "{" + String.join(", ", parts) + "}";
        }
        node.forEach(element -> parts.add(oneLine(element)));
        return "[" + String.join(", ", parts) + "]";
    }

    /** Writes {@code node} after {@code prefix} characters of its line (the indent and the member name). */
    private static void write(JsonNode node, String indent, int prefix, StringBuilder out) {
        String line = oneLine(node);
        if (!node.isContainerNode() || node.isEmpty() || prefix + line.length() + 1 <= WIDTH) {
            out.append(line);
            return;
        }
        String inner = indent + "  ";
        out.append(node.isObject() ? "{" : "[");
        String separator = "\n";
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                String name = name(member.getKey()) + ": ";
                out.append(separator).append(inner).append(name);
                write(member.getValue(), inner, inner.length() + name.length(), out);
                separator = ",\n";
            }
        } else {
            for (JsonNode element : node) {
                out.append(separator).append(inner);
                write(element, inner, inner.length(), out);
                separator = ",\n";
            }
        }
        out.append('\n').append(indent).append(node.isObject() ? '}' : ']');
    }

    private static String name(String key) {
        return scalar(JournalCodec.mapper().getNodeFactory().textNode(key));
    }

    private static String scalar(JsonNode node) {
        try {
            return JournalCodec.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
