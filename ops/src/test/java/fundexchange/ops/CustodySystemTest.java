package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fundexchange.protocol.reference.Role;
import fundexchange.gateway.GatewayConfig;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.testsupport.FreshDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** FULL custody, a pledge and a judicial freeze over signed HTTP, each role at its own endpoints, read back. */
class CustodySystemTest {
    private static final String DIGEST = "ab".repeat(32);
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final FreshDatabase DB = new FreshDatabase();

    @TempDir
    Path data;

    private final Clock clock = Clock.systemUTC();
    private final KeyPair staff1 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private final KeyPair staff2 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private final KeyPair regulatorKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private final KeyPair holderKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private final KeyPair holder2Keys = KeyMaterial.generate(SignatureAlgorithm.SM2_SM3);
    private final KeyPair holder3Keys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private final KeyPair investorKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);

    /** The journal index of the test's last write; every read waits for it (minIndex). */
    private final JournalPosition position = new JournalPosition();

    private Participant as(ExchangeNode node, String id, KeyPair keys) {
        return new Participant(URI.create("http://localhost:" + node.port()), id, id + "-k1", keys, clock, "custody")
                .sharing(position);
    }

    @Test
    void fullCustodyPledgeAndFreezeOverSignedHttp() throws Exception {
        TestGenesis.write(data, List.of(
                new GenesisWriter.Founder("Staff-01", Role.STAFF, staff1.getPublic()),
                new GenesisWriter.Founder("Staff-02", Role.STAFF, staff2.getPublic()),
                new GenesisWriter.Founder("Staff-03", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                new GenesisWriter.Founder("Regulator-01", Role.REGULATOR, regulatorKeys.getPublic())), clock);
        try (ExchangeNode node = ExchangeNode.start(data, Optional.of(new ExchangeNode.Database(DB.url(), DB.user(), DB.password())),
                GatewayConfig.DEFAULTS.withPort(0).withMinIndexWaitMs(30_000), clock)) {
            Participant s1 = as(node, "Staff-01", staff1);
            Participant s2 = as(node, "Staff-02", staff2);
            Participant regulator = as(node, "Regulator-01", regulatorKeys);
            Participant holder = as(node, "Holder-01", holderKeys);
            Participant holder2 = as(node, "Holder-02", holder2Keys);
            Participant holder3 = as(node, "Holder-03", holder3Keys);
            Participant investor = as(node, "Investor-07", investorKeys);
            NegotiatedTransferScript script = new NegotiatedTransferScript(s1, s2, clock);
            script.onboard("Holder-01", "Demo LP One", "HOLDER", holderKeys);
            script.onboard("Holder-02", "Demo LP Two", "HOLDER", holder2Keys);
            script.onboard("Holder-03", "Demo LP Three", "HOLDER", holder3Keys);
            script.onboard("Investor-07", "Demo S Fund Seven", "INVESTOR", investorKeys);
            s1.post("/funds", """
                    {"fundCode":"DGF5","shortName":"Demo Buyout Fund V","manager":"Demo Capital Management",
                     "strategy":"BUYOUT","vintage":2018,"currency":"CNY","legalForm":"PARTNERSHIP","custodyMode":"FULL",
                     "nav":"1.2000","navDate":"2026-09-30","minTransferUnits":"100.00","rightOfFirstRefusal":false}""").ok();

            String register = """
                    {"fundCode":"DGF5","documentDigest":"%s","entries":[
                     {"holder":"Holder-01","units":"7000.00","subscribed":"7000.00","paidIn":"3500.00"},
                     {"holder":"Holder-02","units":"3000.00","subscribed":"3000.00","paidIn":"1500.00"},
                     {"holder":"Holder-03","units":"500.00","subscribed":"500.00","paidIn":"250.00","cost":"240.00"}]}"""
                    .formatted(DIGEST);
            assertEquals(403, investor.post("/custody", register).status(), "only holders submit custody");
            long custodyId = holder.post("/custody", register).ok().sourceIndex();
            assertEquals(403, holder.post("/custody/" + custodyId + "/approve", "{}").status());
            long approved = s2.post("/custody/" + custodyId + "/approve", "{}").ok().sourceIndex();
            assertEquals(403, investor.post("/custody/" + custodyId + "/confirm", "{}").status(), "only holders confirm");
            holder.post("/custody/" + custodyId + "/confirm", "{}").ok();
            Participant.Reply twice = holder.post("/custody/" + custodyId + "/confirm", "{}");
            assertEquals(List.of(409, 3106), List.of(twice.status(), twice.body().path("code").asInt()));
            long pledgeId = s1.post("/pledges", """
                    {"fundCode":"DGF5","holder":"Holder-01","units":"2000.00","pledgee":"Demo Bank","documentDigest":"%s"}"""
                    .formatted(DIGEST)).ok().sourceIndex();
            assertEquals(403, holder.post("/pledges/" + pledgeId + "/release", "{}").status());
            long freeze = s1.post("/proposals", """
                    {"action":{"type":"FreezeUnits","fundCode":"DGF5","holder":"Holder-01","units":"1000.00",
                     "authority":"Demo Court","caseNumber":"(2026) 7","documentDigest":"%s"}}""".formatted(DIGEST)).ok().sourceIndex();
            s2.post("/proposals/" + freeze + "/approve", "{}").ok();
            Participant.Reply tooMuch = holder.post("/listings", """
                    {"fundCode":"DGF5","buyer":"Investor-07","units":"4000.01","price":"1.0000"}""");
            assertEquals(409, tooMuch.status());
            assertEquals(3001, tooMuch.body().path("code").asInt());

            long navUpdate = s1.post("/funds/DGF5/nav", """
                    {"nav":"1.2500","navDate":"2026-10-31"}""").ok().sourceIndex();

            JsonNode nav = investor.get("/funds/DGF5/nav").ok().body();
            JsonNode current = nav.path("current");
            long age = ChronoUnit.DAYS.between(LocalDate.parse("2026-10-31"),
                    LocalDate.parse(current.path("asOf").asText()));
            assertEquals(List.of("1.2500", "2026-10-31", age, 100, age > 100), List.of(current.path("nav").asText(),
                    current.path("navDate").asText(), current.path("ageDays").asLong(), current.path("staleAfterDays").asInt(),
                    current.path("stale").asBoolean()));
            assertEquals(List.of("1.2000", "1.2500"), List.of(nav.path("history").path(0).path("nav").asText(),
                    nav.path("history").path(1).path("nav").asText()));
            assertEquals(navUpdate, nav.path("history").path(1).path("sourceIndex").asLong());
            assertEquals(age > 0, investor.get("/funds/DGF5/nav?staleAfterDays=0").ok().body().path("current").path("stale")
                    .asBoolean());
            assertEquals(400, investor.get("/funds/DGF5/nav?staleAfterDays=3651").status());
            assertEquals(404, investor.get("/funds/NOPE/nav").status());
            JsonNode mine = holder.get("/holdings").ok().body().path("holdings").path(0);
            assertEquals(List.of("7000.00", "2000.00", "1000.00", "4000.00", "3500.00"), List.of(mine.path("units").asText(),
                    mine.path("pledged").asText(), mine.path("frozen").asText(), mine.path("available").asText(),
                    mine.path("paidIn").asText()));
            JsonNode unconfirmed = holder2.get("/holdings").ok().body().path("holdings").path(0);
            assertEquals(List.of("3000.00", "0.00"), List.of(unconfirmed.path("unconfirmed").asText(),
                    unconfirmed.path("available").asText()));
            assertEquals(3, regulator.get("/funds/DGF5/register").ok().body().path("holdings").size());
            JsonNode whole = regulator.get("/custody/" + custodyId).ok().body();
            assertEquals(List.of("Holder-01", "Staff-02", List.of("Holder-01", "Holder-02", "Holder-03")),
                    List.of(whole.path("submittedBy").asText(), whole.path("decidedBy").asText(),
                            whole.path("entries").findValuesAsText("holder")));
            assertEquals("Holder-01", holder.get("/custody/" + custodyId).ok().body().path("submittedBy").asText());
            assertEquals(JSON.readTree("""
                    {"custodyId":%d,"fundCode":"DGF5","mode":"FULL","documentDigest":"%s","status":"APPROVED",
                     "decidedIndex":%d,"entries":[{"holder":"Holder-02","units":"3000.00",
                     "subscribed":"3000.00","paidIn":"1500.00","cost":"1500.00","confirmedIndex":0}]}"""
                    .formatted(custodyId, DIGEST, approved)), holder2.get("/custody/" + custodyId).ok().body(),
                    "a holder named on another's registration sees only its own line, not who submitted or decided it");
            assertEquals(List.of("Holder-03"), holder3.get("/custody/" + custodyId).ok().body().path("entries")
                    .findValuesAsText("holder"));
            assertEquals(404, investor.get("/custody/" + custodyId).status());
            assertEquals(JSON.readTree("{\"registrations\":[" + holder2.get("/custody/" + custodyId).ok().body() + "]}"),
                    holder2.get("/custody").ok().body(), "a holder's list shows its registrations as each read does");
            assertEquals(JSON.readTree("{\"registrations\":[" + holder.get("/custody/" + custodyId).ok().body() + "]}"),
                    holder.get("/custody?status=APPROVED").ok().body());
            assertEquals(JSON.readTree("{\"registrations\":[]}"), holder.get("/custody?status=PENDING_APPROVAL").ok().body());
            assertEquals(JSON.readTree("{\"registrations\":[]}"), investor.get("/custody").ok().body(),
                    "nobody reads a registration it is not on");
            assertEquals(whole, regulator.get("/custody").ok().body().path("registrations").path(0));
            assertEquals(400, holder.get("/custody?holder=Holder-02").status());
            assertEquals("APPROVED", regulator.get("/funds/DGF5/custody").ok().body().path("registrations").path(0)
                    .path("status").asText());
            assertEquals(403, holder.get("/funds/DGF5/custody").status());

            assertEquals(pledgeId, holder.get("/pledges").ok().body().path("pledges").path(0).path("pledgeId").asLong());
            assertEquals(403, holder.get("/pledges?holder=Holder-02").status());
            assertEquals(403, holder.get("/freezes?fund=DGF5").status());
            assertEquals(1, regulator.get("/pledges?fund=DGF5").ok().body().path("pledges").size());
            assertEquals("(2026) 7", regulator.get("/freezes?holder=Holder-01").ok().body().path("freezes").path(0)
                    .path("caseNumber").asText());
            JsonNode qualification = investor.get("/participants/Investor-07/qualification").ok().body();
            assertEquals("QUALIFIED", qualification.path("qualification").asText());
            assertEquals("10000000.00", qualification.path("thresholds").path("qualified-institution-net-assets").asText());
            assertEquals(403, holder.get("/participants/Investor-07/qualification").status());

            s2.post("/pledges/" + pledgeId + "/release", "{}").ok();
            holder.post("/listings", """
                    {"fundCode":"DGF5","buyer":"Investor-07","units":"6000.00","price":"1.0000"}""").ok();
        }
    }
}
