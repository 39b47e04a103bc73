package fundexchange.gateway.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.journal.RequestRoute;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document (docs/openapi.yaml) and docs/api.md document every route the gateway serves. */
class OpenApiDocumentTest {
    /** The signed reads of {@link Routes}. */
    private static final List<String> READS = List.of("/feed", "/stream", "/requests/{clientRequestId}", "/holdings",
            "/participants/{participantId}", "/transfers", "/funds/{fundCode}", "/funds/{fundCode}/register",
            "/funds/{fundCode}/nav",
            "/listings", "/listings/{listingId}", "/listings/{listingId}/bids", "/engine/state", "/audit/checkpoints",
            "/audit/records", "/audit/keys", "/audit/bundle", "/reports/daily", "/pledges", "/freezes",
            "/custody", "/custody/{custodyId}", "/funds/{fundCode}/custody", "/participants/{participantId}/qualification",
            "/offers", "/offers/{offerId}", "/offers/{offerId}/quotes", "/quotes", "/quotes/{quoteId}", "/intents",
            "/intents/{intentId}", "/matches", "/matches/{matchId}", "/orders", "/orders/{orderId}",
            "/books/{fundCode}", "/bids", "/proposals", "/proposals/{proposalId}", "/participants", "/funds", "/trades",
            "/listings/{listingId}/data-room", "/funds/{fundCode}/transfer-terms", "/notices", "/listings/{listingId}/notice",
            "/trades/{tradeId}/certificate", "/trades/{tradeId}/certificate.sig", "/cash/accounts", "/cash/movements",
            "/cash/instructions", "/cash/receipts", "/cash/statements", "/funds/{fundCode}/market-data-consent");
    /** The unsigned reads of {@link Routes} (CONTRACTS.md 15). */
    private static final List<String> UNSIGNED = List.of("/openapi", "/docs", "/exchange", "/exchange/keys",
            "/market-data", "/market-data/funds", "/market-data/funds/{fundCode}", "/market-data/index");
    private static final Pattern PATH = Pattern.compile("^  (/\\S*):$");
    private static final Pattern METHOD = Pattern.compile("^    (get|post|put|delete):");

    /** "METHOD /path" for every operation of the served document. */
    private static Set<String> operations() {
        Set<String> operations = new HashSet<>();
        String path = null;
        for (String line : new String(OpenApiDocument.load(), StandardCharsets.UTF_8).split("\n")) {
            Matcher p = PATH.matcher(line);
            Matcher m = METHOD.matcher(line);
            if (p.matches()) {
                path = p.group(1);
            } else if (m.find() && path != null) {
                operations.add(m.group(1).toUpperCase(java.util.Locale.ROOT) + " " + path);
            } else if (!line.startsWith(" ") && !line.isEmpty()) {
                path = null;
            }
        }
        return operations;
    }

    @Test
    void everyWriteAndReadRouteIsInTheServedOpenApiDocument() {
        Set<String> documented = operations();
        assertTrue(documented.size() >= RequestRoute.ALL.size() + READS.size(), documented.toString());
        for (RequestRoute route : RequestRoute.ALL) {
            assertTrue(documented.contains("POST " + route.path()), "POST " + route.path() + " is documented");
        }
        for (String read : READS) {
            assertTrue(documented.contains("GET " + read), "GET " + read + " is documented");
        }
        for (String read : UNSIGNED) {
            assertTrue(documented.contains("GET " + read), "GET " + read + " is documented");
        }
    }

    @Test
    void everyAnswerHasARealSchemaNotABareObject() {
        String document = new String(OpenApiDocument.load(), StandardCharsets.UTF_8);
        List<String> bare = document.lines().filter(line -> line.strip().equals("schema: {type: object}")).toList();
        assertTrue(bare.isEmpty(), "answers documented as a bare object: " + bare.size());
        assertTrue(document.contains("schema: {$ref: '#/components/schemas/CustodyRegistrationPage'}"),
                "GET /custody answers a page of registrations");
    }

    @Test
    void everyWriteAndReadRouteIsInApiMd() throws IOException {
        String api = Files.readString(Path.of("..", "docs", "api.md"));
        for (RequestRoute route : RequestRoute.ALL) {
            assertTrue(api.contains("`POST " + route.path() + "`"), "docs/api.md lists POST " + route.path());
        }
        for (String read : READS) {
            assertTrue(api.contains("`GET " + read), "docs/api.md lists GET " + read);
        }
        for (String read : UNSIGNED) {
            assertTrue(api.contains("`GET " + read + "` | unsigned"), "docs/api.md lists GET " + read + " as unsigned");
        }
    }
}
