package fundexchange.ops.api;

import static fundexchange.ops.api.ApiMarket.DIGEST;
import static fundexchange.ops.api.ApiMarket.event;
import static fundexchange.ops.api.ApiMarket.longs;
import static fundexchange.ops.api.ApiMarket.rid;
import static fundexchange.ops.api.ApiMarket.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.reference.PlatformParameters;
import fundexchange.ops.Participant;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Staff capabilities over signed HTTP (issue 6): participants, keys and qualifications through maker-checker with a
 * view of pending proposals, funds, NAV, calendar and parameters, custody and listing approvals with the right of first
 * refusal, books, brokering, settlement and its failure, pledges and freezes.
 */
@ServerTest
class StaffApiSystemTest {
    private static ApiMarket market;

    @SetUpServer
    static void server(WebServerConfig.Builder builder) {
        market = ApiMarket.start("staffapi");
        market.configure(builder);
    }

    @BeforeAll
    static void onboard(URI uri) {
        market.onboard(uri);
    }

    @AfterAll
    static void stop() {
        market.close();
    }

    @Test
    void staffSeePendingProposalsAndOnlyAnotherStaffMemberApproves() {
        long before = market.clock().millis();
        market.staff1.call(c -> c.registerParticipant("Holder-05", "Demo Holder Five", "INSTITUTION", List.of("HOLDER"),
                rid())).ok();
        long proposalId = market.staff1.call(c -> c.propose("""
                {"type":"ApproveParticipant","participantId":"Holder-05"}""", rid())).ok().sourceIndex();

        JsonNode pending = market.staff2.call(c -> c.proposals("status=PENDING")).ok().body().path("proposals");
        assertEquals(List.of(proposalId), longs(pending, "proposalId"));
        JsonNode proposal = pending.path(0);
        assertEquals(List.of("ApproveParticipant", "Staff-01", "PENDING", "Holder-05"), List.of(
                proposal.path("actionType").asText(), proposal.path("proposer").asText(), proposal.path("status").asText(),
                proposal.path("action").path("participantId").asText()));
        assertTrue(proposal.path("proposedAt").asLong() >= before && proposal.path("proposedAt").asLong() <= market.clock().millis());
        assertEquals("PENDING", market.staff2.get("/participants/Holder-05").ok().body().path("status").asText());

        Participant.Reply own = market.staff1.post("/proposals/" + proposalId + "/approve", "{}");
        assertEquals(409, own.status(), "the maker may not be the checker: " + own.body());
        long approval = market.staff2.call(c -> c.approveProposal(proposalId, rid())).ok().sourceIndex();

        JsonNode approved = market.staff1.call(c -> c.proposal(proposalId)).ok().body();
        assertEquals(List.of("APPROVED", "Staff-02", String.valueOf(approval)), List.of(approved.path("status").asText(),
                approved.path("approver").asText(), approved.path("approvedIndex").asText()));
        assertEquals(0, market.staff1.get("/proposals?status=PENDING").ok().body().path("proposals").size());
        assertEquals("ACTIVE", market.staff2.get("/participants/Holder-05").ok().body().path("status").asText());
        assertEquals(List.of("Holder-01", "Holder-02", "Holder-05"), texts(market.staff1.call(c -> c.participants("role=HOLDER"))
                .ok().body().path("participants"), "participantId"));
        assertEquals(403, market.holder.call(c -> c.participants("")).status());
        assertEquals(403, market.holder.get("/proposals").status());
        assertEquals(403, market.investor.get("/proposals/" + proposalId).status());
        assertEquals(404, market.staff1.get("/proposals/999999").status());
    }

    @Test
    void aParticipantIsNeverRegisteredWithAnOversightRoleAndATradingRole() {
        for (List<String> roles : List.of(List.of("STAFF", "HOLDER"), List.of("REGULATOR", "INVESTOR"))) {
            Participant.Reply mixed = market.staff1.call(c -> c.registerParticipant("Mixed-01", "Demo Mixed", "INSTITUTION",
                    roles, rid()));
            assertRefused(mixed, 1021);
            assertTrue(mixed.body().path("message").asText().contains("segregation of duties"), mixed.body().toString());
        }
        assertRefused(market.staff1.call(c -> c.registerParticipant("holder-01", "Demo Holder", "INSTITUTION",
                List.of("HOLDER"), rid())), 2004);
        assertEquals(404, market.staff1.get("/participants/Mixed-01").status());
    }

