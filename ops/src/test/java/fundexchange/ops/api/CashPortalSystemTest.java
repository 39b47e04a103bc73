package fundexchange.ops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.ops.portal.holder.HolderBrowser;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Issue 22's cash journey in Debian's Chromium against a real node: the settlement bank records a receipt for an
 * investor in its queue and the investor's Cash page shows the balance; the investor withdraws part of it, the
 * instruction reaches the bank's queue, the bank confirms it paid, and the investor's page shows it paid and nothing
 * locked. Both pages in both languages, with screenshots.
 */
@ServerTest
class CashPortalSystemTest {
    private static ApiMarket market;
    private static URI uri;
    private static Path files;
    private static KeyPair bankKeys;
    private static KeyPair investorKeys;
    private static fundexchange.ops.Participant bank;
    private static KeyPair staffKeys;
    private static KeyPair checkerKeys;
    private static KeyPair regulatorKeys;

    @SetUpServer
    static void server(WebServerConfig.Builder builder) {
        market = ApiMarket.start("cashportal");
        market.configure(builder);
    }

    @BeforeAll
    static void onboard(URI serverUri) throws IOException {
        uri = serverUri;
        market.onboard(serverUri);
        files = Files.createTempDirectory("cash-portal");
        bankKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        bank = market.newcomer(uri, "Bank-71", "BANK", false, bankKeys);
        investorKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        market.newcomer(uri, "Investor-71", "INVESTOR", true, investorKeys);
        market.fund("CP1", market.holder); // a CNY fund: cash is kept in the funds' currencies
        staffKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        market.newcomer(uri, "Staff-71", "STAFF", false, staffKeys);
        checkerKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        market.newcomer(uri, "Staff-72", "STAFF", false, checkerKeys);
        regulatorKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        market.newcomer(uri, "Regulator-71", "REGULATOR", false, regulatorKeys);
    }

