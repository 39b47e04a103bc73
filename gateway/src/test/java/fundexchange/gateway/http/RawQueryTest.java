package fundexchange.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Raw queries the signature's canonicaliser and Helidon's decoded query could read differently are refused, naming the
 * parameter; the forms both read alike pass.
 */
class RawQueryTest {
    @Test
    void queriesBothParsersReadAlikePass() {
        List<String> refused = new ArrayList<>();
        for (String raw : List.of("", "limit=5", "after=0&limit=5&minIndex=12", "q=", "from=2026-01-01T00:00:00Z",
                "from=2026-01-01T00%3a00%3A00Z", "q=a%20b", "q=caf%C3%A9", "q=~-._", "q=%7E", "x=a/b?c@d!$'()*,",
                "q=a%2Bb", "from=2026-01-01T08%3A00%3A00%2B08%3A00")) {
            try {
                RawQuery.requireUnambiguous(raw);
            } catch (ApiException e) {
                refused.add(raw + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), refused);
    }

    @Test
    void queriesTheyCouldReadDifferentlyAreRefusedNamingTheParameter() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("q=a+b", "400 109 q has a literal '+'");
        expected.put("limit&limit=5", "400 109 limit must be given as limit=value");
        expected.put("flag", "400 109 flag must be given as flag=value");
        expected.put("limit=5&limit=1000", "400 123 query parameter 'limit' is given more than once");
        expected.put("q=a%26b%3Dc", "400 109 q has the escape %26");
        expected.put("q=a%3db", "400 109 q has the escape %3d");
        expected.put("q=%2541", "400 109 q has the escape %25");
        expected.put("q=a%3Bb", "400 109 q has the escape %3B");
        expected.put("q=a%23b", "400 109 q has the escape %23");
        expected.put("q=a%00b", "400 109 q has the escape %00");
        expected.put("q=a%7Fb", "400 109 q has the escape %7F");
        expected.put("q=%C3", "400 109 q does not decode to UTF-8");
        expected.put("q=%ED%A0%80", "400 109 q does not decode to UTF-8");
        expected.put("q=%4", "400 109 q has a '%' that is not followed by two hex digits");
        expected.put("q=%g1", "400 109 q has a '%' that is not followed by two hex digits");
        expected.put("q=a;b", "400 109 q has the character ';'");
        expected.put("q=a b", "400 109 q has the character ' '");
        expected.put("q=caf\u00e9", "400 109 q has the character '\\u00e9'");
        expected.put("li%6Dit=5", "400 109 query parameter name 'li%6Dit'");
        expected.put("=5", "400 109 query parameter name ''");
        expected.put("limit=5&", "400 109 the query has an empty parameter");
        expected.put("&limit=5", "400 109 the query has an empty parameter");
        expected.put("a=1&&b=2", "400 109 the query has an empty parameter");
        Map<String, String> actual = new LinkedHashMap<>();
        for (String raw : expected.keySet()) {
            try {
                RawQuery.requireUnambiguous(raw);
                actual.put(raw, "accepted");
            } catch (ApiException e) {
                String answer = e.status() + " " + e.code() + " " + e.getMessage();
                actual.put(raw, answer.startsWith(expected.get(raw)) ? expected.get(raw) : answer);
            }
        }
        assertEquals(expected, actual);
    }
}