    @Test
    void staffNeitherProposeNorApproveWhatConcernsThemselves() {
        assertRefused(market.staff2.call(c -> c.propose("""
                {"type":"ApproveParticipant","participantId":"Staff-02"}""", rid())), 1020);
        assertRefused(market.staff1.call(c -> c.propose("""
                {"type":"RegisterFirstKey","participantId":"Staff-01","keyId":"Staff-01-k2","algorithm":"ED25519",\
                "publicKey":"%s"}""".formatted(freshKey(SignatureAlgorithm.ED25519)), rid())), 1020);
    }

    @Test
    void aKeyIsItsOwnersAndWhatItClaimsToBe() {
        JsonNode keys = market.regulator.get("/audit/keys").ok().body().path("participants");
        String investorKey = keys.findParents("keyId").stream().filter(k -> k.path("keyId").asText().equals("Investor-07-k1"))
                .findFirst().orElseThrow().path("publicKey").asText();
        String fresh = freshKey(SignatureAlgorithm.ED25519);
        assertRefused(market.holder.call(c -> c.rotateKey("Investor-07-k2", SignatureAlgorithm.ED25519, fresh, rid())), 2022);
        assertRefused(market.holder.call(c -> c.rotateKey("Holder-01-k9", SignatureAlgorithm.SM2_SM3, fresh, rid())), 2021);
        assertRefused(market.holder.call(c -> c.rotateKey("Holder-01-k9", SignatureAlgorithm.ED25519,
                freshKey(SignatureAlgorithm.SM2_SM3), rid())), 2021);
        assertRefused(market.holder.call(c -> c.rotateKey("Holder-01-k9", SignatureAlgorithm.ED25519, investorKey, rid())), 2023);
        assertRefused(market.holder.call(c -> c.rotateKey("Holder-01-K1", SignatureAlgorithm.ED25519, fresh, rid())), 2005);
    }

    /** A 409 in the documented error shape carrying the engine's reject code. */
    private static void assertRefused(Participant.Reply reply, int code) {
        assertEquals(List.of(409, code), List.of(reply.status(), reply.body().path("code").asInt()), reply.body().toString());
        assertEquals(List.of("code", "message", "requestId"), reply.body().properties().stream().map(java.util.Map.Entry::getKey).sorted().toList());
    }

    private static String freshKey(SignatureAlgorithm algorithm) {
        return Base64.getEncoder().encodeToString(KeyMaterial.spki(KeyMaterial.generate(algorithm).getPublic()));
    }

