package fundexchange.ops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.ops.EncryptedKeyFile;
import fundexchange.ops.KeyFiles;
import fundexchange.ops.portal.PortalBrowser;
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
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Key files as {@code exchange keys generate --encrypt} writes them, opened in Debian's Chromium against a real node:
 * for each PBES2 variant the CLI writes (PBKDF2-HMAC-SHA-256 with AES-256-CBC, and with AES-256-GCM), a wrong
 * passphrase is refused with a clear reason in the user's language and the right one imports an Ed25519 key that
 * signs the sign-in's read of the participant's own record, which the gateway accepts.
 */
@ServerTest
class EncryptedKeyImportSystemTest {
    private static final String PASSPHRASE = "correct horse battery";
    private static ApiMarket market;
    private static URI uri;
    private static Path keyFiles;

    @SetUpServer
    static void server(WebServerConfig.Builder builder) {
        market = ApiMarket.start("encryptedkeys");
        market.configure(builder);
    }

    @BeforeAll
    static void onboard(URI serverUri) throws IOException {
        uri = serverUri;
        market.onboard(serverUri);
        keyFiles = Files.createTempDirectory("encrypted-keys");
    }

    @AfterAll
    static void stop() throws IOException {
        market.close();
        try (Stream<Path> files = Files.walk(keyFiles)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** A holder onboarded with the key {@code exchange keys generate --encrypt <cipher>} wrote as {@code <id>-k1.key.pem}. */
    private static Path holderWithEncryptedKey(String id, EncryptedKeyFile.Cipher256 cipher) {
        KeyPair keys = KeyFiles.generateEncrypted(keyFiles, id + "-k1", SignatureAlgorithm.ED25519, cipher,
                PASSPHRASE.toCharArray());
        market.newcomer(uri, id, "HOLDER", false, keys);
        return keyFiles.resolve(id + "-k1.key.pem");
    }

    @Test
    void eachPbes2VariantTheCliWritesOpensWithItsPassphraseOnlyAndItsKeySignsARequestTheGatewayAccepts() throws IOException {
        Path cbc = holderWithEncryptedKey("Holder-61", EncryptedKeyFile.Cipher256.AES_256_CBC);
        Path gcm = holderWithEncryptedKey("Holder-62", EncryptedKeyFile.Cipher256.AES_256_GCM);
        assertEquals(List.of("-----BEGIN ENCRYPTED PRIVATE KEY-----", "-----BEGIN ENCRYPTED PRIVATE KEY-----"),
                List.of(Files.readAllLines(cbc).get(0), Files.readAllLines(gcm).get(0)));
        try (PortalBrowser browser = PortalBrowser.open(uri, "en-US")) {
            signIn(browser, cbc, "Holder-61", "The passphrase does not open this key.");
            browser.await(By.id("fx-sign-out")).click();
            browser.await(By.id("signin-form"));
            signIn(browser, gcm, "Holder-62", "The passphrase does not open this key.");
            browser.await(By.id("fx-sign-out")).click();
            browser.await(By.id("signin-form"));
            assertEquals(List.of(), browser.consoleErrors().stream()
                    .filter(line -> !line.contains("Failed to load resource")).toList());
        }
        try (PortalBrowser browser = PortalBrowser.open(uri, "zh-CN")) {
            signIn(browser, gcm, "Holder-62", "口令无法打开此私钥。");
        }
    }

    /**
     * Opens {@code keyFile}, is refused with {@code wrongPassphraseMessage} for a wrong passphrase, then signs in with
     * the right one: the account page shows the participant's record, read with a request the key signed.
     */
    private static void signIn(PortalBrowser browser, Path keyFile, String participant, String wrongPassphraseMessage) {
        browser.load("/");
        browser.await(By.id("signin-file")).sendKeys(keyFile.toAbsolutePath().toString());
        browser.await(ExpectedConditions.attributeToBe(By.id("signin-key-id"), "value", participant + "-k1"));
        browser.await(By.id("signin-passphrase")).sendKeys("wrong horse battery");
        browser.await(By.id("signin-submit")).click();
        browser.awaitText(By.id("signin-problem"), wrongPassphraseMessage);
        assertTrue(browser.driver().findElements(By.id("account-participant")).isEmpty());
        browser.await(By.id("signin-passphrase")).clear();
        browser.await(By.id("signin-passphrase")).sendKeys(PASSPHRASE);
        browser.await(By.id("signin-submit")).click();
        browser.awaitText(By.id("account-participant"), participant);
    }
}
