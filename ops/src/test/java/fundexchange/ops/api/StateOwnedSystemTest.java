package fundexchange.ops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.ops.Participant;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A state-owned holder through the real gateway (issue 20; docs/rules.md, "State-owned holders"): flagged by
 * maker-checker, it sells only by listing, registers its appraisal, and its listing is disclosed to every participant
 * (feed and read) and takes no deal inside the disclosure period.
 */
@ServerTest
class StateOwnedSystemTest {
    private static ApiMarket market;

    @SetUpServer
    static void server(WebServerConfig.Builder builder) {
        market = ApiMarket.start("stateowned");
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
    void aStateOwnedHoldersListingIsDisclosedToEveryoneAndTakesNoDealInsideItsPeriod() {
        Participant holder = market.holder2;
        market.fund("SO1", holder);
        // The 20 working days may run into next year: rules version 4 counts only years with an official calendar; the
        // genesis (TestGenesis) sets the published ones and a test calendar for each other year up to two ahead.
        market.script.approve("""
                {"type":"SetStateOwned","participantId":"Holder-02","stateOwned":true,"reason":"state-owned LP"}""");
        assertEquals("Holder-02", market.staff1.get("/state-owned/holders").ok().body().path("holders").get(0).asText());

        Participant.Reply offer = holder.post("/offers", """
                {"fundCode":"SO1","units":"1000.00","minLot":"100.00","askPrice":"1.5000","visibility":"QUALIFIED_ONLY"}""");
        assertEquals(List.of(409, 6111), List.of(offer.status(), offer.body().path("code").asInt()), offer.body().toString());
        Participant.Reply unappraised = holder.post("/listings", """
                {"fundCode":"SO1","buyer":"Investor-07","units":"200.00","price":"1.5000"}""");
        assertEquals(List.of(409, 6104), List.of(unappraised.status(), unappraised.body().path("code").asInt()));

        holder.post("/appraisals", """
                {"fundCode":"SO1","value":"1500000.00","units":"1000000.00","filingReference":"SASAC-F-9","validUntil":"2099-12-31"}""")
                .ok();
        JsonNode appraisal = holder.get("/appraisals").ok().body().path("appraisals").get(0);
        assertEquals(List.of("SO1", "1.5000", "SASAC-F-9", "2099-12-31", "true"), List.of(appraisal.path("fundCode").asText(),
                appraisal.path("pricePerUnit").asText(), appraisal.path("filingReference").asText(),
                appraisal.path("validUntil").asText(), appraisal.path("current").asText()));
        Participant.Reply others = market.investor.get("/appraisals?holder=Holder-02");
        assertEquals(403, others.status(), others.body().toString());

        long listing = holder.post("/listings", """
                {"fundCode":"SO1","buyer":"Investor-07","units":"200.00","price":"1.5000"}""").ok().sourceIndex();
        market.staff2.post("/listings/" + listing + "/approve", "{}").ok();
        Participant.Reply early = market.investor.post("/listings/" + listing + "/accept", "{}");
        assertEquals(List.of(409, 6109), List.of(early.status(), early.body().path("code").asInt()), early.body().toString());

        JsonNode disclosure = market.investor2.get("/state-owned/disclosures?fund=SO1").ok().body().path("disclosures").get(0);
        assertEquals(List.of(String.valueOf(listing), "NEGOTIATED", "1.5000", "1.5000", "OPEN"), List.of(
                disclosure.path("listingId").asText(), disclosure.path("mechanism").asText(), disclosure.path("price").asText(),
                disclosure.path("appraisedPrice").asText(), disclosure.path("status").asText()));
        String feed = market.investor2.get("/feed?limit=1000").ok().body().toString();
        assertEquals(1, feed.split("\"DisclosureOpened\"", -1).length - 1, feed);
        assertFalse(feed.contains("Holder-02"), "the public disclosure names no participant: " + feed);
    }
}
