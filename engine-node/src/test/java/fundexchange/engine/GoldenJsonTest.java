package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.journal.JournalCodec;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The golden harness's own pieces: the file printer and the tree diff. */
class GoldenJsonTest {
    private static JsonNode json(String text) throws IOException {
        return JournalCodec.mapper().readTree(text);
    }

    @Test
    void keepsShortContainersOnOneLineAndBreaksLongOnesWithoutChangingTheTree() throws IOException {
        String longText = "x".repeat(GoldenJson.WIDTH);
        JsonNode tree = json("{\"b\": {\"code\": 0, \"list\": [1, 2]}, \"a\": [{\"long\": \"" + longText + "\"}], \"e\": []}");
        String pretty = GoldenJson.pretty(tree);
        assertEquals("""
                {
                  "b": {"code": 0, "list": [1, 2]},
                  "a": [
                    {
                      "long": "%s"
                    }
                  ],
                  "e": []
                }
                """.formatted(longText), pretty);
        assertEquals(tree, json(pretty));
    }

    @Test
    void namesEveryDifferingPath() throws IOException {
        JsonNode expected = json("{\"outcome\": {\"code\": 0}, \"events\": [{\"units\": \"1.00\"}, {\"id\": 1}], \"gone\": 1}");
        JsonNode actual = json("{\"outcome\": {\"code\": 3001}, \"events\": [{\"units\": \"2.00\"}], \"new\": true}");
        assertEquals(List.of(
                "$.events[0].units: expected \"1.00\" but was \"2.00\"",
                "$.events[1]: missing, expected {\"id\": 1}",
                "$.gone: missing, expected 1",
                "$.new: unexpected true",
                "$.outcome.code: expected 0 but was 3001"), JsonDiff.between(expected, actual));
    }
}
