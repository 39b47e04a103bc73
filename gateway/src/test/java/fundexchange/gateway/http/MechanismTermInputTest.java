package fundexchange.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.command.spec.CommandSpecs;
import fundexchange.protocol.listing.Term;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A mechanism's {@link Term} on a command's component reaches the gateway: the strict body check leaves an optional
 * term out and still refuses what its type refuses. (docs/openapi.yaml is held to the same derived schema by
 * {@code OpenApiCommandSpecTest}.)
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
        String auction = "{\"fundCode\":\"DGF3\",\"mechanism\":\"DUTCH\",\"units\":\"100.00\","
                + "\"startingPrice\":\"1.2000\",\"endsAt\":1796003600000%s}";
        assertEquals(Optional.empty(), refusal(ListAuction.class, auction.formatted("")));
        assertEquals(Optional.empty(), refusal(ListAuction.class,
                auction.formatted(",\"stepMs\":null,\"minIncrement\":null,\"reservePrice\":null")));
        assertEquals(Optional.of("field 'secondPrice' must not be null (leave it out for its default)"),
                refusal(ListAuction.class, auction.formatted(",\"secondPrice\":null")));
        assertEquals(Optional.of("field 'stepMs' must be a whole JSON number (no quotes, fraction or exponent)"
                        + " that fits a long"),
                refusal(ListAuction.class, auction.formatted(",\"stepMs\":\"60000\"")));
        assertEquals(Optional.empty(), refusal(PlaceBid.class, "{\"price\":\"1.2000\"}"));
        assertEquals(Optional.empty(), refusal(PlaceBid.class, "{\"price\":\"1.2000\",\"units\":\"10.00\"}"));
    }
}
