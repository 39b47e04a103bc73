package fundexchange.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.command.AcceptMatch;
import fundexchange.protocol.command.AcceptQuote;
import fundexchange.protocol.command.AmendIntent;
import fundexchange.protocol.command.BrokerMatch;
import fundexchange.protocol.command.CancelIntent;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.CounterQuote;
import fundexchange.protocol.command.DeclineMatch;
import fundexchange.protocol.command.DeclineQuote;
import fundexchange.protocol.command.PostIntent;
import fundexchange.protocol.command.PostOffer;
import fundexchange.protocol.command.SubmitQuote;
import fundexchange.protocol.command.WithdrawOffer;
import fundexchange.protocol.intent.IntentCriteria;
import fundexchange.protocol.intent.OfferVisibility;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The write endpoints of intent matching turn signed request bodies into their commands (docs/api.md). */
class IntentRoutesTest {
    private static Command parse(String path, String body) throws IOException {
        return RequestRoute.forPath(path).orElseThrow().command(path, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyIntentMatchingEndpointParsesItsBodyAndPathIntoTheCommand() throws IOException {
        assertEquals(new PostOffer("DGF3", Units.of("400000.00"), Units.of("50000.00"), Price.of("0.9000"),
                OfferVisibility.QUALIFIED_ONLY, 0), parse("/offers", "{\"fundCode\":\"DGF3\",\"units\":\"400000.00\","
                + "\"minLot\":\"50000.00\",\"askPrice\":\"0.9000\",\"visibility\":\"QUALIFIED_ONLY\"}"));
        assertEquals(new WithdrawOffer(35), parse("/offers/35/withdraw", "{}"));
        assertEquals(new SubmitQuote(35, Price.of("0.8500"), Units.of("100000.00")),
                parse("/offers/35/quotes", "{\"price\":\"0.8500\",\"units\":\"100000.00\"}"));
        assertEquals(new CounterQuote(37, Price.of("0.8900"), Units.of("100000.00")),
                parse("/quotes/37/counter", "{\"price\":\"0.8900\",\"units\":\"100000.00\"}"));
        assertEquals(new AcceptQuote(37), parse("/quotes/37/accept", ""));
        assertEquals(new DeclineQuote(37), parse("/quotes/37/decline", "{}"));
        IntentCriteria growth = new IntentCriteria(List.of("GROWTH"), 2018, 2020, "CNY", null, null);
        assertEquals(new PostIntent(null, growth, Money.ZERO, Money.of("300000.00"), 6000, 0), parse("/intents",
                "{\"criteria\":{\"strategies\":[\"GROWTH\"],\"vintageFrom\":2018,\"vintageTo\":2020,\"currency\":\"CNY\"},"
                        + "\"minAmount\":\"0.00\",\"maxAmount\":\"300000.00\",\"maxPercentOfNavBasisPoints\":6000}"));
        assertEquals(new AmendIntent(33, List.of("DGF3"), null, Money.ZERO, Money.of("1.00"), 6200, 0), parse("/intents/33/amend",
                "{\"fundCodes\":[\"DGF3\"],\"minAmount\":\"0.00\",\"maxAmount\":\"1.00\",\"maxPercentOfNavBasisPoints\":6200}"));
        assertEquals(new CancelIntent(33), parse("/intents/33/cancel", "{}"));
        assertEquals(new BrokerMatch(143360, Units.of("280000.00"), null),
                parse("/matches/143360/broker", "{\"units\":\"280000.00\"}"));
        assertEquals(new AcceptMatch(143360), parse("/matches/143360/accept", "{}"));
        assertEquals(new DeclineMatch(143360), parse("/matches/143360/decline", "{}"));
    }
}