    @Test
    void staffMaintainFundsNavCalendarParametersAndBooks() {
        market.registerFund("SF1", false);
        market.staff1.call(c -> c.updateNav("SF1", "1.6000", "2026-10-31", rid())).ok();
        market.script.approve("{\"type\":\"SetOfficialCalendar\",\"year\":2027,\"holidays\":[\"2027-01-01\"]}");
        market.script.approve("{\"type\":\"SetPlatformParameter\",\"name\":\"anti-flip-business-days\",\"value\":\"5\"}");
        market.script.approve("{\"type\":\"SetPlatformParameter\",\"name\":\"match-scan-limit\",\"value\":\"5000\"}");
        market.staff1.post("/books/SF1/open", "{\"lotUnits\":\"100.00\"}").ok();
        market.staff2.call(c -> c.haltBook("SF1", rid())).ok();

        JsonNode fund = market.staff1.get("/funds/SF1").ok().body();
        assertEquals(fund, market.investor.call(c -> c.funds()).ok().body().path("funds").findParents("code").stream()
                .filter(f -> f.path("code").asText().equals("SF1")).findFirst().orElseThrow());
        assertEquals(List.of("1.6000", "2026-10-31"), List.of(fund.path("nav").asText(), fund.path("navDate").asText()));
        assertEquals("{\"asks\":[],\"bids\":[],\"fundCode\":\"SF1\",\"lotUnits\":\"100.00\",\"status\":\"HALTED\"}",
                market.staff2.get("/books/SF1").ok().body().toString());
        assertEquals("SetPlatformParameter", market.staff1.get("/proposals?status=APPROVED").ok().body().path("proposals")
                .findParents("actionType").stream().map(p -> p.path("actionType").asText())
                .filter("SetPlatformParameter"::equals).findFirst().orElseThrow());
        JsonNode parameters = market.investor.call(c -> c.parameters()).ok().body().path("parameters");
        // Every platform parameter once, none other: the registry's, the request limits, the fees and the engine's own.
        assertEquals(List.copyOf(PlatformParameters.DEFAULTS.values().keySet()), parameters.findParents("name").stream()
                .map(p -> p.path("name").asText()).sorted().toList(), parameters.toString());
        assertEquals(PlatformParameters.DEFAULTS.values().size(), parameters.size(), parameters.toString());
        JsonNode scanLimit = parameters.findParents("name").stream()
                .filter(p -> p.path("name").asText().equals("match-scan-limit")).findFirst().orElseThrow();
        assertEquals("5000", scanLimit.path("value").asText());
        assertTrue(scanLimit.path("setAtIndex").asLong() > 0, "set by an approval: " + scanLimit);
        JsonNode zone = parameters.findParents("name").stream()
                .filter(p -> p.path("name").asText().equals("zone")).findFirst().orElseThrow();
        assertEquals(List.of("Asia/Shanghai", 0L), List.of(zone.path("value").asText(), zone.path("setAtIndex").asLong()));
        assertEquals(true, market.investor.call(c -> c.parameters()).ok().body().path("rulesVersion").isMissingNode(),
                "the rules version is for staff and regulators");
        assertEquals(List.of(RulesVersion.CURRENT, RulesVersion.CURRENT), List.of(
                market.staff1.call(c -> c.parameters()).ok().body().path("rulesVersion").asInt(),
                market.regulator.call(c -> c.parameters()).ok().body().path("rulesVersion").asInt()));
        assertEquals(403, market.holder.post("/funds/SF1/nav", "{\"nav\":\"9.0000\",\"navDate\":\"2026-10-31\"}").status());
    }

    @Test
    void oneStaffMemberProposesAYearsCalendarAnotherApprovesItAndEveryRoleReadsIt() {
        // Rules version 7: a direct setting is refused, the calendar takes maker-checker.
        assertRefused(market.staff1.call(c -> c.setHolidays(2028, List.of("2028-01-03"), List.of("2028-01-08"), rid())),
                1044);
        JsonNode before = market.investor.call(c -> c.calendar(2028)).ok().body();
        long proposal = market.staff1.call(c -> c.proposeCalendar(2028, List.of("2028-01-03"), List.of("2028-01-08"),
                rid())).ok().sourceIndex();
        JsonNode proposed = market.investor.call(c -> c.withMinIndex(proposal).calendar(2028)).ok().body();
        assertEquals(List.of(before.path("setIndex"), before.path("holidays")), List.of(proposed.path("setIndex"),
                proposed.path("holidays")), "a proposal sets nothing: 2028 keeps the genesis's test calendar");
        assertRefused(market.staff1.call(c -> c.approveProposal(proposal, rid())), 2009);
        long set = market.staff2.call(c -> c.approveProposal(proposal, rid())).ok().sourceIndex();
        JsonNode calendar = market.investor.call(c -> c.calendar(2028)).ok().body();
        assertEquals(List.of(2028L, set), List.of(calendar.path("year").asLong(), calendar.path("setIndex").asLong()));
        assertEquals("[\"2028-01-03\"] [\"2028-01-08\"] true", calendar.path("holidays") + " " + calendar.path("workdays")
                + " " + calendar.path("set").asBoolean());
        JsonNode published = market.holder.call(c -> c.calendar(2026)).ok().body();
        assertEquals(List.of(true, "2026-02-14"), List.of(published.path("set").asBoolean(),
                published.path("workdays").path(1).asText()), "the genesis set the published 2026 calendar");
        assertEquals(published.path("workdays"), published.path("published").path("workdays"));
        // A year far past the test calendars the genesis sets (TestGenesis: the clock's year to two after it).
        assertEquals(false, market.regulator.call(c -> c.calendar(2100)).ok().body().path("set").asBoolean());
        assertRefused(market.staff1.call(c -> c.proposeCalendar(2028, List.of(), List.of("2028-01-07"), rid())), 1041);
        assertRefused(market.staff1.call(c -> c.proposeCalendar(2028, List.of("2028-01-08"), List.of("2028-01-08"), rid())),
                1042);
        assertEquals(400, market.investor.get("/calendar?year=1800").status());
        assertEquals(403, market.investor.call(c -> c.setHolidays(2028, List.of(), rid())).status());
        assertEquals(403, market.investor.call(c -> c.proposeCalendar(2028, List.of(), List.of(), rid())).status());
        assertEquals(403, market.investor.post("/books/SF1/open", "{\"lotUnits\":\"100.00\"}").status());
    }

