package fundexchange.ops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fundexchange.ops.portal.PortalBrowser;
import fundexchange.ops.portal.PortalHttp;
import fundexchange.ops.portal.PortalKeyFiles;
import fundexchange.ops.portal.SigningDocument;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The portal's foundation in Debian's Chromium against a real node on the embedded PostgreSQL (issue 15): the signing
 * module reproduces docs/api-signing.md in the browser, a participant signs in with its key file (plain, or encrypted
 * and remembered on the device) and reads its own record through signed requests, the language switch persists, names
 * with markup stay text, and the portal's answers carry the documented security headers and nothing outside the
 * fingerprinted assets is served.
 */
@ServerTest
class PortalShellSystemTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBE = "<img src=x onerror=alert(1)>";
    private static ApiMarket market;
    private static URI uri;
    private static Path keyFiles;

    @SetUpServer
    static void server(WebServerConfig.Builder builder) {
        market = ApiMarket.start("portalshell");
        market.configure(builder);
    }

    @BeforeAll
    static void onboard(URI serverUri) throws IOException {
        uri = serverUri;
        market.onboard(serverUri);
        keyFiles = Files.createTempDirectory("portal-keys");
    }

    @AfterAll
    static void stop() throws IOException {
        market.close();
        try (var files = Files.walk(keyFiles)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** A participant onboarded by staff with a fresh Ed25519 key, its record readable (read with the cast's minIndex). */
    private static KeyPair newcomer(String id, String name, String role) {
        KeyPair keys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        market.script.onboard(id, name, role, keys, role.equals("INVESTOR"));
        assertEquals(name, market.staff1.get("/participants/" + id).ok().body().path("name").asText());
        return keys;
    }

    @Test
    void signingModuleReproducesTheWorkedExamplesOfTheSigningDocumentByteForByte() throws Exception {
        SigningDocument doc = SigningDocument.read();
        String ed = doc.section("Worked example: Ed25519");
        String sm2 = doc.section("Worked example: SM2-SM3");
        List<Map.Entry<String, String>> queries = doc.queryExamples();
        assertTrue(queries.size() >= 5, "query examples: " + queries);
        try (PortalBrowser browser = PortalBrowser.open(uri, "en-US")) {
            browser.load("/portal/test/signing.html").awaitText(By.id("state"), "ready");
            Object answer = browser.script("const done = arguments[arguments.length - 1];"
                    + "window.fxSigningExamples(JSON.parse(arguments[0])).then(r => done(JSON.stringify(r)),"
                    + " e => done(JSON.stringify({error: String(e)})));",
                    JSON.writeValueAsString(Map.of("examples", List.of(input(ed, true), input(sm2, false)),
                            "queries", queries.stream().map(Map.Entry::getKey).toList())));
            JsonNode results = JSON.readTree((String) answer);
            JsonNode edResult = results.path("examples").path(0);
            Map<String, String> edValues = SigningDocument.values(ed);
            assertEquals(List.of(SigningDocument.canonicalBlock(ed), edValues.get("canonical string length (bytes)"),
                            edValues.get("canonical string SHA-256"), edValues.get("body SHA-256"),
                            edValues.get("signature (hex)"), edValues.get("signature (Base64)")),
                    List.of(edResult.path("canonical").asText(), edResult.path("length").asText(),
                            edResult.path("sha256").asText(), edResult.path("bodySha256").asText(),
                            edResult.path("signatureHex").asText(), edResult.path("signatureBase64").asText()),
                    results.toString());
            JsonNode smResult = results.path("examples").path(1);
            Map<String, String> smValues = SigningDocument.values(sm2);
            assertEquals(List.of(SigningDocument.canonicalBlock(sm2), smValues.get("canonical string length (bytes)"),
                            smValues.get("canonical string SHA-256")),
                    List.of(smResult.path("canonical").asText(), smResult.path("length").asText(),
                            smResult.path("sha256").asText()));
            List<String> canonicalQueries = new ArrayList<>();
            results.path("queries").forEach(q -> canonicalQueries.add(q.asText()));
            assertEquals(queries.stream().map(Map.Entry::getValue).toList(), canonicalQueries);
            assertEquals(List.of(), browser.consoleErrors());
        }
    }

    @Test
    void signedFetchReadsItsOwnWriteThroughMinIndexAndRepairsAClockTenMinutesBehind() throws Exception {
        KeyPair keys = newcomer("Holder-35", "Demo Holder 35", "HOLDER");
        market.registerFund("PS35", false);
        market.staff1.post("/deposits", """
                {"fundCode":"PS35","holder":"Holder-35","units":"1000.00","cost":"1000.00"}""").ok();
        try (PortalBrowser browser = PortalBrowser.open(uri, "en-US")) {
            browser.load("/portal/test/signing.html").awaitText(By.id("state"), "ready");
            Map<String, Object> input = Map.of("privateKeyPem", KeyMaterial.privateKeyPem(keys.getPrivate()),
                    "participant", "Holder-35", "keyId", "Holder-35-k1", "skewMs", -600_000,
                    "write", Map.of("path", "/listings", "body", Map.of("fundCode", "PS35", "buyer", market.investor.id(),
                            "units", "100.00", "price", "1.2000")),
                    "read", "/listings/{id}");
            JsonNode result = JSON.readTree((String) browser.script("const done = arguments[arguments.length - 1];"
                    + "window.fxSignedRoundTrip(JSON.parse(arguments[0])).then(r => done(JSON.stringify(r)),"
                    + " e => done(JSON.stringify({error: String(e), code: e.code})));", JSON.writeValueAsString(input)));
            String index = result.path("journalIndex").asText();
            JsonNode listing = result.path("body");
            assertEquals(List.of("200", index, "/listings/" + listing.path("listingId").asText() + "?minIndex=" + index,
                            "PS35", "100.00", "1.2000", "PENDING_APPROVAL", "true"),
                    List.of(result.path("status").asText(), result.path("lastIndex").asText(),
                            result.path("readUrl").asText(), listing.path("fundCode").asText(),
                            listing.path("units").asText(), listing.path("price").asText(),
                            listing.path("status").asText(), result.path("offsetRepaired").asText()), result.toString());
            assertTrue(Long.parseLong(index) > 0, result.toString());
        }
    }

    @Test
    void amountsComeFromDecimalStringsExactlyTimesShowThePlatformZoneAndImpossibleTypedTimesAreRefused() throws Exception {
        try (PortalBrowser browser = PortalBrowser.open(uri, "en-US")) {
            JsonNode results = examples(browser, "format.html", "fxFormatExamples");
            assertEquals(JSON.readTree("""
                    {"en": {"money": "CN¥1,234,567.50", "huge": "92,233,720,368,547,758.07", "price": "1.2345",
                            "zero": "CN¥0.00", "negative": "-0.50", "percent": "12.34%", "smallPercent": "0.05%",
                            "time": "11/18/2026, 19:06:40 (Asia/Shanghai, GMT+08:00)", "date": "March 31, 2027",
                            "notDecimal": "1e3"},
                     "zh-CN": {"money": "¥1,234,567.50", "huge": "92,233,720,368,547,758.07", "price": "1.2345",
                               "zero": "¥0.00", "negative": "-0.50", "percent": "12.34%", "smallPercent": "0.05%",
                               "time": "2026/11/18 19:06:40 (Asia/Shanghai, GMT+08:00)", "date": "2027年3月31日",
                               "notDecimal": "1e3"},
                     "zoned": {"valid": 1794999960000, "roundTrip": "2026-11-18 19:06", "leapDay": 1835402400000,
                               "february31": null, "february29NotLeap": null, "april31": null, "month0": null,
                               "month13": null, "day0": null, "hour24": null, "minute60": null, "trailing": null,
                               "springForwardGap": null, "afterTheGap": 1805009400000,
                               "fallBackFirst": 1825565400000, "fallBackFirstEastOfUtc": 1824942600000,
                               "fallBackFirstSouthern": 1806766200000, "yearFifty": -60574996800000,
                               "yearOne": -62135625943000}}"""), results);
            assertEquals(List.of(), browser.consoleErrors());
        }
    }

    @Test
    void aPageReadsAgainOnlyForFeedEntriesThatConcernItAClockPageRedrawsOnTicksAndAWriteShowsItsOutcome() throws Exception {
        try (PortalBrowser browser = PortalBrowser.open(uri, "en-US")) {
            JsonNode results = examples(browser, "page.html", "fxPageExamples");
            long now = 1_795_000_000_000L;
            assertEquals(JSON.readTree("""
                    {"opened": ["last write"],
                     "feed": {"heartbeat": {"loads": [], "now": null}, "emptyTick": {"loads": [], "now": null},
                              "refusal": {"loads": [], "now": null}, "ownOutcome": {"loads": [], "now": null},
                              "tickThatClosedAnAuction": {"loads": ["9"], "now": null},
                              "event": {"loads": ["11"], "now": null},
                              "eventBelowTheLastWrite": {"loads": ["last write"], "now": null}},
                     "clock": {"heartbeat": {"loads": [], "now": %d}, "emptyTick": {"loads": [], "now": %d},
                               "event": {"loads": ["11"], "now": %d}},
                     "overlapping": ["20", "22"],
                     "outcomes": [["0", "", "", "", "", "status", ""],
                                  ["1", "accepted", "ok", "12", "", "status", "Accepted by the exchange (journal index 12). · listing 12"],
                                  ["2", "refused", "3001", "", "not enough available units", "alert",
                                   "%s Code 3001 · request portal-2 Server said: not enough available units"],
                                  ["3", "failed", "error", "", "", "alert", "the signing agent declined"]],
                     "colours": {"refused": "rgb(161, 38, 34)", "investorRefused": "rgb(161, 38, 34)"},
                     "writeDuringARead": {"beforeRelease": ["30"], "whenWriteResolved": ["30", "last write"]},
                     "pendingWrites": [
                       {"pending": ["1", "pending", "ok", "13", "", "status", "%s"],
                        "settled": ["2", "refused", "3001", "", "not enough available units", "alert",
                                    "%s Code 3001 · request portal-3 Server said: not enough available units"],
                        "loads": ["13"]},
                       {"pending": ["3", "pending", "ok", "14", "", "status", "%s"],
                        "settled": ["4", "accepted", "ok", "14", "", "status", "Accepted by the exchange (journal index 14). · listing 14"],
                        "loads": ["14"]}],
                     "recordsSearchDuringALiveRead": {"paths": ["/audit/records?limit=20", "/audit/records?fund=PS35&limit=20"],
                                                      "shown": "PS35", "pages": 1},
                     "termsFundSwitchDuringASlowRead": {"terms": ["/funds/CPA/transfer-terms", "/funds/CPB/transfer-terms"],
                                                        "beforeItsOwn": "nothing", "fund": "CPB", "shown": "Manager-B"},
                     "regulatorRelevance": {"report": ["refusal", "tickThatClosedAnAuction", "checkpoint"],
                                            "checkpointsMatching": ["checkpoint"],
                                            "checkpointsPending": ["refusal", "tickThatClosedAnAuction", "checkpoint"]},
                     "reports": []}""".formatted(now, now, now, NOT_ENOUGH_UNITS, pending(13), NOT_ENOUGH_UNITS,
                    pending(14))), results);
            assertEquals(List.of(), browser.consoleErrors());
        }
    }

    private static final String NOT_ENOUGH_UNITS =
            "Not enough available units (locked, pledged, frozen and unconfirmed units are not available).";

    private static String pending(int index) {
        return "Journaled at index %d; the decision is not in yet. This page reads again when it is.".formatted(index);
    }

    /** Opens the test page {@code page} and answers what its {@code window.<function>()} resolves to, as JSON. */
    private static JsonNode examples(PortalBrowser browser, String page, String function) throws IOException {
        browser.load("/portal/test/" + page).awaitText(By.id("state"), "ready");
        return JSON.readTree((String) browser.script("const done = arguments[arguments.length - 1];"
                + "window." + function + "().then(r => done(JSON.stringify(r)), e => done(String(e)));"));
    }

    /** The inputs of a worked example as the test page takes them; the PEM key only where the browser can sign. */
    private static Map<String, String> input(String section, boolean withKey) {
        Map<String, String> values = SigningDocument.values(section);
        Map<String, String> input = new LinkedHashMap<>();
        input.put("platformId", values.get("platform id"));
        input.put("method", values.get("method"));
        input.put("pathAndQuery", values.get("path and query"));
        input.put("participant", values.get("participant"));
        input.put("keyId", values.get("key id"));
        input.put("algorithm", values.get("algorithm"));
        input.put("timestamp", values.get("timestamp"));
        input.put("clientRequestId", values.get("clientRequestId"));
        input.put("body", values.get("body (UTF-8, no trailing newline)"));
        if (withKey) {
            input.put("privateKeyPem", SigningDocument.privateKeyPem(section).orElseThrow());
        }
        return input;
    }

    @Test
    void holderSignsInWithItsKeyFileAndReadsItsAccountInChineseAndEnglish() {
        KeyPair keys = newcomer("Holder-31", "Demo Holder 31", "HOLDER");
        Path keyFile = PortalKeyFiles.plain(keyFiles, "Holder-31-k1", keys.getPrivate());
        try (PortalBrowser browser = PortalBrowser.open(uri, "zh-CN")) {
            browser.load("/");
            browser.awaitText(By.cssSelector(".fx-signin h1"), "登录");
            browser.screenshot("signin-zh-CN");
            browser.await(By.id("signin-file")).sendKeys(keyFile.toAbsolutePath().toString());
            browser.await(ExpectedConditions.attributeToBe(By.id("signin-key-id"), "value", "Holder-31-k1"));
            assertEquals("Holder-31", browser.driver().findElement(By.id("signin-participant")).getDomProperty("value"),
                    "ids read from the file name");
            browser.await(By.id("signin-submit")).click();

            browser.awaitText(By.id("account-participant"), "Holder-31");
            List<String> account = texts(browser, "account-name", "account-type", "account-roles", "account-status",
                    "account-key-id", "fx-nav-account");
            assertEquals(List.of("Demo Holder 31", "机构", "份额持有人", "正常", "Holder-31-k1", "我的账户"), account);
            assertTrue(browser.driver().findElement(By.id("account-server-time")).getText().endsWith("(Asia/Shanghai, GMT+08:00)"));
            browser.screenshot("account-zh-CN");

            new Select(browser.driver().findElement(By.id("fx-language"))).selectByValue("en");
            browser.awaitText(By.id("fx-nav-account"), "My account");
            assertEquals(List.of("Institution", "Holder", "Active"),
                    texts(browser, "account-type", "account-roles", "account-status"));
            browser.screenshot("account-en");

            browser.driver().navigate().refresh();
            browser.awaitText(By.cssSelector(".fx-signin h1"), "Sign in");
            browser.screenshot("signin-en");
            assertEquals(List.of(), browser.consoleErrors());
            long scriptBytes = ((Number) browser.script("const done = arguments[arguments.length - 1];"
                    + "done(performance.getEntriesByType('resource').filter(r => r.initiatorType === 'script'"
                    + " || r.name.endsWith('.js')).reduce((sum, r) => sum + r.decodedBodySize, 0));")).longValue();
            assertTrue(scriptBytes > 10_000 && scriptBytes < 150_000, "JavaScript of the shell: " + scriptBytes + " bytes");
        }
    }

    @Test
    void investorSignsInWithAnEncryptedKeyRemembersItAndSignOutEndsEveryTab() throws Exception {
        KeyPair keys = newcomer("Investor-32", "Demo Investor 32", "INVESTOR");
        Path keyFile = PortalKeyFiles.encrypted(keyFiles, "Investor-32-k1", keys.getPrivate(), "correct horse");
        try (PortalBrowser browser = PortalBrowser.open(uri, "en-US")) {
            browser.load("/");
            browser.await(By.id("signin-file")).sendKeys(keyFile.toAbsolutePath().toString());
            browser.await(By.id("signin-passphrase")).sendKeys("wrong horse");
            browser.await(By.id("signin-submit")).click();
            browser.awaitText(By.id("signin-problem"), "The passphrase does not open this key.");

            browser.await(By.id("signin-passphrase")).clear();
            browser.await(By.id("signin-passphrase")).sendKeys("correct horse");
            browser.await(By.id("signin-remember")).click();
            browser.await(By.id("signin-device-passphrase")).sendKeys("device passphrase");
            browser.await(By.id("signin-submit")).click();
            browser.awaitText(By.id("account-participant"), "Investor-32");
            assertEquals(List.of("Investor", "Qualified investor"), texts(browser, "account-roles", "account-qualification"));
            browser.await(By.id("account-records"));
            assertEquals(JSON.readTree("""
                    {"fields": ["ciphertext", "id", "iterations", "iv", "keyId", "participant", "salt"],
                     "id": "Investor-32/Investor-32-k1", "iterations": 600000, "keyInClear": false,
                     "localStorage": []}"""),
                    JSON.readTree((String) browser.script(STORED_KEY, pkcs8(keys))), "only ciphertext is stored, nothing in localStorage (the language is stored only once chosen)");

            String first = browser.driver().getWindowHandle();
            browser.driver().switchTo().newWindow(WindowType.TAB);
            browser.load("/");
            browser.await(By.id("signin-unlock-0")).sendKeys("device passphrase");
            browser.await(By.cssSelector(".fx-remembered button")).click();
            browser.awaitText(By.id("account-participant"), "Investor-32");
            String second = browser.driver().getWindowHandle();

            browser.driver().switchTo().window(first);
            browser.await(By.id("fx-sign-out")).click();
            browser.await(By.id("signin-form"));
            browser.driver().switchTo().window(second);
            browser.await(By.id("signin-form"));
            assertEquals(List.of(), browser.driver().findElements(By.id("account-participant")));
            assertEquals(List.of(), browser.consoleErrors());
        }
    }

    /** What the portal stored on the device: the IndexedDB record's fields, and whether the PKCS#8 bytes appear. */
    private static final String STORED_KEY = """
            const [pkcs8, done] = [Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0)), arguments[1]];
            const open = indexedDB.open('fx-portal');
            open.onsuccess = () => {
              const all = open.result.transaction('keys').objectStore('keys').getAll();
              all.onsuccess = () => {
                const record = all.result[0];
                const bytes = new Uint8Array(record.ciphertext);
                const hex = b => Array.from(b, x => x.toString(16).padStart(2, '0')).join('');
                done(JSON.stringify({fields: Object.keys(record).sort(), id: record.id, iterations: record.iterations,
                  keyInClear: hex(bytes).includes(hex(pkcs8.slice(16))) || hex(bytes).includes(hex(pkcs8)),
                  localStorage: Object.keys(localStorage).sort()}));
              };
            };""";

    private static String pkcs8(KeyPair keys) {
        return KeyMaterial.privateKeyPem(keys.getPrivate()).replaceAll("-----[A-Z ]+-----|\\s", "");
    }

    @Test
    void aKeyFileOfAnotherParticipantIsRefusedWithTheReasonInTheUsersLanguage() {
        newcomer("Holder-33", "Demo Holder 33", "HOLDER");
        KeyPair stranger = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        Path keyFile = PortalKeyFiles.plain(keyFiles, "Holder-33-k1", stranger.getPrivate());
        try (PortalBrowser browser = PortalBrowser.open(uri, "zh-CN")) {
            browser.load("/");
            browser.await(By.id("signin-file")).sendKeys(keyFile.toAbsolutePath().toString());
            browser.await(By.id("signin-submit")).click();
            browser.await(By.id("fx-toast"));
            assertEquals("签名验证失败：该私钥文件可能不属于此参与者和密钥编号。",
                    browser.driver().findElement(By.cssSelector(".fx-toast-message")).getText());
            assertTrue(browser.driver().findElement(By.cssSelector(".fx-toast-code")).getText().startsWith("代码 102 · 请求 "));
            browser.screenshot("signin-refused-zh-CN");
            assertEquals(List.of(), browser.driver().findElements(By.id("account-participant")));
        }
    }

    @Test
    void aParticipantNamedWithMarkupIsShownAsTextAndNothingRuns() {
        KeyPair keys = newcomer("Holder-34", PROBE, "HOLDER");
        Path keyFile = PortalKeyFiles.plain(keyFiles, "Holder-34-k1", keys.getPrivate());
        try (PortalBrowser browser = PortalBrowser.open(uri, "en-US")) {
            browser.load("/");
            browser.await(By.id("signin-file")).sendKeys(keyFile.toAbsolutePath().toString());
            browser.await(By.id("signin-submit")).click();
            browser.awaitText(By.id("account-name"), PROBE);
            assertEquals(List.of(), browser.driver().findElements(By.cssSelector("fx-app img")));
            assertThrows(NoAlertPresentException.class, () -> browser.driver().switchTo().alert());
            assertEquals(List.of(), browser.consoleErrors());
            browser.screenshot("xss-probe-en");
        }
    }

    @Test
    void pagesCarryTheContentSecurityPolicyAndTheBrowserEnforcesTrustedTypes() throws Exception {
        PortalHttp.Answer index = new PortalHttp(uri).get("/");
        Matcher importMap = Pattern.compile("<script type=\"importmap\">(.*?)</script>").matcher(index.body());
        assertTrue(importMap.find(), index.body());
        String hash = Base64.getEncoder().encodeToString(sha256(importMap.group(1)));
        assertEquals("default-src 'none'; script-src 'self' 'sha256-" + hash + "'; style-src 'self'; img-src 'self' blob:; "
                + "font-src 'self'; connect-src 'self'; frame-src blob:; object-src 'none'; base-uri 'none'; form-action 'none'; "
                + "frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types lit-html default",
                index.header("Content-Security-Policy"));
        assertEquals(List.of(200, "text/html; charset=utf-8", "no-cache", "nosniff", "no-referrer", "DENY"),
                List.of(index.status(), index.header("Content-Type"), index.header("Cache-Control"),
                        index.header("X-Content-Type-Options"), index.header("Referrer-Policy"),
                        index.header("X-Frame-Options")));
        assertEquals(1, Pattern.compile("<script").matcher(index.body().replaceFirst("<script type=\"importmap\">", ""))
                .results().count(), "one script element besides the import map, and it has a src");

        try (PortalBrowser browser = PortalBrowser.open(uri, "en-US")) {
            browser.load("/");
            browser.await(By.id("signin-form"));
            Object sink = browser.script("const done = arguments[arguments.length - 1];"
                    + "try { document.body.insertAdjacentHTML('beforeend', '<b id=injected>x</b>'); done('assigned'); }"
                    + " catch (e) { done(e.name); }");
            assertEquals("TypeError", sink, "Trusted Types refuse a string at an HTML sink");
            Object policy = browser.script("const done = arguments[arguments.length - 1];"
                    + "try { trustedTypes.createPolicy('attacker', {createHTML: s => s}); done('created'); }"
                    + " catch (e) { done(e.name); }");
            assertEquals("TypeError", policy, "no policy outside the CSP's trusted-types list");
            Object fallback = browser.script("const done = arguments[arguments.length - 1];"
                    + "try { trustedTypes.createPolicy('default', {createHTML: s => s}); done('created'); }"
                    + " catch (e) { done(e.name + ' ' + (trustedTypes.defaultPolicy !== null)); }");
            assertEquals("TypeError true", fallback, "the portal's own default policy exists, so no script makes another");
            assertEquals(List.of(), browser.driver().findElements(By.id("injected")));
        }
    }

    @Test
    void assetsAreServedOnlyUnderTheirFingerprintedNamesAndNothingElseIsReachable() {
        PortalHttp http = new PortalHttp(uri);
        Matcher module = Pattern.compile("src=\"(/portal/app/main\\.[0-9a-f]{12}\\.js)\"").matcher(http.get("/").body());
        assertTrue(module.find());
        PortalHttp.Answer main = http.get(module.group(1));
        assertEquals(List.of(200, "text/javascript; charset=utf-8", "public, max-age=31536000, immutable", "nosniff"),
                List.of(main.status(), main.header("Content-Type"), main.header("Cache-Control"),
                        main.header("X-Content-Type-Options")));
        PortalHttp.Answer lit = http.get("/portal/vendor/lit-html/3.2.1/lit-html.js");
        assertEquals(List.of(200, "public, max-age=31536000, immutable"), List.of(lit.status(), lit.header("Cache-Control")));

        for (String target : List.of("/portal/app/main.js", "/portal/../pom.xml", "/portal/app/../../pom.xml",
                "/portal/%2e%2e/%2e%2e/pom.xml", "/portal/app/..%2f..%2fpom.xml", "/portal/..%5c..%5cpom.xml",
                "/portal/vendor/lit/3.2.1/package.json", "/portal/vendor/lit-html/3.2.1/development/lit-html.js",
                "/portal/fundexchange/gateway/openapi.yaml", "/portal/META-INF/MANIFEST.MF", "/portal/",
                "/portal/index.html/", "/..%2f..%2fetc%2fpasswd", "/portal/app/%00main.js")) {
            PortalHttp.Answer refused = http.get(target);
            JsonNode body = json(refused.body());
            assertTrue(refused.status() == 404 || refused.status() == 400, target + " answered " + refused.status());
            assertEquals(List.of(refused.status() == 404 ? 107 : 109, true, true), List.of(body.path("code").asInt(),
                    body.path("message").isTextual(), body.path("requestId").isTextual()), target + ": " + refused.body());
        }
        PortalHttp.Answer query = http.get(module.group(1) + "?v=1");
        assertEquals(List.of(400, 109), List.of(query.status(), json(query.body()).path("code").asInt()));
        PortalHttp.Answer post = http.send("POST", "/");
        assertEquals(List.of(405, 124, "GET"), List.of(post.status(), json(post.body()).path("code").asInt(),
                post.header("Allow")));
        PortalHttp.Answer postAsset = http.send("DELETE", module.group(1));
        assertEquals(List.of(405, 124), List.of(postAsset.status(), json(postAsset.body()).path("code").asInt()));
    }

    private static List<String> texts(PortalBrowser browser, String... ids) {
        List<String> texts = new ArrayList<>();
        for (String id : ids) {
            texts.add(browser.driver().findElement(By.id(id)).getText());
        }
        return texts;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static byte[] sha256(String text) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }
}
