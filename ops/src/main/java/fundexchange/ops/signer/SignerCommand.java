package fundexchange.ops.signer;

import fundexchange.client.ExchangeClient;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.PlatformId;
import java.io.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.Locale;
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
    @Option(names = "--url", description = "the exchange, to learn its platform id (default: the portal origin); only"
            + " https or a loopback address, else give --platform-id")
    URI url;
    @Option(names = "--platform-id", description = "the platform id to sign for, instead of asking --url")
    String platformId;
    @Option(names = "--port", defaultValue = "8090", description = "port on 127.0.0.1, 0 for any (default: ${DEFAULT-VALUE})")
    int port;
    @Option(names = "--passphrase-file", description = "a file holding the key's passphrase (else it is asked on the terminal)")
    Path passphraseFile;

    @Override
    public void run() {
        if (!portalOrigin.matches("https?://[^/?#\\s]+")) {
            throw new IllegalArgumentException("--portal-origin must be scheme://host[:port], as the browser sends it, e.g."
                    + " http://localhost:8080");
        }
        URI exchange = url != null ? url : URI.create(portalOrigin);
        if (platformId == null) {
            requireTrustedPlatformSource(exchange);
        }
        PrivateKey key = SignerKeys.read(read(keyFile), this::passphrase);
        String id = keyId == null ? participant + "-k1" : keyId;
        String platform = platformId != null ? PlatformId.requireValid(platformId) : fetchPlatformId(exchange, key, id);
        SigningAgent agent = SigningAgent.start(new SigningAgent.Identity(participant, id, platform, portalOrigin), key,
                port, Confirmation.terminal(System.in, System.out), System.out, Clock.systemUTC());
        System.out.println("signing agent for " + participant + " (" + id + ", " + KeyMaterial.algorithmOf(key).wireName()
                + ") on http://127.0.0.1:" + agent.port() + ", answering only " + portalOrigin + ", platform " + platform);
        System.out.println("token for the portal / 门户令牌: " + agent.token());
        System.out.println("each request is shown here and signed only if you type the code its question shows;"
                + " Ctrl-C stops the agent / 每个请求都会在此显示，仅在您输入其提示中的确认码后签署");
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

    /**
     * Refuses to learn the platform id, which every signature is bound to, over a path a man in the middle could answer:
     * only https (the JDK's trust store) or plain http to a loopback address.
     *
     * @throws IllegalArgumentException otherwise, asking for {@code --platform-id}
     */
    static void requireTrustedPlatformSource(URI exchange) {
        String scheme = exchange.getScheme() == null ? "" : exchange.getScheme().toLowerCase(Locale.ROOT);
        String host = exchange.getHost() == null ? "" : exchange.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = host.equals("localhost") || host.equals("[::1]") || host.matches("127(\\.\\d{1,3}){3}");
        if (!(scheme.equals("https") || scheme.equals("http") && loopback)) {
            throw new IllegalArgumentException("the platform id would be read from " + exchange + " over an unauthenticated"
                    + " connection, where anyone on the path could choose which deployment your signatures are bound to:"
                    + " give --platform-id (shown by the exchange's operator), or an https --url / 请提供 --platform-id");
        }
    }

    private String fetchPlatformId(URI exchange, PrivateKey key, String id) {
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