    @Test
    void staffApproveCustodyAndListingsAndClearTheRightOfFirstRefusal() {
        market.registerFund("SR1", true);
        long custodyId = market.holder.post("/custody", """
                {"fundCode":"SR1","documentDigest":"%s","entries":[
                 {"holder":"Holder-01","units":"7000.00","subscribed":"7000.00","paidIn":"3500.00"},
                 {"holder":"Holder-02","units":"3000.00","subscribed":"3000.00","paidIn":"1500.00"}]}""".formatted(DIGEST))
                .ok().sourceIndex();
        assertEquals(List.of("PENDING_APPROVAL"), texts(market.staff1.get("/funds/SR1/custody").ok().body()
                .path("registrations"), "status"));
        market.staff2.post("/custody/" + custodyId + "/approve", "{}").ok();
        market.holder.post("/custody/" + custodyId + "/confirm", "{}").ok();
        long listingId = market.holder.post("/listings", """
                {"fundCode":"SR1","buyer":"Investor-07","units":"1000.00","price":"1.4000"}""").ok().sourceIndex();
        assertEquals(409, market.staff2.post("/listings/" + listingId + "/approve", "{}").status(), "ROFR first");
        assertEquals(409, market.staff1.call(c -> c.clearRofr(listingId, "WAIVED", List.of("Holder-02"), Optional.empty(),
                rid())).status(), "rules version 5: only by maker-checker");
        long override = market.staff1.post("/proposals", """
                {"action":{"type":"OverrideRofr","listingId":%d,"decision":"WAIVED","reason":"waivers filed"}}"""
                .formatted(listingId)).ok().sourceIndex();
        market.staff2.post("/proposals/" + override + "/approve", "{}").ok();
        market.staff2.post("/listings/" + listingId + "/approve", "{}").ok();

        JsonNode listing = market.staff1.get("/listings/" + listingId).ok().body();
        assertEquals(List.of("OPEN", "CLEARED", "Holder-01", "Investor-07"), List.of(listing.path("status").asText(),
                listing.path("rofr").asText(), listing.path("seller").asText(), listing.path("buyer").asText()));
        assertEquals(List.of("APPROVED"), texts(market.staff1.get("/funds/SR1/custody").ok().body().path("registrations"),
                "status"));
        assertEquals(List.of("Holder-01", "Holder-02"), texts(market.staff2.get("/funds/SR1/register").ok().body()
                .path("holdings"), "holder"));
    }

