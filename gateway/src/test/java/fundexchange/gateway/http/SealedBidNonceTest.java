package fundexchange.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fundexchange.client.SealedBidBody;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.money.Price;
import fundexchange.journal.RequestRoute;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A sealed bid's nonce and body length are checked at the gateway: 400 naming the field, before anything is journaled. */
class SealedBidNonceTest {
    private static final String NONCE = "e4".repeat(32);

    private static Command parsed(String path, String body) throws IOException {
        return RequestRoute.forPath(path).orElseThrow().command(path, body.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code body} padded with spaces to the sealed-bid length. */
    private static String padded(String body) {
        return body + " ".repeat(Math.max(0, SealedBidBody.LENGTH - body.length()));
    }

    /** The check as the parser runs it: on the parsed command, whether the body's nonce is a JSON string, its length. */
    private static Command checked(Command command, byte[] body) throws IOException {
        boolean textual = body.length > 0 && CommandParser.STRICT.readTree(body).path("nonce").isTextual();
        return CommandParser.sealedBodyChecked(command, textual, body.length);
    }

    private static String refusal(String path, String body) throws IOException {
        Command command = parsed(path, body);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ApiException refused = assertThrows(ApiException.class, () -> checked(command, bytes));
        return refused.status() + " " + refused.code() + " " + refused.getMessage();
    }

    @Test
    void aSealedBidOrAmendmentWithoutAWellFormedNonceIsRefusedWith400NamingTheField() throws IOException {
        List<String> bodies = List.of("{\"price\":\"1.2000\"}", "{\"price\":\"1.2000\",\"nonce\":\"" + "E4".repeat(32) + "\"}",
                "{\"price\":\"1.2000\",\"nonce\":\"" + "e4".repeat(16) + "\"}", "{\"price\":\"1.2000\",\"nonce\":\"\"}",
                "{\"price\":\"1.2000\",\"nonce\":\"" + "e4".repeat(32) + " \"}",
                "{\"price\":\"1.2000\",\"nonce\":" + "1".repeat(64) + "}");
        List<String> refusals = new ArrayList<>();
        for (String path : List.of("/listings/7/sealed-bids", "/bids/9/amend")) {
            for (String body : bodies) {
                refusals.add(refusal(path, padded(body)));
            }
        }
        String missing = "400 109 field 'nonce' is required: 64 lower-case hex digits (256 random bits from the bidder's client)";
        String malformed = "400 109 field 'nonce' must be 64 lower-case hex digits";
        List<String> expected = List.of(missing, malformed, malformed, malformed, malformed, malformed);
        assertEquals(Stream.concat(expected.stream(), expected.stream()).toList(), refusals);
    }

    @Test
    void aSealedBidBodyOfAnyOtherLengthThanTheFixedOneIsRefused() throws IOException {
        String json = "{\"nonce\":\"" + NONCE + "\",\"price\":\"1.2000\"}";
        String message = "400 109 the body of a sealed bid must be exactly 108 bytes, padded with spaces after the JSON,"
                + " so that its length does not depend on 'price'; it is ";
        assertEquals(List.of(message + json.length(), message + (SealedBidBody.LENGTH + 1)),
                List.of(refusal("/listings/7/sealed-bids", json), refusal("/bids/9/amend", padded(json) + " ")));
    }

    @Test
    void aWellFormedNonceAndEveryOtherCommandPass() throws IOException {
        String body = new SealedBidBody("1.2000", NONCE).json();
        Command sealed = parsed("/listings/7/sealed-bids", body);
        assertEquals(new PlaceSealedBid(7, Price.of("1.2000"), NONCE),
                checked(sealed, body.getBytes(StandardCharsets.UTF_8)));
        Command open = parsed("/listings/7/bids", "{\"price\":\"1.2000\"}");
        assertEquals(new PlaceBid(7, Price.of("1.2000"), null), checked(open, new byte[0]));
    }
}
