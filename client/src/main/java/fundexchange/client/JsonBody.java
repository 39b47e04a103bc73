package fundexchange.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * A request body from name-value pairs: text, whole numbers, lists of text, raw JSON ({@link #raw}); an empty
 * {@link Optional} leaves its field out. Amounts stay decimal strings, as the API wants them.
 */
final class JsonBody {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** JSON text to embed as it is (an action, criteria, register entries). */
    record Raw(String json) {
    }

    private JsonBody() {
    }

    static Raw raw(String json) {
        return new Raw(json);
    }

    static String of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        ObjectNode body = JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            put(body, (String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return body.toString();
    }

    private static void put(ObjectNode body, String name, Object value) {
        switch (value) {
            case Optional<?> optional -> optional.ifPresent(present -> put(body, name, present));
            case String text -> body.put(name, text);
            case Long number -> body.put(name, number);
            case Integer number -> body.put(name, number);
            case Boolean flag -> body.put(name, flag);
            case List<?> list -> {
                ArrayNode array = body.putArray(name);
                list.forEach(element -> array.add(String.valueOf(element)));
            }
            case Raw raw -> body.set(name, parse(raw.json()));
            default -> throw new IllegalArgumentException("no JSON form for " + value.getClass());
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }
}