    @Test
    void staffBrokerSettleAndFailTradesAndPledgeAndFreezeUnits() {
        market.fund("SS1", market.holder);
        long intentId = market.investor.post("/intents", """
                {"fundCodes":["SS1"],"minAmount":"0.00","maxAmount":"12000.00","maxPercentOfNavBasisPoints":9000}""")
                .ok().sourceIndex();
        long offerId = market.holder.post("/offers", """
                {"fundCode":"SS1","units":"50000.00","minLot":"1000.00","askPrice":"1.2000","visibility":"PUBLIC_TEASER"}""")
                .ok().sourceIndex();
        JsonNode match = market.staff1.get("/matches?status=PROPOSED").ok().body().path("matches").findParents("matchId")
                .stream().filter(m -> m.path("offerId").asLong() == offerId).findFirst().orElseThrow();
        assertEquals(List.of("Holder-01", "Investor-07", String.valueOf(intentId), "1", "1000"), List.of(
                match.path("holder").asText(), match.path("investor").asText(), match.path("intentId").asText(),
                match.path("rank").asText(), match.path("surplusBasisPoints").asText()));
        long matchId = match.path("matchId").asLong();
        market.staff2.call(c -> c.brokerMatch(matchId, Optional.of("5000.00"), Optional.empty(), rid())).ok();
        market.holder.post("/matches/" + matchId + "/accept", "{}").ok();
        long brokered = event(market.investor.post("/matches/" + matchId + "/accept", "{}").ok(), "TradeExecuted")
                .path("tradeId").asLong();
        market.staff1.post("/trades/" + brokered + "/settle", "{}").ok();

        long listingId = market.holder.post("/listings", """
                {"fundCode":"SS1","buyer":"Investor-08","units":"2000.00","price":"1.4000"}""").ok().sourceIndex();
        market.staff2.post("/listings/" + listingId + "/approve", "{}").ok();
        long failing = event(market.investor2.post("/listings/" + listingId + "/accept", "{}").ok(), "TradeExecuted")
                .path("tradeId").asLong();
        market.script.approve("{\"type\":\"FailSettlement\",\"tradeId\":%d,\"reason\":\"payment not received\"}"
                .formatted(failing));

        long pledgeId = market.staff1.call(c -> c.registerPledge("SS1", "Holder-01", "2000.00", "Demo Bank", Optional.empty(),
                DIGEST, rid())).ok().sourceIndex();
        market.staff2.call(c -> c.releasePledge(pledgeId, rid())).ok();
        long freezeId = market.staff1.post("/proposals", """
                {"action":{"type":"FreezeUnits","fundCode":"SS1","holder":"Holder-01","units":"1000.00",
                 "authority":"Demo Court","caseNumber":"(2026) 8","documentDigest":"%s"}}""".formatted(DIGEST))
                .ok().sourceIndex();
        market.staff2.post("/proposals/" + freezeId + "/approve", "{}").ok();

        JsonNode transfers = market.staff1.get("/transfers").ok().body().path("transfers");
        assertEquals(List.of("SETTLED", "FAILED"), transfers.findParents("tradeId").stream()
                .filter(t -> t.path("tradeId").asLong() == brokered || t.path("tradeId").asLong() == failing)
                .map(t -> t.path("status").asText()).toList());
        assertEquals(List.of(failing, brokered), longs(market.staff1.get("/trades?fund=SS1&order=desc").ok().body()
                .path("trades"), "tradeId"), "newest first");
        JsonNode newest = market.staff1.get("/trades?fund=SS1&order=desc&limit=1").ok().body();
        assertEquals(List.of(failing), longs(newest.path("trades"), "tradeId"));
        assertEquals(failing, newest.path("nextAfter").asLong());
        assertEquals(List.of(brokered), longs(market.staff1.get("/trades?fund=SS1&order=desc&after=" + failing).ok()
                .body().path("trades"), "tradeId"), "the next page holds the older trades");
        JsonNode failed = market.staff1.get("/trades?fund=SS1&status=FAILED").ok().body().path("trades").path(0);
        assertEquals(List.of(failing, true), List.of(failed.path("tradeId").asLong(),
                failed.path("executedAt").asLong() > 0), "a trade carries its execution's journal time");
        assertEquals(400, market.staff1.get("/trades?order=sideways").status());
        assertEquals("AGREED", market.staff2.get("/matches/" + matchId).ok().body().path("status").asText());
        assertEquals(List.of("RELEASED"), texts(market.staff1.get("/pledges?fund=SS1").ok().body().path("pledges"), "status"));
        JsonNode freezes = market.staff1.call(c -> c.freezes("fund=SS1")).ok().body().path("freezes");
        assertEquals(List.of(freezeId), longs(freezes, "freezeId"));
        assertEquals(List.of("ACTIVE"), texts(freezes, "status"));
        JsonNode holding = market.staff1.get("/funds/SS1/register").ok().body().path("holdings").path(0);
        assertEquals(List.of("Holder-01", "995000.00", "1000.00", "0.00"), List.of(holding.path("holder").asText(),
                holding.path("units").asText(), holding.path("frozen").asText(), holding.path("pledged").asText()));
    }
}
