package fundexchange.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fundexchange.engine.command.Command;
import fundexchange.engine.command.PlaceBid;
import fundexchange.engine.command.PlaceSealedBid;
import fundexchange.engine.money.Price;
import fundexchange.journal.RequestRoute;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A sealed bid's nonce is checked at the gateway: 400 naming the field, before anything is journaled. */
class SealedBidNonceTest {
    private static final String NONCE = "e4".repeat(32);

    private static Command parsed(String path, String body) throws IOException {
        return RequestRoute.forPath(path).orElseThrow().command(path, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSealedBidOrAmendmentWithoutAWellFormedNonceIsRefusedWith400NamingTheField() throws IOException {
        List<String> bodies = List.of("{\"price\":\"1.2000\"}", "{\"price\":\"1.2000\",\"nonce\":\"" + "E4".repeat(32) + "\"}",
                "{\"price\":\"1.2000\",\"nonce\":\"" + "e4".repeat(16) + "\"}", "{\"price\":\"1.2000\",\"nonce\":\"\"}",
                "{\"price\":\"1.2000\",\"nonce\":\"" + "e4".repeat(32) + " \"}");
        List<String> refusals = new java.util.ArrayList<>();
        for (String path : List.of("/listings/7/sealed-bids", "/bids/9/amend")) {
            for (String body : bodies) {
                Command command = parsed(path, body);
                ApiException refused = assertThrows(ApiException.class, () -> CommandParser.sealedNonceChecked(command));
                refusals.add(refused.status() + " " + refused.code() + " " + refused.getMessage());
            }
        }
        String missing = "400 109 field 'nonce' is required: 64 lower-case hex digits (256 random bits from the bidder's client)";
        String malformed = "400 109 field 'nonce' must be 64 lower-case hex digits";
        List<String> expected = List.of(missing, malformed, malformed, malformed, malformed);
        assertEquals(java.util.stream.Stream.concat(expected.stream(), expected.stream()).toList(), refusals);
    }

    @Test
    void aWellFormedNonceAndEveryOtherCommandPass() throws IOException {
        Command sealed = parsed("/listings/7/sealed-bids", "{\"nonce\":\"" + NONCE + "\",\"price\":\"1.2000\"}   ");
        assertEquals(new PlaceSealedBid(7, Price.of("1.2000"), NONCE), CommandParser.sealedNonceChecked(sealed));
        Command open = parsed("/listings/7/bids", "{\"price\":\"1.2000\"}");
        assertEquals(new PlaceBid(7, Price.of("1.2000")), CommandParser.sealedNonceChecked(open));
    }
}
