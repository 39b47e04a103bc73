package fundexchange.gateway.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.helidon.http.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteClassTest {
    @Test
    void classifiesEveryRouteIntoOneOfFiveClassesNeverByItsIds() {
        Map<String, String> classes = new LinkedHashMap<>();
        for (String request : new String[] {"POST /listings", "POST /listings/42/accept", "POST /ops/snapshot",
                "DELETE /listings", "GET /listings/42", "HEAD /funds", "GET /feed", "GET /stream", "GET /",
                "GET /portal/app.3f2a.js", "GET /openapi", "GET /docs", "GET /docs/index.html", "GET /exchange",
                "GET /exchange/keys", "GET /trades/42/certificate", "GET /market-data", "GET /market-data/funds/DF31",
                "GET /funds/DF31/market-data-consent", "POST /funds/DF31/market-data-consent", "GET /market-database",
                "GET /no-such-path", "GET /streams", "GET /portal", "GET /observe/metrics"}) {
            String[] parts = request.split(" ");
            classes.put(request, RouteClass.of(Method.create(parts[0]), parts[1]).label());
        }
        assertEquals(Map.ofEntries(
                Map.entry("POST /listings", "write"), Map.entry("POST /listings/42/accept", "write"),
                Map.entry("POST /ops/snapshot", "write"), Map.entry("DELETE /listings", "write"),
                Map.entry("GET /listings/42", "read"), Map.entry("HEAD /funds", "read"), Map.entry("GET /feed", "read"),
                Map.entry("GET /stream", "stream"), Map.entry("GET /", "static"),
                Map.entry("GET /portal/app.3f2a.js", "static"), Map.entry("GET /openapi", "static"),
                Map.entry("GET /docs", "static"), Map.entry("GET /docs/index.html", "static"),
                Map.entry("GET /exchange", "static"), Map.entry("GET /exchange/keys", "static"),
                Map.entry("GET /trades/42/certificate", "read"), Map.entry("GET /market-data", "public"),
                Map.entry("GET /market-data/funds/DF31", "public"), Map.entry("GET /funds/DF31/market-data-consent", "read"),
                Map.entry("POST /funds/DF31/market-data-consent", "write"), Map.entry("GET /market-database", "read"),
                Map.entry("GET /no-such-path", "read"),
                Map.entry("GET /streams", "read"), Map.entry("GET /portal", "read"),
                Map.entry("GET /observe/metrics", "read")), classes);
    }
}