    @AfterAll
    static void stop() throws IOException {
        market.close();
        try (Stream<Path> walk = Files.walk(files)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void theBankConfirmsAReceiptTheInvestorSeesItWithdrawsAndTheBankPays() {
        try (HolderBrowser b = browser("Bank-71", bankKeys); HolderBrowser i = browser("Investor-71", investorKeys)) {
            b.find(By.id("bank-page")); // the bank lands on its queue, not "My account"
            b.go("#/bank-queue");
            b.find(By.id("bank-queue-empty"));
            b.type(By.id("receipt-participant"), "Investor-71");
            b.type(By.id("receipt-amount"), "2500.00");
            b.type(By.id("receipt-reference"), "BR-PORTAL-1");
            b.click(By.id("receipt-submit"));
            b.awaitAttribute(By.id("cash-outcome"), "data-writes", "1");
            b.awaitAttribute(By.id("cash-outcome"), "data-state", "accepted");
            b.awaitText(By.cssSelector("#bank-receipts tr[data-reference='BR-PORTAL-1']"), "Investor-71");

            i.go("#/cash");
            i.awaitText(By.cssSelector("#cash-accounts tr[data-currency='CNY'] .fx-available"), "2,500.00");
            i.type(By.id("withdraw-amount"), "1000.00");
            i.click(By.id("withdraw-submit"));
            i.awaitAttribute(By.id("cash-outcome"), "data-state", "accepted");
            i.awaitText(By.cssSelector("#cash-accounts tr[data-currency='CNY'] .fx-locked"), "1,000.00");
            i.awaitText(By.cssSelector("#cash-accounts tr[data-currency='CNY'] .fx-available"), "1,500.00");
            i.find(By.cssSelector("#cash-instructions tr[data-status='PENDING']"));

            String instruction = shown(b, "bank-refresh", "#bank-queue tr[data-instruction]").getDomAttribute("data-instruction");
            assertTrue(b.find(By.cssSelector("#bank-queue tr[data-instruction]")).getText().contains("Investor-71"));
            b.screenshot("cash-bank-queue-en");
            b.type(By.id("ref-" + instruction), "BP-PORTAL-1");
            b.click(By.id("executed-" + instruction));
            b.awaitAttribute(By.id("cash-outcome"), "data-writes", "2");
            b.awaitAttribute(By.id("cash-outcome"), "data-state", "accepted");
            b.find(By.id("bank-queue-empty"));

            shown(i, "cash-refresh", "#cash-instructions tr[data-instruction='" + instruction + "'][data-status='EXECUTED']");
            i.awaitText(By.cssSelector("#cash-accounts tr[data-currency='CNY'] .fx-locked"), "0.00");
            assertEquals(List.of("CREDIT", "LOCK", "DEBIT_LOCKED"), i.driver().findElements(By.cssSelector("#cash-movements tr"))
                    .stream().map(row -> row.getDomAttribute("data-kind")).filter(kind -> kind != null).toList());
            i.screenshot("cash-investor-en");
            i.language("zh-CN");
            i.awaitText(By.cssSelector("#cash-page h1"), "资金");
            i.awaitText(By.cssSelector("#cash-instructions tr[data-status='EXECUTED']"), "已付款");
            i.screenshot("cash-investor-zh");
            b.language("zh-CN");
            b.awaitText(By.cssSelector("#bank-page h1"), "银行待办");
            b.screenshot("cash-bank-queue-zh");
            assertEquals(List.of(), b.consoleErrors());
            assertEquals(List.of(), i.consoleErrors());
        }
    }

    @Test
    void staffProposesAnAssignmentItsProposerIsBarredAnotherStaffApprovesAndRegulatorsGetNoForms() {
        String valueDate = java.time.LocalDate.ofInstant(market.clock().instant(), java.time.ZoneId.of("Asia/Shanghai"))
                .minusDays(1).toString();
        bank.post("/cash/unidentified-receipts", """
                {"currency":"CNY","amount":"80.00","bankReference":"BR-PORTAL-S","valueDate":"%s","remitter":"Demo Remitter Ltd"}"""
                .formatted(valueDate)).ok();
        market.staff1.post("/proposals", """
                {"action":{"type":"CorrectCash","currency":"CNY","from":{"kind":"PARTICIPANT","participantId":"Investor-71"},\
                "to":{"kind":"PARTICIPANT","participantId":"Holder-01"},"amount":"1.00","reason":"misposted transfer"}}""").ok();
        try (HolderBrowser maker = browser("Staff-71", staffKeys); HolderBrowser checker = browser("Staff-72", checkerKeys);
             HolderBrowser regulator = browser("Regulator-71", regulatorKeys)) {
            maker.go("#/cash-oversight");
            String row = "#suspense-receipts tr[data-reference='BR-PORTAL-S']";
            shown(maker, "oversight-refresh", row);
            maker.type(By.cssSelector(row + " input[id^='assign-to-']"), "Investor-71");
            maker.type(By.cssSelector(row + " input[id^='reason-']"), "remitter identified as Investor-71");
            maker.click(By.cssSelector(row + " button[id^='assign-']"));
            maker.awaitAttribute(By.id("cash-outcome"), "data-state", "accepted");
            // The correction shows both accounts and the amount in its currency to whoever approves it.
            String correction = maker.awaitText(By.cssSelector("#cash-proposals"), "Holder-01");
            assertTrue(correction.contains("Investor-71") && correction.contains("1.00"), correction);
            shown(maker, "oversight-refresh", "#cash-proposals span[data-bar='own']");
            assertEquals(List.of(), maker.driver().findElements(By.cssSelector("#cash-proposals tr button[id^='proposal-approve-']"))
                    .stream().filter(button -> button.findElement(By.xpath("./ancestor::tr")).getText().contains("BR-PORTAL-S"))
                    .toList());

            checker.go("#/cash-oversight");
            String approve = checker.await((WebDriver d) -> {
                java.util.Optional<org.openqa.selenium.WebElement> pending = d.findElements(By.cssSelector("#cash-proposals tr[data-proposal]"))
                        .stream().filter(tr -> tr.getText().contains("BR-PORTAL-S")).findFirst();
                if (pending.isPresent()) {
                    return pending.get().findElement(By.cssSelector("button[id^='proposal-approve-']")).getDomAttribute("id");
                }
                d.findElements(By.id("oversight-refresh")).stream().filter(org.openqa.selenium.WebElement::isEnabled)
                        .findFirst().ifPresent(org.openqa.selenium.WebElement::click);
                return null;
            });
            checker.click(By.id(approve));
            checker.awaitAttribute(By.id("cash-outcome"), "data-state", "accepted");
            shown(checker, "oversight-refresh", "#suspense-receipts-empty");

            regulator.go("#/cash-oversight");
            regulator.find(By.id("cash-oversight-page"));
            shown(regulator, "oversight-refresh", "#cash-proposals tr[data-proposal]");
            assertEquals(0, regulator.driver().findElements(By.cssSelector("#cash-oversight-page input")).size());
            assertEquals(0, regulator.driver().findElements(By.cssSelector("#cash-oversight-page button[id^='proposal-approve-']"))
                    .size());
            assertEquals(List.of(), maker.consoleErrors());
            assertEquals(List.of(), checker.consoleErrors());
            assertEquals(List.of(), regulator.consoleErrors());
        }
    }

    /**
     * The element {@code css} once the page shows it: the live stream brings it, or (where another's write is not yet
     * read) the page's refresh button reads again; a DOM condition, never a sleep.
     */
    private static org.openqa.selenium.WebElement shown(HolderBrowser browser, String refresh, String css) {
        return browser.await((WebDriver d) -> {
            List<org.openqa.selenium.WebElement> found = d.findElements(By.cssSelector(css));
            if (!found.isEmpty()) {
                return found.getFirst();
            }
            d.findElements(By.id(refresh)).stream().filter(org.openqa.selenium.WebElement::isEnabled).findFirst()
                    .ifPresent(org.openqa.selenium.WebElement::click);
            return null;
        });
    }

    private static HolderBrowser browser(String id, KeyPair keys) {
        return HolderBrowser.signedIn(uri.toString(), files, id, keys.getPrivate());
    }
}
