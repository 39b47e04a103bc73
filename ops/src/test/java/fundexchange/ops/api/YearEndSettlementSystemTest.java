package fundexchange.ops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.ops.ExchangeNode;
import fundexchange.ops.ManualClock;
import fundexchange.ops.NegotiatedTransferScript;
import fundexchange.ops.TestGenesis;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A wall-clock test's genesis ({@link TestGenesis}) on the last Monday of 2026 (Shanghai): the build ships no official
 * calendar for 2027, and without the test calendars the trade's settlement deadline (rules version 6) would be
 * refused with 1040.
 */
@ServerTest
class YearEndSettlementSystemTest {
    private static final ManualClock CLOCK = new ManualClock(
            OffsetDateTime.parse("2026-12-28T10:00+08:00").toInstant().toEpochMilli());
    private static ApiMarket market;

    @SetUpServer
    static void server(WebServerConfig.Builder builder) {
        market = ApiMarket.start("yearend", ExchangeNode.Options.DEFAULTS, CLOCK);
        market.configure(builder);
    }

    @BeforeAll
    static void onboard(URI serverUri) {
        market.onboard(serverUri);
    }

    @AfterAll
    static void stop() {
        market.close();
    }

    @Test
    void aTradeOnTheLastMondayOf2026SettlesByTheFifthBusinessDayOfTheTestCalendarOf2027() {
        market.script.registerFundWithHolding(market.holder.id());
        long listing = market.holder.post("/listings", """
                {"fundCode":"%s","buyer":"%s","units":"400.00","price":"0.9000"}""".formatted(NegotiatedTransferScript.FUND,
                market.investor.id()))
                .ok().sourceIndex();
        market.staff2.post("/listings/" + listing + "/approve", "{}").ok();
        JsonNode trade = NegotiatedTransferScript.eventOfType(
                market.investor.post("/listings/" + listing + "/accept", "{}").ok(), "TradeExecuted");
        // Tue 29, Wed 30, Thu 31 December; Fri 1 and Mon 4 January on the Monday-to-Friday test calendar of 2027.
        assertEquals(List.of(OffsetDateTime.parse("2027-01-05T00:00+08:00").toInstant().toEpochMilli()),
                List.of(trade.path("settleBy").asLong()), trade.toString());
    }
}
