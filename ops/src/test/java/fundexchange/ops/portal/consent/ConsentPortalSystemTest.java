package fundexchange.ops.portal.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.audit.bundle.AuditBundleVerifier;
import fundexchange.audit.bundle.VerificationReport;
import fundexchange.gateway.GatewayConfig;
import fundexchange.ops.ExchangeNode;
import fundexchange.ops.GenesisWriter;
import fundexchange.ops.TestGenesis;
import fundexchange.ops.JournalPosition;
import fundexchange.ops.NegotiatedTransferScript;
import fundexchange.ops.Participant;
import fundexchange.ops.portal.PortalKeyFiles;
import fundexchange.ops.portal.holder.HolderBrowser;
import fundexchange.protocol.reference.Role;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.testsupport.FreshDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Issue 20's journey in Chromium against a real node (docs/portal.md, "Consent pages"): a partner lists units of a
 * limited partnership to a named investor; entirely in the portal, staff set the fund's terms (maker-checker), the manager consents and waives its own priority
 * right, a partner exercises part, staff approve the listing and the investor buys the rest; then the regulator's page
 * shows who was notified and who answered what when. The seller itself is shown the manager's queue's refusal to let a
 * party decide. Each step waits on the DOM, never on time; the notice's 30 days never pass.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsentPortalSystemTest {
    @RegisterExtension
    static final FreshDatabase DB = new FreshDatabase();
    @TempDir
    static Path data;
    @TempDir
    static Path keys;

    private static final Clock CLOCK = Clock.systemUTC();
    private static final KeyPair STAFF_1 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private static final KeyPair STAFF_2 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private static final KeyPair REGULATOR = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private static final JournalPosition POSITION = new JournalPosition();
    private static final List<String> ERRORS = new ArrayList<>();
    private static ExchangeNode node;
    private static Participant staff1;
    private static NegotiatedTransferScript script;
    private static HolderBrowser browser;

    @BeforeAll
    static void market() throws Exception {
        TestGenesis.write(data, List.of(
                new GenesisWriter.Founder("Staff-01", Role.STAFF, STAFF_1.getPublic()),
                new GenesisWriter.Founder("Staff-02", Role.STAFF, STAFF_2.getPublic()),
                new GenesisWriter.Founder("Staff-03", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                new GenesisWriter.Founder("Regulator-01", Role.REGULATOR, REGULATOR.getPublic())), CLOCK);
        node = ExchangeNode.start(data, Optional.of(new ExchangeNode.Database(DB.url(), DB.user(), DB.password())),
                GatewayConfig.DEFAULTS.withPort(0).withMinIndexWaitMs(30_000), CLOCK);
        staff1 = as("Staff-01", STAFF_1);
        script = new NegotiatedTransferScript(staff1, as("Staff-02", STAFF_2), CLOCK);
        keyFile("Staff-01", STAFF_1);
        keyFile("Staff-02", STAFF_2);
        keyFile("Regulator-01", REGULATOR);
        browser = HolderBrowser.open(origin());
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (node != null) node.close();
    }

    private static String origin() {
        return "http://localhost:" + node.port();
    }

    private static Participant as(String id, KeyPair keys) {
        return new Participant(URI.create(origin()), id, id + "-k1", keys, CLOCK, "consent-portal").sharing(POSITION);
    }

    private static void keyFile(String id, KeyPair pair) {
        PortalKeyFiles.plain(keys, id + "-k1", pair.getPrivate());
    }

    /** Onboards {@code id} with {@code roles} (qualified when it may buy) and writes its key file; returns its client. */
    private static Participant enrol(String id, String... roles) throws Exception {
        KeyPair pair = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        staff1.post("/participants", """
                {"participantId":"%s","name":"%s","participantType":"INSTITUTION","roles":[%s]}"""
                .formatted(id, id, String.join(",", List.of(roles).stream().map(r -> "\"" + r + "\"").toList()))).ok();
        script.approve("{\"type\":\"ApproveParticipant\",\"participantId\":\"" + id + "\"}");
        script.approve("""
                {"type":"RegisterFirstKey","participantId":"%s","keyId":"%s-k1","algorithm":"ED25519","publicKey":"%s"}"""
                .formatted(id, id, Base64.getEncoder().encodeToString(KeyMaterial.spki(pair.getPublic()))));
        if (List.of(roles).contains("INVESTOR")) {
            script.approve("""
                    {"type":"SetQualification","participantId":"%s","status":"QUALIFIED","validUntil":"%s"}"""
                    .formatted(id, java.time.LocalDate.now(CLOCK).plusYears(1)));
        }
        keyFile(id, pair);
        return as(id, pair);
    }

    private static void signInAs(String id) {
        if (!browser.driver().findElements(By.id("fx-sign-out")).isEmpty()) {
            ERRORS.addAll(browser.consoleErrors());
            browser.click(By.id("fx-sign-out"));
        }
        browser.signInAs(keys, id);
    }

    @Test
    @Order(1)
    void theManagerConsentsAPartnerExercisesPartTheInvestorBuysTheRestAndTheRegulatorSeesWhoAnsweredWhen() throws Exception {
        enrol("Manager-01", "MANAGER");
        Participant seller = enrol("Partner-01", "HOLDER");
        Participant partner = enrol("Partner-02", "HOLDER", "INVESTOR");
        Participant investor = enrol("Investor-07", "INVESTOR");
        staff1.post("/funds", """
                {"fundCode":"CPF1","shortName":"Demo Partnership Fund","manager":"Demo GP","strategy":"GROWTH","vintage":2020,
                 "currency":"CNY","legalForm":"PARTNERSHIP","custodyMode":"FULL","nav":"1.1000","navDate":"2026-09-30",
                 "minTransferUnits":"100.00","rightOfFirstRefusal":false}""").ok();
        staff1.post("/deposits", "{\"fundCode\":\"CPF1\",\"holder\":\"Partner-01\",\"units\":\"100000.00\",\"cost\":\"100000.00\"}").ok();
        staff1.post("/deposits", "{\"fundCode\":\"CPF1\",\"holder\":\"Partner-02\",\"units\":\"60000.00\",\"cost\":\"60000.00\"}").ok();
        // Staff set the terms in the portal: one proposes (the legal form's defaults, the manager named), another approves.
        signInAs("Staff-01");
        browser.go("#/staff-terms");
        assertEquals("the manager first, then the partners pro rata",
                browser.awaitText(By.cssSelector("#terms-defaults [data-field='priority']"), "manager first"));
        browser.find(By.id("terms-current-empty"));
        browser.choose(By.id("terms-manager"), "Manager-01");
        browser.type(By.id("terms-digest"), "cd".repeat(32));
        browser.click(By.id("terms-submit"));
        browser.awaitAttribute(By.id("holder-outcome"), "data-state", "accepted");
        signInAs("Staff-02");
        browser.go("#/staff-terms");
        browser.click(By.cssSelector("#terms-proposals button[id^='proposal-approve-']"));
        browser.awaitText(By.cssSelector("#terms-current [data-field='priority']"), "the manager first, then the partners pro rata");
        browser.screenshot("consent-staff-terms");
        assertEquals(403, investor.get("/funds/CPF1/transfer-terms").status());
        assertEquals("Manager-01", partner.get("/funds/CPF1/transfer-terms").ok().body().path("manager").asText());
        long listing = seller.post("/listings", """
                {"fundCode":"CPF1","buyer":"Investor-07","units":"10000.00","price":"1.2000"}""").ok().sourceIndex();

        signInAs("Manager-01");
        browser.go("#/manager-notices");
        assertTrue(browser.awaitText(By.id("manager-notice-" + listing), "Partner-01").contains("Investor-07"));
        browser.click(By.id("manager-consent-" + listing));
        browser.awaitAttribute(By.id("notice-outcome"), "data-state", "accepted");
        browser.click(By.id("manager-waive-" + listing));
        browser.find(By.id("manager-done-" + listing));
        browser.screenshot("consent-manager-queue");

        signInAs("Partner-02");
        browser.go("#/holder-notices");
        // CONTRACTS.md 12: a holder of the right is told the transferor and the terms, never the named buyer.
        browser.awaitText(By.cssSelector("#notice-terms-" + listing + " [data-field=buyer]"), "not shown to holders of the right");
        browser.type(By.id("holder-exercise-units-" + listing), "4000.00");
        browser.click(By.id("holder-exercise-" + listing));
        browser.awaitAttribute(By.id("notice-resolution-" + listing), "data-consent", "GIVEN");
        assertTrue(browser.find(By.id("notice-resolution-" + listing)).getText().contains("6,000.00"));
        browser.screenshot("consent-holder-notices");

        signInAs("Staff-02");
        browser.go("#/staff-queues");
        browser.click(By.id("listing-approve-" + listing));
        browser.awaitAttribute(By.id("holder-outcome"), "data-state", "accepted");

        signInAs("Investor-07");
        browser.go("#/investor-listings/" + listing);
        browser.click(By.id("listing-accept"));
        browser.await(d -> d.findElements(By.cssSelector("[data-state='accepted']")).isEmpty() ? null : true);

        signInAs("Regulator-01");
        browser.go("#/oversight-notices");
        String notice = browser.awaitText(By.id("regulator-notice-" + listing), "consent given");
        // What became of the listing, in the regulator's words (not the message key).
        browser.awaitText(By.cssSelector("#regulator-notice-" + listing + " [data-field='listing-status']"), "Executed");
        browser.screenshot("consent-regulator-notices");
        String notified = browser.find(By.id("notice-recipients-" + listing)).getText();
        assertTrue(notified.contains("Partner-02") && notified.contains("Manager-01") && notified.contains("60,000.00"), notified);
        List<String> answers = browser.driver().findElements(By.cssSelector("#notice-answers-" + listing + " tbody tr")).stream()
                .map(row -> row.getDomAttribute("data-participant") + " " + row.getDomAttribute("data-answer")).toList();
        assertEquals(List.of("Manager-01 CONSENT", "Manager-01 WAIVE", "Partner-02 EXERCISE"), answers);
        assertTrue(notice.contains("(Asia/Shanghai, GMT+08:00)"), notice);

        // The named buyer is not told of the notice; a holder of the right sees it without who else was notified.
        assertEquals(0, investor.get("/notices").ok().body().path("notices").size());
        JsonNode seen = partner.get("/notices").ok().body().path("notices").get(0);
        assertEquals(List.of(false, false, 1), List.of(seen.has("holders"), seen.has("recipients"), seen.path("answers").size()));
        JsonNode transfers = as("Regulator-01", REGULATOR).get("/transfers").ok().body().path("transfers");
        List<String> trades = new ArrayList<>();
        transfers.forEach(t -> trades.add(t.path("seller").asText() + " -> " + t.path("buyer").asText() + " " + t.path("units").asText()));
        assertEquals(List.of("Partner-01 -> Partner-02 4000.00", "Partner-01 -> Investor-07 6000.00"), trades);
        ERRORS.addAll(browser.consoleErrors());
        assertEquals(List.of(), ERRORS);
    }

    /**
     * A participant with only the INVESTOR role that bought units is a holder of the priority right: the next notice
     * names it, its navigation has Transfer notices (without a section for sales it cannot make), and it exercises in the
     * browser; the answer is journaled and resolves the notice. An investor the notice does not name gets past the
     * gateway and is refused by the engine (6004), journaled. The journal's audit bundle verifies.
     */
    @Test
    @Order(2) // after the first journey, whose staff terms page expects no fund with terms yet
    void anInvestorThatBoughtUnitsAnswersItsNoticeInTheBrowserAndAnInvestorNotNamedIsRefusedByTheEngine() throws Exception {
        enrol("Manager-02", "MANAGER");
        Participant seller = enrol("Partner-03", "HOLDER");
        Participant holder = enrol("Investor-08", "INVESTOR");
        enrol("Investor-09", "INVESTOR");
        Participant outsider = enrol("Investor-10", "INVESTOR");
        script.registerFundWithHolding("Partner-03");
        script.transfer(seller, holder);
        script.approve("""
                {"type":"SetTransferTerms","fundCode":"%s","manager":"Manager-02","consentRequired":false,
                 "priority":"PRO_RATA","documentDigest":"%s"}""".formatted(NegotiatedTransferScript.FUND, "ef".repeat(32)));
        Participant.Reply listed = seller.post("/listings", """
                {"fundCode":"%s","buyer":"Investor-09","units":"10000.00","price":"0.9000"}"""
                .formatted(NegotiatedTransferScript.FUND)).ok();
        long listing = listed.sourceIndex();
        Participant regulator = as("Regulator-01", REGULATOR);
        List<String> named = new ArrayList<>();
        regulator.get("/listings/" + listing + "/notice").ok().body().path("holders")
                .forEach(h -> named.add(h.path("holder").asText() + " " + h.path("units").asText()));
        assertEquals(List.of("Investor-08 400000.00"), named);

        long before = node.journalIndex();
        Participant.Reply refused = outsider.post("/listings/" + listing + "/notice/answers", "{\"answer\":\"WAIVE\"}");
        assertEquals(List.of(409, 6004), List.of(refused.status(), refused.body().path("code").asInt()), refused.body().toString());
        assertTrue(node.journalIndex() > before, "the engine decided the refusal, journaled");

        signInAs("Investor-08");
        browser.click(By.id("fx-nav-holder-notices"));
        browser.awaitText(By.id("holder-notice-" + listing), "Partner-03");
        assertTrue(browser.driver().findElements(By.id("holder-own-notices-empty")).isEmpty(), "no own sales for an investor");
        browser.type(By.id("holder-exercise-units-" + listing), "1000.00");
        browser.click(By.id("holder-exercise-" + listing));
        browser.awaitAttribute(By.id("notice-resolution-" + listing), "data-consent", "NOT_REQUIRED");
        browser.screenshot("consent-investor-holder-notices");

        JsonNode notice = regulator.get("/listings/" + listing + "/notice").ok().body();
        JsonNode answer = notice.path("answers").get(0);
        assertEquals(List.of(1, "Investor-08", "EXERCISE", "1000.00"), List.of(notice.path("answers").size(),
                answer.path("participant").asText(), answer.path("answer").asText(), answer.path("units").asText()));
        assertTrue(answer.path("index").asLong() > before, answer.toString());
        // The audit verifier re-derives each command from its signed request by the same specifications but checks no
        // roles: the whole journal verifies, the answers of holders, the manager and this investor alike.
        Path bundle = data.resolveSibling("consent-bundle.jsonl");
        java.nio.file.Files.writeString(bundle, regulator.raw("/audit/bundle").body());
        VerificationReport report = AuditBundleVerifier.verify(bundle);
        assertTrue(report.valid() && report.signaturesVerified() > 0, report.message());
        ERRORS.addAll(browser.consoleErrors());
        assertEquals(List.of(), ERRORS);
    }
}
