package fundexchange.ops.signer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A request body as the person at the agent's terminal reads it: every field of the JSON, one line each as
 * {@code path = value}, nested paths flattened ({@code terms.price}, {@code items[0]}), in the body's own order. Strings
 * are shown quoted with their control, bidirectional and other invisible characters as {@code \\uXXXX}, numbers as
 * written. A body that cannot be shown this way in full (not one JSON value, a repeated key, trailing content) is
 * refused rather than signed partly unseen.
 */
final class BodyFields {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private BodyFields() {
    }

    /**
     * The body's fields as lines, or none for an empty body.
     *
     * @throws IllegalArgumentException if the body is not exactly one JSON value with unique keys
     */
    static List<String> of(String body) {
        List<String> lines = new ArrayList<>();
        if (body.isEmpty()) {
            return lines;
        }
        try (JsonParser parser = FACTORY.createParser(body)) {
            Deque<Container> path = new ArrayDeque<>();
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new IllegalArgumentException("the body is not JSON; the agent signs only a body it can show field by field");
            }
            do {
                switch (token) {
                    case START_OBJECT, START_ARRAY -> {
                        String at = position(parser, path);
                        advance(path);
                        path.push(new Container(at, token == JsonToken.START_ARRAY));
                    }
                    case END_OBJECT, END_ARRAY -> {
                        Container done = path.pop();
                        if (done.count == 0) {
                            lines.add(label(done.at) + (done.array ? "[]" : "{}"));
                        }
                    }
                    case FIELD_NAME -> {
                    }
                    default -> {
                        lines.add(label(position(parser, path)) + scalar(parser, token));
                        advance(path);
                    }
                }
            } while (!path.isEmpty() && (token = parser.nextToken()) != null);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("the body has content after its JSON value; the agent signs only a body"
                        + " it can show in full");
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the body is not one JSON value with unique keys, so the agent cannot show it"
                    + " in full: " + Printable.of(String.valueOf(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    private static String position(JsonParser parser, Deque<Container> path) throws IOException {
        Container parent = path.peek();
        if (parent == null) {
            return "";
        }
        if (parent.array) {
            return parent.at + "[" + parent.count + "]";
        }
        String name = parser.currentName();
        String key = SIMPLE_KEY.matcher(name).matches() ? name : "[" + quoted(name) + "]";
        return parent.at.isEmpty() || key.startsWith("[") ? parent.at + key : parent.at + "." + key;
    }

    private static void advance(Deque<Container> path) {
        Container parent = path.peek();
        if (parent != null) {
            parent.count++;
        }
    }

    private static String label(String at) {
        return (at.isEmpty() ? "(body)" : at) + " = ";
    }

    private static String scalar(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> quoted(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getText();
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            default -> throw new IllegalArgumentException("unexpected " + token + " in the body");
        };
    }

    /** {@code text} in double quotes, a quote or backslash escaped, every invisible character as {@code \\uXXXX}. */
    private static String quoted(String text) {
        return "\"" + Printable.of(text.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
    }

    /** An object or array being read: where it is, and how many members it had so far. */
    private static final class Container {
        final String at;
        final boolean array;
        int count;

        Container(String at, boolean array) {
            this.at = at;
            this.array = array;
        }
    }
}
