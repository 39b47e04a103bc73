package fundexchange.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.command.spec.CommandSpec;
import fundexchange.protocol.command.spec.CommandSpecs;
import fundexchange.protocol.command.spec.Endpoint;
import fundexchange.protocol.listing.Term;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * A mechanism's {@link Term} on a command's component reaches the gateway: the strict body check leaves an optional
 * term out and still refuses what its type refuses, and docs/openapi.yaml documents every term, requires no optional
 * one and gives a term's pattern as the term says it.
 */
class MechanismTermInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Optional<String> refusal(Class<? extends Command> type, String json) {
        try {
            BodyRules.check((ObjectNode) JSON.readTree(json), CommandSpecs.endpoint(type));
            return Optional.empty();
        } catch (ApiException e) {
            return Optional.of(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theStrictBodyCheckLeavesOutTheFrozenTermsAndStillChecksTheirType() {
        String auction = "{\"fundCode\":\"DGF3\",\"mechanism\":\"DUTCH\",\"units\":\"100.00\",\"startingPrice\":\"1.2000\","
                + "\"endsAt\":1796003600000%s}";
        assertEquals(Optional.empty(), refusal(ListAuction.class, auction.formatted("")));
        assertEquals(Optional.empty(), refusal(ListAuction.class, auction.formatted(",\"stepMs\":null,\"minIncrement\":null")));
        assertEquals(Optional.of("field 'secondPrice' must not be null (leave it out for its default)"),
                refusal(ListAuction.class, auction.formatted(",\"secondPrice\":null")));
        assertEquals(Optional.of("field 'stepMs' must be a whole JSON number (no quotes, fraction or exponent) that fits a long"),
                refusal(ListAuction.class, auction.formatted(",\"stepMs\":\"60000\"")));
        assertEquals(Optional.of("field 'fundCode' is required"),
                refusal(ListAuction.class, auction.formatted("").replace("\"fundCode\":\"DGF3\",", "")));
        assertEquals(Optional.empty(), refusal(PlaceBid.class, "{\"price\":\"1.2000\"}"));
        assertEquals(Optional.empty(), refusal(PlaceBid.class, "{\"price\":\"1.2000\",\"units\":\"10.00\"}"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDocumentGivesEveryTermAsTheTermSaysIt() {
        Map<String, Object> paths = map(map(new Yaml().load(new String(OpenApiDocument.load(), StandardCharsets.UTF_8)))
                .get("paths"));
        List<String> terms = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        for (CommandSpec spec : CommandSpecs.endpoints()) {
            Endpoint endpoint = spec.endpoint().orElseThrow();
            Map<String, Object> schema = map(map(map(map(map(map(paths.get(endpoint.path()))
                    .get(endpoint.method().toLowerCase(Locale.ROOT))).get("requestBody")).get("content"))
                    .get("application/json")).get("schema"));
            Map<String, Object> properties = map(schema.get("properties"));
            List<Object> required = (List<Object>) schema.getOrDefault("required", List.of());
            for (RecordComponent component : spec.type().getRecordComponents()) {
                Term term = component.getAnnotation(Term.class);
                if (term == null) {
                    continue;
                }
                String name = spec.name() + "." + component.getName();
                terms.add(name);
                Map<String, Object> property = map(properties.get(component.getName()));
                if (property.isEmpty()) {
                    differences.add(name + " is not documented");
                } else if (!term.pattern().isEmpty() && !term.pattern().equals(property.get("pattern"))) {
                    differences.add(name + " has pattern " + property.get("pattern") + ", its term " + term.pattern());
                }
                if (term.optional() && required.contains(component.getName())) {
                    differences.add(name + " is required by the document, optional by its term");
                }
            }
        }
        assertEquals(List.of(), differences);
        assertEquals(List.of("ListAuction.minIncrement", "ListAuction.extensionWindowMs", "ListAuction.extensionMs",
                "ListAuction.secondPrice", "ListAuction.stepMs", "PlaceBid.units"), terms);
    }
}
