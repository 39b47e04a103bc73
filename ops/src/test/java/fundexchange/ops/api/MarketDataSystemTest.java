package fundexchange.ops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Public market data over HTTP (issue 23): its four reads answer unsigned requests (CONTRACTS.md 15), with strict
 * queries and the same 404 for an unknown fund as for a withheld one, while the signed reads still refuse an unsigned
 * request. (The figures themselves are the registry's: MarketDataTest and MarketDataPrivacyTest.)
 */
@ServerTest
class MarketDataSystemTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ApiMarket market;
    private static URI base;

    @SetUpServer
    static void server(WebServerConfig.Builder builder) {
        market = ApiMarket.start("market-data");
        market.configure(builder);
    }

    @BeforeAll
    static void onboard(URI uri) {
        base = uri;
        market.onboard(uri);
    }

    @AfterAll
    static void stop() {
        market.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** An error's code, its body exactly {code, message, requestId}. */
    private static String code(HttpResponse<String> response) throws Exception {
        JsonNode error = JSON.readTree(response.body());
        assertEquals(List.of("code", "message", "requestId"), fields(error), response.body());
        return error.path("code").asText();
    }

    @Test
    void theMarketDataReadsAnswerUnsignedRequests() throws Exception {
        market.fund("MD1", market.holder);
        HttpResponse<String> summary = get("/market-data");
        assertEquals(200, summary.statusCode(), summary.body());
        JsonNode body = JSON.readTree(summary.body());
        assertEquals(List.of("asOf", "zone", "k", "fundsPublished", "strategies", "vintages"),
                fields(body));
        assertEquals(List.of("Asia/Shanghai", "3", "0"), List.of(body.path("zone").asText(),
                body.path("k").asText(), body.path("fundsPublished").asText()));

        HttpResponse<String> funds = get("/market-data/funds?limit=10");
        assertEquals(200, funds.statusCode(), funds.body());
        assertEquals("{\"asOf\":null,\"funds\":[],\"nextCursor\":null}", funds.body());

        HttpResponse<String> index = get("/market-data/index?strategy=GROWTH");
        assertEquals(200, index.statusCode(), index.body());
        assertEquals("{\"asOf\":null,\"strategy\":\"GROWTH\",\"series\":[]}", index.body());

        // A registered fund whose figures are withheld and a fund that does not exist answer alike.
        HttpResponse<String> withheld = get("/market-data/funds/MD1");
        HttpResponse<String> unknown = get("/market-data/funds/NOPE");
        assertEquals(List.of(404, 404), List.of(withheld.statusCode(), unknown.statusCode()));
        assertEquals(List.of("107", "107"), List.of(code(withheld), code(unknown)));
        assertEquals(JSON.readTree(withheld.body()).path("message"), JSON.readTree(unknown.body()).path("message"));
    }

    @Test
    void anAnswerCarriesAStrongETagAndIfNoneMatchNamingItAnswers304WithoutABody() throws Exception {
        for (String path : List.of("/market-data", "/market-data/funds?limit=5", "/market-data/index")) {
            HttpResponse<String> first = get(path);
            assertEquals(200, first.statusCode(), path + " " + first.body());
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertEquals(true, etag.matches("\"[0-9a-f]{32}\""), path + " " + etag);
            assertEquals("no-cache", first.headers().firstValue("Cache-Control").orElseThrow(), path);
            HttpResponse<String> same = HTTP.send(HttpRequest.newBuilder(base.resolve(path))
                    .header("If-None-Match", "\"0000\", " + etag).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(List.of(304, "", etag), List.of(same.statusCode(), same.body(),
                    same.headers().firstValue("ETag").orElseThrow()), path);
            HttpResponse<String> other = HTTP.send(HttpRequest.newBuilder(base.resolve(path))
                    .header("If-None-Match", "\"0000\"").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(List.of(200, first.body()), List.of(other.statusCode(), other.body()), path);
        }
    }

    @Test
    void theirQueriesAreStrict() throws Exception {
        for (String path : List.of("/market-data?x=1", "/market-data/funds?limit=0", "/market-data/funds?limit=201",
                "/market-data/funds?limit=05", "/market-data/funds?limit=a", "/market-data/funds?limit=1&limit=2",
                "/market-data/funds?cursor=%20x", "/market-data/funds?cursor=2026-01-01:MD1", "/market-data/funds?sort=code", "/market-data/index?strategy=",
                "/market-data/index?fund=MD1", "/market-data/funds/MD1?x=1")) {
            HttpResponse<String> refused = get(path);
            assertEquals(400, refused.statusCode(), path + " " + refused.body());
            String code = code(refused);
            assertEquals(true, code.equals("109") || code.equals("123"), path + " " + code);
        }
    }

    @Test
    void signedReadsStillRefuseUnsignedRequests() throws Exception {
        for (String path : List.of("/funds", "/funds/MD1", "/trades", "/transfers", "/holdings", "/listings",
                "/books/MD1", "/parameters")) {
            HttpResponse<String> refused = get(path);
            assertEquals(401, refused.statusCode(), path + " " + refused.body());
            assertEquals("101", code(refused), path);
        }
    }
}
