package fundexchange.ops.signer;

import fundexchange.client.ExchangeClient;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.PlatformId;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code exchange signer}: runs the local signing agent ({@link SigningAgent}) for a participant whose key the browser
 * cannot use, until stopped (docs/portal.md, "SM2 users").
 */
@Command(name = "signer", description = "Runs a local signing agent (127.0.0.1 only) that signs the portal's requests"
        + " with your key after you confirm each one on this terminal (SM2 users).")
public final class SignerCommand implements Runnable {
    @Option(names = "--key", required = true, description = "your private key, PKCS#8 PEM (plain or passphrase-encrypted)")
    Path keyFile;
    @Option(names = "--participant", required = true, description = "your participant id")
    String participant;
    @Option(names = "--key-id", description = "the key's id (default: <participant>-k1)")
    String keyId;
    @Option(names = "--portal-origin", defaultValue = "http://localhost:8080",
            description = "the only origin the agent answers, exactly as the browser sends it (default: ${DEFAULT-VALUE})")
    String portalOrigin;
    @Option(names = "--url", description = "the exchange, to learn its platform id (default: the portal origin)")
    URI url;
    @Option(names = "--platform-id", description = "the platform id to sign for, instead of asking --url")
    String platformId;
    @Option(names = "--port", defaultValue = "8090", description = "port on 127.0.0.1, 0 for any (default: ${DEFAULT-VALUE})")
    int port;
    @Option(names = "--passphrase-file", description = "a file holding the key's passphrase (else it is asked on the terminal)")
    Path passphraseFile;

    @Override
    public void run() {
        PrivateKey key = SignerKeys.read(read(keyFile), this::passphrase);
        String id = keyId == null ? participant + "-k1" : keyId;
        if (!portalOrigin.matches("https?://[^/?#\\s]+")) {
            throw new IllegalArgumentException("--portal-origin must be scheme://host[:port], as the browser sends it, e.g."
                    + " http://localhost:8080");
        }
        String platform = platformId != null ? PlatformId.requireValid(platformId) : fetchPlatformId(key, id);
        SigningAgent agent = SigningAgent.start(new SigningAgent.Identity(participant, id, platform, portalOrigin), key,
                port, Confirmation.terminal(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                        System.out), System.out, Clock.systemUTC());
        System.out.println("signing agent for " + participant + " (" + id + ", " + KeyMaterial.algorithmOf(key).wireName()
                + ") on http://127.0.0.1:" + agent.port() + ", answering only " + portalOrigin + ", platform " + platform);
        System.out.println("token for the portal / 门户令牌: " + agent.token());
        System.out.println("each request is shown here and signed only if you answer y; Ctrl-C stops the agent"
                + " / 每个请求都会在此显示，仅在您回答 y 后签署");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agent.close();
            stopped.countDown();
        }, "signer-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String fetchPlatformId(PrivateKey key, String id) {
        URI exchange = url != null ? url : URI.create(portalOrigin);
        try {
            return new ExchangeClient(exchange, participant, id, KeyMaterial.algorithmOf(key), key, Clock.systemUTC())
                    .platformId();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the platform id from " + exchange + "/exchange; give --platform-id", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private char[] passphrase() {
        if (passphraseFile != null) {
            return read(passphraseFile).strip().toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new IllegalStateException("the key is encrypted: give --passphrase-file, or run the agent on a terminal");
        }
        return console.readPassword("passphrase of %s / 密钥口令: ", keyFile);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
