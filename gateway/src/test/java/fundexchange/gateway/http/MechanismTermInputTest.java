package fundexchange.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fundexchange.journal.RequestRoute;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.command.spec.CommandSpecs;
import fundexchange.protocol.listing.ClockTerms;
import fundexchange.protocol.listing.Term;
import fundexchange.protocol.money.Price;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /** The whole strict parse of a write's body, as the gateway does it: status, code and message of a refusal. */
    private static String parsed(String path, String body) {
        try {
            CommandParser.parse(RequestRoute.forPath(path).orElseThrow(), path, body.getBytes(StandardCharsets.UTF_8));
            return "accepted";
        } catch (ApiException e) {
            return e.status() + " " + e.code() + " " + e.getMessage();
        }
    }

    /**
     * Every malformed {@code terms} is refused at the gateway with the strict-input error (400, code 120) naming the
     * field; the well-formed ones pass.
     */
    @Test
    void aMalformedTermsValueIsRefusedByTheStrictParse() {
        String auction = "{\"fundCode\":\"DGF3\",\"mechanism\":\"ENGLISH\",\"units\":\"100.00\","
                + "\"startingPrice\":\"1.0000\",\"endsAt\":1796003600000,\"terms\":%s}";
        String clock = "{\"type\":\"ClockListing\",\"increment\":%s,\"roundMs\":%s}";
        String bid = "{\"price\":\"1.2000\",\"terms\":%s}";
        String round = "{\"type\":\"ClockBid\",\"round\":%s}";
        String notObject = "400 120 field 'terms' must be a JSON object";
        String noType = "400 120 field 'terms.type' is required as a string";
        String unknownType = "400 120 field 'terms.type' is not a known type";
        String decimal = "400 120 field 'terms.increment' must be a decimal string such as \"10.0000\": digits without"
                + " sign, exponent, spaces or leading zeros, at most 4 decimals";
        String wholeInt = "400 120 field 'terms.round' must be a whole JSON number (no quotes, fraction or exponent)"
                + " that fits an int";
        Map<String, String> listings = new LinkedHashMap<>();
        listings.put(clock.formatted("\"0.0100\"", "60000"), "accepted");
        listings.put("[]", notObject);
        listings.put("\"ClockListing\"", notObject);
        listings.put("{}", noType);
        listings.put("{\"type\":1,\"increment\":\"0.0100\",\"roundMs\":60000}", noType);
        listings.put("{\"type\":\"clockListing\",\"increment\":\"0.0100\",\"roundMs\":60000}", unknownType);
        listings.put(round.formatted("1"), unknownType);
        listings.put(clock.formatted("\"0.01000\"", "60000"), decimal);
        listings.put(clock.formatted("\"+0.0100\"", "60000"), decimal);
        listings.put(clock.formatted("0.01", "60000"), decimal);
        listings.put(clock.formatted("\"0.0100\"", "\"60000\""), "400 120 field 'terms.roundMs' must be a whole JSON"
                + " number (no quotes, fraction or exponent) that fits a long");
        Map<String, String> bids = new LinkedHashMap<>();
        bids.put(round.formatted("3"), "accepted");
        bids.put("[" + round.formatted("3") + "]", notObject);
        bids.put("{\"type\":\"ClockBid\",\"round\":1,\"round\":2}", "400 120 field 'round' is given more than once");
        bids.put(round.formatted("\"3\""), wholeInt);
        bids.put(round.formatted("3.0"), wholeInt);
        bids.put(round.formatted("3000000000"), wholeInt);
        bids.put(round.formatted("true"), wholeInt);
        bids.put(clock.formatted("\"0.0100\"", "60000"), unknownType);

        Map<String, String> actual = new LinkedHashMap<>();
        listings.keySet().forEach(terms -> actual.put(terms, parsed("/auctions", auction.formatted(terms))));
        assertEquals(listings, actual);
        actual.clear();
        bids.keySet().forEach(terms -> actual.put(terms, parsed("/listings/30/bids", bid.formatted(terms))));
        assertEquals(bids, actual);
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
                auction.formatted(clock).getBytes(StandardCharsets.UTF_8), CommandParser.STRICT);
        assertEquals(new ClockTerms.ClockListing(Price.of("0.0100"), 60_000L), listed.terms());

        String bid = "{\"price\":\"1.2000\",\"terms\":{\"type\":\"ClockBid\",\"round\":3}}";
        assertEquals(Optional.empty(), refusal(PlaceBid.class, bid));
        assertEquals(Optional.of("field 'terms.type' is not a known type"),
                refusal(PlaceBid.class, "{\"price\":\"1.2000\",\"terms\":" + clock + "}"));
        PlaceBid placed = (PlaceBid) RequestRoute.forPath("/listings/30/bids").orElseThrow().command(
                "/listings/30/bids", bid.getBytes(StandardCharsets.UTF_8), CommandParser.STRICT);
        assertEquals(new PlaceBid(30, Price.of("1.2000"), null, new ClockTerms.ClockBid(3)), placed);
    }
}
