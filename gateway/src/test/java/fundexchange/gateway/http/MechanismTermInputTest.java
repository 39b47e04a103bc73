package fundexchange.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.journal.RequestRoute;
import fundexchange.protocol.command.spec.CommandSpecs;
import fundexchange.protocol.listing.ClockTerms;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.listing.Term;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A mechanism's {@link Term} on a command's component reaches the gateway: the strict body check leaves an optional
 * term out and still refuses what its type refuses. A mechanism's own {@code terms} (rules version 11) are a typed
 * object, checked as strictly as the body and decoded by their {@code type} (docs/design/mechanism-terms.md §2.3);
 * that no mechanism claims them yet is the engine's refusal. (docs/openapi.yaml is held to the same derived schema by
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

    @Test
    void aMechanismsTermsAreATypedObjectCheckedStrictlyAndDecodedByTheirType() throws IOException {
        String auction = "{\"fundCode\":\"DGF3\",\"mechanism\":\"ENGLISH\",\"units\":\"100.00\","
                + "\"startingPrice\":\"1.0000\",\"endsAt\":1796003600000,\"terms\":%s}";
        String clock = "{\"type\":\"ClockListing\",\"increment\":\"0.0100\",\"roundMs\":60000}";
        assertEquals(Optional.empty(), refusal(ListAuction.class, auction.formatted(clock)));
        assertEquals(Optional.empty(), refusal(ListAuction.class, auction.formatted("null")));
        assertEquals(Optional.of("field 'terms.type' is not a known type"), refusal(ListAuction.class,
                auction.formatted("{\"type\":\"ClockBid\",\"round\":1}")));
        assertEquals(Optional.of("field 'terms.type' is required as a string"), refusal(ListAuction.class,
                auction.formatted("{\"increment\":\"0.0100\",\"roundMs\":60000}")));
        assertEquals(Optional.of("field 'terms.roundMs' is required"), refusal(ListAuction.class,
                auction.formatted("{\"type\":\"ClockListing\",\"increment\":\"0.0100\"}")));
        assertEquals(Optional.of("field 'terms.stepMs' is not a field of this request"), refusal(ListAuction.class,
                auction.formatted(clock.replace("}", ",\"stepMs\":1}"))));
        ListAuction listed = (ListAuction) RequestRoute.forPath("/auctions").orElseThrow().command("/auctions",
                auction.formatted(clock).getBytes(java.nio.charset.StandardCharsets.UTF_8), CommandParser.STRICT);
        assertEquals(new ClockTerms.ClockListing(Price.of("0.0100"), 60_000L), listed.terms());

        String bid = "{\"price\":\"1.2000\",\"terms\":{\"type\":\"ClockBid\",\"round\":3}}";
        assertEquals(Optional.empty(), refusal(PlaceBid.class, bid));
        assertEquals(Optional.of("field 'terms.type' is not a known type"),
                refusal(PlaceBid.class, "{\"price\":\"1.2000\",\"terms\":" + clock + "}"));
        PlaceBid placed = (PlaceBid) RequestRoute.forPath("/listings/30/bids").orElseThrow().command(
                "/listings/30/bids", bid.getBytes(java.nio.charset.StandardCharsets.UTF_8), CommandParser.STRICT);
        assertEquals(new PlaceBid(30, Price.of("1.2000"), null, new ClockTerms.ClockBid(3)), placed);
    }
}
