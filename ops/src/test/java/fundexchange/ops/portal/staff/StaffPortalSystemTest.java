package fundexchange.ops.portal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.gateway.GatewayConfig;
import fundexchange.ops.ExchangeNode;
import fundexchange.ops.GenesisWriter;
import fundexchange.ops.TestGenesis;
import fundexchange.ops.JournalPosition;
import fundexchange.ops.ManualClock;
import fundexchange.ops.NegotiatedTransferScript;
import fundexchange.ops.Participant;
import fundexchange.ops.portal.holder.HolderBrowser;
import fundexchange.protocol.reference.Role;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.testsupport.FreshDatabase;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 16's staff journeys in Debian's Chromium against a real node on the embedded PostgreSQL, each participant in a
 * browser profile of its own and the node's clock stepped by the test (docs/portal.md, "Staff pages"): a holder submits
 * a FULL custody registration of a fund's whole register in its browser, staff find it in their work queue with its
 * submission time and approve it on the custody page, and each holder of the register confirms its own line in its own
 * browser while staff watch the lines confirmed live; a judicial freeze proposed in one staff member's browser offers
 * that member no approval (and the API refuses it with 2009), a second staff member approves it in theirs and the
 * freeze appears in the first's; a staff member a proposal concerns sees no approve button and the API refuses the
 * attempt with 1020. Every staff page and the holder's custody page are saved in both languages under
 * {@code target/portal-screenshots/}. Each step waits on the DOM, never on time.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaffPortalSystemTest {
    @RegisterExtension
    static final FreshDatabase DB = new FreshDatabase();
    @TempDir
    static Path data;
    @TempDir
    static Path files;
    /** On a failure, each window's screenshot (target/portal-screenshots/failure-*) and text, for the report. */
    @RegisterExtension
    final TestWatcher failures = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            String[] names = {"holder-1", "holder-2", "staff-1", "staff-2"};
            HolderBrowser[] windows = {holderWindow, holder2Window, staffWindow, staff2Window};
            for (int i = 0; i < windows.length; i++) {
                if (windows[i] == null) continue;
                windows[i].screenshot("failure-" + context.getRequiredTestMethod().getName() + "-" + names[i]);
                System.out.println("=== " + names[i] + ": " + windows[i].driver().findElement(By.tagName("body")).getText()
                        + "\n" + windows[i].consoleErrors());
            }
        }
    };

    private static final ManualClock CLOCK = new ManualClock(System.currentTimeMillis());
    private static final KeyPair STAFF_1 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private static final KeyPair STAFF_2 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private static final KeyPair STAFF_3 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private static final KeyPair HOLDER_1 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private static final KeyPair HOLDER_2 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private static final JournalPosition POSITION = new JournalPosition();
    private static ExchangeNode node;
    private static Participant staff1;
    private static Participant staff2;
    private static Participant holder1;
    private static HolderBrowser holderWindow;
    private static HolderBrowser holder2Window;
    private static HolderBrowser staffWindow;
    private static HolderBrowser staff2Window;
    private static Path document;
    private static long custodyId;

    @BeforeAll
    static void market() throws Exception {
        TestGenesis.write(data, List.of(
                new GenesisWriter.Founder("Staff-01", Role.STAFF, STAFF_1.getPublic()),
                new GenesisWriter.Founder("Staff-02", Role.STAFF, STAFF_2.getPublic()),
                new GenesisWriter.Founder("Staff-03", Role.STAFF, STAFF_3.getPublic()),
                new GenesisWriter.Founder("Regulator-01", Role.REGULATOR, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic())),
                CLOCK);
        node = ExchangeNode.start(data, Optional.of(new ExchangeNode.Database(DB.url(), DB.user(), DB.password())),
                GatewayConfig.DEFAULTS.withPort(0).withMinIndexWaitMs(30_000), CLOCK);
        URI uri = URI.create(origin());
        staff1 = as(uri, "Staff-01", STAFF_1);
        staff2 = as(uri, "Staff-02", STAFF_2);
        NegotiatedTransferScript script = new NegotiatedTransferScript(staff1, staff2, CLOCK);
        script.onboard("Holder-01", "Demo LP One", "HOLDER", HOLDER_1);
        script.onboard("Holder-02", "Demo LP Two", "HOLDER", HOLDER_2);
        holder1 = as(uri, "Holder-01", HOLDER_1);
        staff1.post("/funds", """
                {"fundCode":"CPF1","shortName":"Demo Custody Fund","manager":"Demo Capital Management","strategy":"GROWTH",
                 "vintage":2019,"currency":"CNY","legalForm":"PARTNERSHIP","custodyMode":"FULL","nav":"1.2000",
                 "navDate":"2026-09-30","minTransferUnits":"100.00","rightOfFirstRefusal":false}""").ok();
        staff1.get("/funds").ok(); // the registry holds the setup before any window reads
        document = files.resolve("demo-register.pdf");
        Files.writeString(document, "Demo register of CPF1: Holder-01 7000.00, Holder-02 3000.00 (synthetic)");
        holderWindow = window("Holder-01", HOLDER_1);
        holder2Window = window("Holder-02", HOLDER_2);
        staffWindow = window("Staff-01", STAFF_1);
        staff2Window = window("Staff-02", STAFF_2);
    }

    @AfterAll
    static void stop() {
        for (HolderBrowser window : new HolderBrowser[] {holderWindow, holder2Window, staffWindow, staff2Window}) {
            if (window != null) window.close();
        }
        if (node != null) node.close();
    }

    private static String origin() {
        return "http://localhost:" + node.port();
    }

    private static Participant as(URI uri, String id, KeyPair keys) {
        return new Participant(uri, id, id + "-k1", keys, CLOCK, "staff-portal").sharing(POSITION);
    }

    /** A browser profile of its own, signed in with the participant's key file. */
    private static HolderBrowser window(String id, KeyPair keys) throws Exception {
        Path keyFile = files.resolve(id + "__" + id + "-k1.pem");
        Files.writeString(keyFile, KeyMaterial.privateKeyPem(keys.getPrivate()));
        HolderBrowser window = HolderBrowser.open(origin());
        window.signIn(keyFile, id, id + "-k1");
        return window;
    }

    /** The journal index an accepted write's outcome shows. */
    private static long acceptedIndex(HolderBrowser window) {
        window.awaitAttribute(By.id("holder-outcome"), "data-state", "accepted");
        return Long.parseLong(window.find(By.id("holder-outcome")).getDomAttribute("data-index"));
    }

    private static void fill(HolderBrowser window, String id, String text) {
        window.type(By.id(id), text);
    }

    @Test
    @Order(1)
    void aCustodyRegistrationIsSubmittedByAHolderApprovedByStaffAndConfirmedLineByLineByEachHolder() {
        holderWindow.go("#/holder-custody");
        holderWindow.choose(By.id("holder-custody-fund"), "CPF1");
        assertEquals("FULL", holderWindow.find(By.id("holder-custody-mode")).getDomAttribute("data-mode"));
        fill(holderWindow, "holder-custody-units-0", "7000.00");
        fill(holderWindow, "holder-custody-subscribed-0", "7000.00");
        fill(holderWindow, "holder-custody-paid-in-0", "3500.00");
        holderWindow.click(By.id("holder-custody-add-line"));
        fill(holderWindow, "holder-custody-holder-1", "Holder-02");
        fill(holderWindow, "holder-custody-units-1", "3000.00");
        fill(holderWindow, "holder-custody-subscribed-1", "3000.00");
        fill(holderWindow, "holder-custody-paid-in-1", "1500.00");
        holderWindow.find(By.id("holder-custody-document")).sendKeys(document.toAbsolutePath().toString());
        holderWindow.click(By.id("holder-custody-submit"));
        custodyId = acceptedIndex(holderWindow);
        long submittedAt = CLOCK.millis();
        assertEquals("Accepted by the exchange (journal index " + custodyId + ").",
                holderWindow.find(By.id("holder-outcome")).getText());
        assertEquals("Awaiting approval", holderWindow.awaitText(
                By.cssSelector("#holder-custody-" + custodyId + " [data-field=status]"), "Awaiting approval"));

        CLOCK.advance(45_000);
        staffWindow.go("#/staff-queues");
        staffWindow.awaitText(By.id("queue-count-custody"), "1");
        String row = staffWindow.awaitText(By.id("queue-custody-" + custodyId), "Review");
        assertTrue(row.startsWith(custodyId + " CPF1 · Demo Custody Fund Full register Holder-01 2 "), row);
        assertTrue(row.contains("(Asia/Shanghai, GMT+08:00)"), row);
        assertTrue(Pattern.compile("GMT\\+08:00\\) \\d+ min Review$").matcher(row).find(), row);
        assertEquals(submittedAt, staff1.get("/audit/records?fromIndex=" + custodyId + "&toIndex=" + custodyId).ok()
                .body().path("records").get(0).path("time").asLong());

        staffWindow.click(By.id("queue-custody-review-" + custodyId));
        staffWindow.click(By.id("custody-approve-" + custodyId));
        acceptedIndex(staffWindow);
        staffWindow.awaitAttribute(By.id("custody-" + custodyId), "data-status", "APPROVED");
        assertEquals(List.of("awaiting the holder", "awaiting the holder"), confirmations());

        holderWindow.click(By.id("holder-custody-confirm-" + custodyId)); // shown once the approval reached its stream
        acceptedIndex(holderWindow);
        holderWindow.awaitText(By.cssSelector("#holder-custody-" + custodyId + " li[data-holder=Holder-01]"), "· confirmed");
        assertEquals("Holder-02: 3,000.00 · paid in CN¥1,500.00 · not yet confirmed",
                holderWindow.find(By.cssSelector("#holder-custody-" + custodyId + " li[data-holder=Holder-02]")).getText());

        holder2Window.go("#/holder-custody");
        WebElement theirs = holder2Window.find(By.id("holder-custody-" + custodyId));
        assertEquals(1, theirs.findElements(By.tagName("li")).size(), "a holder on the register sees only its own line");
        holder2Window.click(By.id("holder-custody-confirm-" + custodyId));
        acceptedIndex(holder2Window);
        holder2Window.awaitText(By.cssSelector("#holder-custody-" + custodyId + " li[data-holder=Holder-02]"), "· confirmed");

        staffWindow.await(d -> confirmations().stream().allMatch(text -> text.startsWith("confirmed")) ? true : null);
        JsonNode registration = staff1.get("/custody/" + custodyId).ok().body();
        assertEquals("APPROVED", registration.path("status").asText());
        assertEquals("Staff-01", registration.path("decidedBy").asText());
        registration.path("entries").forEach(line -> assertTrue(line.path("confirmedIndex").asLong() > custodyId, line.toString()));
        assertEquals(0, staff1.get("/custody?status=PENDING_APPROVAL").ok().body().path("registrations").size());
        assertEquals(List.of(custodyId), ApiLists.longs(staff1.get("/custody?status=APPROVED&fund=CPF1&limit=1").ok()
                .body().path("registrations"), "custodyId"));
        assertEquals(List.of(custodyId), ApiLists.longs(holder1.get("/custody").ok().body().path("registrations"),
                "custodyId"), "a holder reads the registrations it submitted or is named on, not the staff's queue");
        assertEquals(400, staff1.get("/custody?status=OPEN").status());
        staffWindow.go("#/staff-queues");
        staffWindow.awaitText(By.id("queue-count-custody"), "0");
        assertEquals(List.of(), staffWindow.consoleErrors());
        assertEquals(List.of(), holderWindow.consoleErrors());
    }

    /** The confirmation cells of the registration's lines on the staff custody page. */
    private static List<String> confirmations() {
        return staffWindow.driver().findElements(By.cssSelector("#custody-lines-" + custodyId + " [data-field=confirmed]"))
                .stream().map(WebElement::getText).toList();
    }

    @Test
    @Order(2)
    void aFreezeIsRefusedToItsProposerAndApprovedByASecondStaffMember() {
        staffWindow.go("#/staff-encumbrances");
        staffWindow.choose(By.id("encumbrances-fund"), "CPF1");
        fill(staffWindow, "freeze-holder", "Holder-01");
        fill(staffWindow, "freeze-units", "1000.00");
        fill(staffWindow, "freeze-authority", "Demo District Court");
        fill(staffWindow, "freeze-case", "(2026) Demo 0001");
        staffWindow.find(By.id("freeze-document")).sendKeys(document.toAbsolutePath().toString());
        staffWindow.click(By.id("freeze-submit"));
        long proposal = acceptedIndex(staffWindow);

        assertEquals("own", staffWindow.find(By.id("proposal-bar-" + proposal)).getDomAttribute("data-bar"));
        assertTrue(staffWindow.driver().findElements(By.id("proposal-approve-" + proposal)).isEmpty());
        staffWindow.go("#/staff-queues");
        assertEquals("Your proposal: another staff member approves it.",
                staffWindow.awaitText(By.id("proposal-bar-" + proposal), "Your proposal"));
        Participant.Reply refused = staff1.post("/proposals/" + proposal + "/approve", "{}");
        assertEquals(409, refused.status());
        assertEquals(2009, refused.body().path("code").asInt());

        staff2Window.go("#/staff-queues");
        assertTrue(staff2Window.awaitText(By.id("queue-proposal-" + proposal), "Approve").contains(
                "Freeze 1000.00 units of Holder-01 in CPF1 (Demo District Court, case (2026) Demo 0001) Staff-01"));
        staff2Window.click(By.id("proposal-approve-" + proposal));
        acceptedIndex(staff2Window);

        staffWindow.go("#/staff-encumbrances");
        assertTrue(staffWindow.awaitText(By.id("freeze-" + proposal), "Frozen").startsWith(
                proposal + " Holder-01 1,000.00 Demo District Court, case (2026) Demo 0001 "));
        JsonNode holding = holder1.get("/holdings").ok().body().path("holdings").get(0);
        assertEquals("1000.00", holding.path("frozen").asText());
        assertEquals(List.of(), staff2Window.consoleErrors());
    }

    @Test
    @Order(3)
    void aStaffMemberAProposalConcernsSeesNoApproveButtonAndTheApiRefusesIt() {
        long proposal = staff1.post("/proposals", """
                {"action":{"type":"SuspendParticipant","participantId":"Staff-02","reason":"Demo conflict review"}}""")
                .ok().sourceIndex();

        staff2Window.go("#/staff-queues");
        assertEquals("It concerns you: you may not decide on it.",
                staff2Window.awaitText(By.id("proposal-bar-" + proposal), "concerns you"));
        assertEquals("party", staff2Window.find(By.id("proposal-bar-" + proposal)).getDomAttribute("data-bar"));
        assertTrue(staff2Window.driver().findElements(By.id("proposal-approve-" + proposal)).isEmpty());
        Participant.Reply refused = staff2.post("/proposals/" + proposal + "/approve", "{}");
        assertEquals(409, refused.status());
        assertEquals(1020, refused.body().path("code").asInt());
        assertEquals("PENDING", staff1.get("/proposals/" + proposal).ok().body().path("status").asText());
    }

    @Test
    @Order(4)
    void staffRegisterAndReleaseAPledgeWithItsContractsDigest() throws Exception {
        staffWindow.go("#/staff-encumbrances");
        staffWindow.choose(By.id("encumbrances-fund"), "CPF1");
        fill(staffWindow, "pledge-holder", "Holder-02");
        fill(staffWindow, "pledge-units", "500.00");
        fill(staffWindow, "pledge-pledgee", "Demo Bank Pudong Branch");
        fill(staffWindow, "pledge-secured", "400.00");
        staffWindow.find(By.id("pledge-document")).sendKeys(document.toAbsolutePath().toString());
        long before = lastIndex(staffWindow);
        staffWindow.click(By.id("pledge-submit"));
        long pledge = acceptedAfter(staffWindow, before);

        String digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(document)));
        assertEquals(pledge + " Holder-02 500.00 Demo Bank Pudong Branch CN¥400.00 " + digest + " Active Release",
                staffWindow.awaitText(By.id("pledge-" + pledge), "Release"));
        staffWindow.click(By.id("pledge-release-" + pledge));
        acceptedAfter(staffWindow, pledge);
        staffWindow.awaitAttribute(By.id("pledge-" + pledge), "data-status", "RELEASED");
        assertEquals("RELEASED", staff1.get("/pledges?fund=CPF1").ok().body().path("pledges").get(0).path("status").asText());
    }

    @Test
    @Order(5)
    void staffOnboardAnInvestorWithItsFirstKeyFromAPemFileAndItsQualificationThroughMakerChecker() throws Exception {
        KeyPair keys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        Path publicKey = files.resolve("Investor-31.pub.pem");
        Files.writeString(publicKey, KeyMaterial.publicKeyPem(keys.getPublic()));
        staffWindow.go("#/staff-onboarding");
        fill(staffWindow, "onboard-id", "Investor-31");
        fill(staffWindow, "onboard-name", "Demo S Fund Thirty-One");
        staffWindow.click(By.id("onboard-role-INVESTOR"));
        long before = lastIndex(staffWindow);
        staffWindow.click(By.id("onboard-submit"));
        long registered = acceptedAfter(staffWindow, before);
        fill(staffWindow, "key-participant", "Investor-31");
        fill(staffWindow, "key-id", "Investor-31-k1");
        staffWindow.find(By.id("key-file")).sendKeys(publicKey.toAbsolutePath().toString());
        staffWindow.click(By.id("key-submit"));
        long keyProposal = acceptedAfter(staffWindow, registered);
        fill(staffWindow, "approve-participant", "Investor-31");
        staffWindow.click(By.id("approve-submit"));
        long approvalProposal = acceptedAfter(staffWindow, keyProposal);
        fill(staffWindow, "qualify-participant", "Investor-31");
        fill(staffWindow, "qualify-until", "2027-12-31");
        staffWindow.click(By.id("qualify-submit"));
        long qualificationProposal = acceptedAfter(staffWindow, approvalProposal);
        assertEquals("own", staffWindow.find(By.id("proposal-bar-" + qualificationProposal)).getDomAttribute("data-bar"));

        staff2Window.go("#/staff-queues");
        String awaiting = staff2Window.awaitText(By.id("queue-participant-Investor-31"), "Proposal " + approvalProposal);
        assertTrue(Pattern.compile("^Investor-31 Demo S Fund Thirty-One Investor \\S+ \\d\\d:\\d\\d:\\d\\d"
                + " \\(Asia/Shanghai, GMT\\+08:00\\) \\d+ min Proposal " + approvalProposal + " by Staff-01, waiting ")
                .matcher(awaiting).find(), "a participant awaiting approval is aged from its registration: " + awaiting);
        assertTrue(staff2Window.find(By.id("queue-oldest-participants")).getText().matches("\\d+ min"),
                staff2Window.find(By.id("queue-oldest-participants")).getText());
        assertEquals(staff1.get("/audit/records?fromIndex=" + registered + "&toIndex=" + registered).ok().body()
                .path("records").get(0).path("time").asLong(), staff1.get("/participants/Investor-31").ok().body()
                .path("registeredAt").asLong(), "registered at the journal time of its registration");
        long last = lastIndex(staff2Window);
        for (long proposal : new long[] {keyProposal, approvalProposal, qualificationProposal}) {
            staff2Window.click(By.id("proposal-approve-" + proposal));
            last = acceptedAfter(staff2Window, last);
            // the rows move up once the page re-reads: click the next one only then
            staff2Window.await(d -> d.findElements(By.id("queue-proposal-" + proposal)).isEmpty() ? true : null);
        }
        JsonNode investor = staff1.get("/participants/Investor-31").ok().body();
        assertEquals("ACTIVE", investor.path("status").asText());
        assertEquals("QUALIFIED", investor.path("qualification").asText());
        assertEquals("2027-12-31", investor.path("qualifiedUntil").asText());
        Participant newcomer = new Participant(URI.create(origin()), "Investor-31", "Investor-31-k1", keys, CLOCK, "newcomer")
                .sharing(POSITION);
        assertEquals(200, newcomer.get("/holdings").status());
    }

    @Test
    @Order(6)
    void aParameterChangeTakesEffectAtTheSecondStaffMembersApprovalAndStaffSetAYearsHolidays() {
        staffWindow.go("#/staff-parameters");
        staffWindow.choose(By.id("parameter-name"), "anti-flip-business-days");
        fill(staffWindow, "parameter-value", "3");
        long before = lastIndex(staffWindow);
        staffWindow.click(By.id("parameter-submit"));
        long proposal = acceptedAfter(staffWindow, before);
        assertEquals("own", staffWindow.find(By.id("proposal-bar-" + proposal)).getDomAttribute("data-bar"));

        staff2Window.go("#/staff-parameters");
        long approvedBefore = lastIndex(staff2Window);
        staff2Window.click(By.id("proposal-approve-" + proposal));
        long approved = acceptedAfter(staff2Window, approvedBefore);
        assertEquals("anti-flip-business-days 3 journal index " + approved,
                staffWindow.awaitText(By.id("parameter-anti-flip-business-days"), "3 journal index"));

        fill(staffWindow, "holidays-year", "2027");
        fill(staffWindow, "holidays-dates", "2027-01-01, 2027-02-11 2027-02-12");
        staffWindow.click(By.id("holidays-submit"));
        acceptedAfter(staffWindow, proposal);
        fill(staffWindow, "holidays-dates", "2027-13-01");
        staffWindow.click(By.id("holidays-submit"));
        assertEquals("Enter dates of 2027 as yyyy-mm-dd.", staffWindow.awaitText(By.id("holidays-dates-problem"), "2027"));
        fill(staffWindow, "holidays-dates", "2027-02-11");
        fill(staffWindow, "holidays-workdays", "2027-02-05");
        staffWindow.click(By.id("holidays-submit"));
        assertEquals("A make-up working day must be a Saturday or Sunday.",
                staffWindow.awaitText(By.id("holidays-workdays-problem"), "Saturday"));
        long calendarBefore = lastIndex(staffWindow);
        fill(staffWindow, "holidays-workdays", "2027-02-06");
        staffWindow.click(By.id("holidays-submit"));
        // Rules version 7: the calendar is a proposal; another staff member approves it in the work queues.
        long calendarProposal = acceptedAfter(staffWindow, calendarBefore);
        assertEquals("own", staffWindow.find(By.id("proposal-bar-" + calendarProposal)).getDomAttribute("data-bar"));
        staff2Window.go("#/staff-queues");
        assertEquals("Official calendar of 2027: holidays 2027-02-11; make-up working days 2027-02-06",
                staff2Window.awaitText(By.cssSelector("#queue-proposal-" + calendarProposal + " td:nth-child(2)"),
                        "2027-02-06"));
        long approvalBefore = lastIndex(staff2Window);
        staff2Window.click(By.id("proposal-approve-" + calendarProposal));
        long calendarSet = acceptedAfter(staff2Window, approvalBefore);
        assertEquals("2027-02-06", staffWindow.awaitText(By.id("calendar-workdays"), "2027-02-06"));
        assertEquals("Set at journal index " + calendarSet + ".",
                staffWindow.awaitText(By.id("calendar-status"), "index " + calendarSet));
    }

    /** The journal index of the window's last accepted write (0 if none). */
    private static long lastIndex(HolderBrowser window) {
        List<WebElement> outcome = window.driver().findElements(By.cssSelector("#holder-outcome[data-state='accepted']"));
        return outcome.isEmpty() ? 0 : Long.parseLong(outcome.getFirst().getDomAttribute("data-index"));
    }

    /** The journal index of an accepted write after {@code previous}, once the window shows it. */
    private static long acceptedAfter(HolderBrowser window, long previous) {
        return window.await(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#holder-outcome[data-state='accepted']"));
            String shown = found.isEmpty() ? null : found.getFirst().getDomAttribute("data-index");
            // The page sets the state and the index in one render, but a poll may read between them: not yet.
            if (shown == null || !shown.matches("[0-9]+")) return null;
            long index = Long.parseLong(shown);
            return index > previous ? index : null;
        });
    }

    /**
     * The portal's paging (pages/paging.js) in the browser, against a list of 250 items served by a stand-in client: a
     * window of two pages stops at 200 and says more follow; "Next page" moves the window on, which then reads the
     * last 50 from the cursor, offers no next page but the first; each read asks for the page after the last one.
     */
    @Test
    @Order(8)
    void aLongListSaysMoreFollowAndItsNextPageContinuesFromTheCursor() {
        Object facts = ((org.openqa.selenium.JavascriptExecutor) staffWindow.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                Promise.all([import('/portal/app/pages/paging.js'), import('lit')]).then(async ([paging, lit]) => {
                  const all = Array.from({length: 250}, (_, i) => ({id: i + 1}));
                  const asked = [];
                  const client = { read: async path => {
                    asked.push(path);
                    const query = new URL(path, location.origin).searchParams;
                    const page = all.filter(x => x.id > Number(query.get('after') ?? 0)).slice(0, Number(query.get('limit')));
                    return page.at(-1).id < 250 ? {things: page, nextAfter: page.at(-1).id} : {things: page};
                  } };
                  const pager = new paging.Pager();
                  const div = document.createElement('div');
                  document.body.append(div);
                  let moved = 0;
                  const first = await paging.readWindow(client, '/things?status=X', 'things', undefined, {pages: 2});
                  lit.render(paging.renderPager('things', pager, first.nextAfter, () => moved++, first.items.length), div);
                  const note = div.querySelector('#things-more p').textContent.replace(/\\s+/g, ' ').trim();
                  div.querySelector('#things-next').click();
                  const second = await paging.readWindow(client, '/things?status=X', 'things', undefined,
                    {pages: 2, start: pager.start});
                  lit.render(paging.renderPager('things', pager, second.nextAfter, () => moved++, second.items.length), div);
                  const buttons = [...div.querySelectorAll('button')].map(b => b.id);
                  div.remove();
                  done([first.items.length, first.nextAfter, note, moved, pager.start, second.items.length,
                    second.items[0].id, second.nextAfter === undefined, buttons, asked]);
                }, e => done(String(e)));""");
        assertEquals(List.of(200L, 200L, "This list is longer than one page: 200 shown here, more follow on the next page.",
                1L, 200L, 50L, 201L, true, List.of("things-first", "things-previous"),
                List.of("/things?status=X&limit=100", "/things?status=X&limit=100&after=100",
                        "/things?status=X&limit=100&after=200")), facts);
    }

    @Test
    @Order(9)
    void everyStaffPageAndTheHoldersCustodyPageAreSavedInBothLanguages() {
        List<String[]> pages = List.of(
                new String[] {"queues", "#/staff-queues", "queue-summary"},
                new String[] {"custody", "#/staff-custody/" + custodyId, "custody-" + custodyId},
                new String[] {"encumbrances", "#/staff-encumbrances", "freezes-table"},
                new String[] {"onboarding", "#/staff-onboarding", "onboard-form"},
                new String[] {"parameters", "#/staff-parameters", "parameters-table"});
        for (String locale : List.of("en", "zh-CN")) {
            staffWindow.language(locale);
            for (String[] page : pages) {
                staffWindow.go(page[1]);
                staffWindow.find(By.id(page[2]));
                Path file = staffWindow.screenshot("staff-" + page[0] + "-" + locale);
                assertTrue(Files.isRegularFile(file), file.toString());
            }
            holderWindow.language(locale);
            holderWindow.go("#/holder-custody");
            holderWindow.find(By.id("holder-custody-table"));
            assertTrue(Files.isRegularFile(holderWindow.screenshot("holder-custody-" + locale)));
        }
        assertEquals("待办队列", staffWindow.find(By.id("fx-nav-staff-queues")).getText());
        staffWindow.language("en");
        holderWindow.language("en");
        assertEquals(List.of(), staffWindow.consoleErrors());
    }

    /** One field of every element of an array, as numbers. */
    private static final class ApiLists {
        static List<Long> longs(JsonNode array, String field) {
            List<Long> values = new java.util.ArrayList<>();
            array.forEach(element -> values.add(element.path(field).asLong()));
            return values;
        }
    }
}
