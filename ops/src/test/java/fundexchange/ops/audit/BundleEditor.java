package fundexchange.ops.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fundexchange.protocol.ChainHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;

/**
 * Tampers with a copy of a bundle the way an attacker would: lines by position (1-based, after the header), the
 * documents inside them as JSON, and {@link #relink} to recompute digests and links so only a deeper check can
 * notice.
 */
final class BundleEditor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ObjectNode header;
    private final List<ObjectNode> lines = new ArrayList<>();
    private final Map<Long, UnaryOperator<String>> rawEdits = new HashMap<>();

    private BundleEditor(List<String> text) {
        header = parse(text.getFirst());
        text.subList(1, text.size()).forEach(line -> lines.add(parse(line)));
    }

    static BundleEditor of(Path bundle) {
        try {
            return new BundleEditor(Files.readAllLines(bundle, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ObjectNode header() {
        return header;
    }

    int size() {
        return lines.size();
    }

    ObjectNode line(long position) {
        return lines.get(Math.toIntExact(position - 1));
    }

    /** The command record at a position, decoded. */
    ObjectNode command(long position) {
        return parse(new String(Base64.getDecoder().decode(line(position).path("command").asText()), StandardCharsets.UTF_8));
    }

    ObjectNode event(long position) {
        return parse(new String(Base64.getDecoder().decode(line(position).path("event").asText()), StandardCharsets.UTF_8));
    }

    /** The first position whose command record and event document match. */
    long find(BiPredicate<JsonNode, JsonNode> match) {
        for (long position = 1; position <= lines.size(); position++) {
            if (line(position).has("command") && match.test(command(position), event(position))) {
                return position;
            }
        }
        throw new AssertionError("no line matches");
    }

    /** The first position holding a command of {@code type}. */
    long findType(String type) {
        return find((command, event) -> command.path("command").path("type").asText().equals(type));
    }

    /** The first position whose command's rendering ({@code commandJson}, version 2) is of {@code type}. */
    long findTypeInRendering(String type) {
        for (long position = 1; position <= lines.size(); position++) {
            if (line(position).path("commandJson").path("command").path("type").asText().equals(type)) {
                return position;
            }
        }
        throw new AssertionError("no rendered command of type " + type);
    }

    /** Sets a line's command document and, in a version-2 bundle, its rendering to match, as a forger would. */
    BundleEditor setCommand(long position, JsonNode command) {
        line(position).put("command", Base64.getEncoder().encodeToString(bytes(command)));
        if (rendered()) {
            line(position).set("commandJson", command.deepCopy());
        }
        return this;
    }

    /** Sets a line's event document and, in a version-2 bundle, its rendering to match. */
    BundleEditor setEvent(long position, JsonNode event) {
        line(position).put("event", Base64.getEncoder().encodeToString(bytes(event)));
        if (rendered()) {
            line(position).set("eventJson", event.deepCopy());
        }
        return this;
    }

    /** Leaves a line's command out (its body and rendering), keeping its digest, as an exporter withholds one. */
    BundleEditor withhold(long position) {
        line(position).remove(List.of("command", "commandJson"));
        line(position).put("commandWithheld", true);
        return this;
    }

    /** Whether the lines carry JSON renderings beside the bytes (bundle version 2). */
    boolean rendered() {
        return header.path("version").asInt() >= 2;
    }

    BundleEditor delete(long position) {
        lines.remove(Math.toIntExact(position - 1));
        return this;
    }

    BundleEditor swap(long a, long b) {
        ObjectNode first = line(a);
        lines.set(Math.toIntExact(a - 1), line(b));
        lines.set(Math.toIntExact(b - 1), first);
        return this;
    }

    BundleEditor insertAfter(long position, ObjectNode line) {
        lines.add(Math.toIntExact(position), line);
        return this;
    }

    /** Keeps positions 1..last and sets the header's toIndex to match, as an honest shorter export would. */
    BundleEditor truncate(long last) {
        lines.subList(Math.toIntExact(last), lines.size()).clear();
        header.put("toIndex", last);
        return this;
    }

    /** Recomputes the digests of the documents present and every link from {@code position} to the end. */
    BundleEditor relink(long position) {
        String link = position == 1 ? ChainHash.GENESIS : line(position - 1).path("link").asText();
        for (long p = position; p <= lines.size(); p++) {
            ObjectNode line = line(p);
            if (line.has("command")) {
                line.put("commandDigest", digest(line.path("command").asText()));
            }
            line.put("eventDigest", digest(line.path("event").asText()));
            link = ChainHash.auditLink(link, ChainHash.bytes(line.path("commandDigest").asText()),
                    ChainHash.bytes(line.path("eventDigest").asText()));
            line.put("link", link);
        }
        return this;
    }

    /** Edits a line's text as written (position 0 is the header), for tampering no JSON tree can express. */
    BundleEditor editText(long position, UnaryOperator<String> edit) {
        rawEdits.put(position, edit);
        return this;
    }

    Path write(Path file) {
        List<String> text = new ArrayList<>();
        text.add(new String(bytes(header), StandardCharsets.UTF_8));
        lines.forEach(line -> text.add(new String(bytes(line), StandardCharsets.UTF_8)));
        rawEdits.forEach((position, edit) -> text.set(Math.toIntExact(position), edit.apply(text.get(Math.toIntExact(position)))));
        try {
            return Files.write(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String digest(String base64) {
        return ChainHash.hex(ChainHash.digest(Base64.getDecoder().decode(base64)));
    }
}
