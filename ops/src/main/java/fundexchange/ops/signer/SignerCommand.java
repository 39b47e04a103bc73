package fundexchange.ops.signer;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.DateTimeException;
import java.time.ZoneId;
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
    private static final ObjectMapper JSON = new ObjectMapper();

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
    @Option(names = "--zone", description = "the platform's time zone, in which requests' times are shown (default: the"
            + " exchange's, read with its platform id; with --platform-id, this computer's zone)")
    String zone;
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
        ZoneId shownZone = zone == null ? null : zoneOf(zone);
        String platform;
        if (platformId != null) {
            platform = PlatformId.requireValid(platformId);
        } else {
            ExchangeClient client = client(exchange, key, id);
            platform = fetchPlatformId(exchange, client);
            if (shownZone == null) {
                shownZone = fetchZone(exchange, client);
            }
        }
        SigningAgent agent = SigningAgent.start(new SigningAgent.Identity(participant, id, platform, portalOrigin), key,
                port, Confirmation.terminal(System.in, System.out), System.out,
                Clock.system(shownZone == null ? ZoneId.systemDefault() : shownZone));
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

    private ExchangeClient client(URI exchange, PrivateKey key, String id) {
        return new ExchangeClient(exchange, participant, id, KeyMaterial.algorithmOf(key), key, Clock.systemUTC());
    }

    /** A zone id as {@link ZoneId#of} reads it, or a message naming the option. */
    static ZoneId zoneOf(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--zone " + id + " is not a time zone id such as Asia/Shanghai / 时区无效");
        }
    }

    /** The exchange's zone from {@code GET /exchange}: display only, so a missing or odd one falls back to this computer's. */
    private static ZoneId fetchZone(URI exchange, ExchangeClient client) {
        try {
            String id = JSON.readTree(client.exchange().body()).path("zone").asText("");
            return id.isEmpty() ? null : zoneOf(id);
        } catch (IOException | IllegalArgumentException e) {
            System.out.println("could not read the platform zone from " + exchange + "; times are shown in this computer's"
                    + " zone / 无法读取平台时区");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private String fetchPlatformId(URI exchange, ExchangeClient client) {
        try {
            return client.platformId();
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
