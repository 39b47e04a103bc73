package fundexchange.gateway.metrics;

import fundexchange.gateway.auth.RequestAuthenticator;
import fundexchange.gateway.view.KnownKey;
import fundexchange.signing.SignatureAlgorithm;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Times each signature check into {@code exchange_signature_verification_duration_seconds{algorithm}}, one series per
 * algorithm registered up front ({@code ed25519}, {@code sm2}).
 */
public final class SignatureTimers implements RequestAuthenticator.Verifier {
    /** Bucket bounds: 25 µs to 25 ms (BouncyCastle verifies in about 115 µs on one core). */
    static final double[] BUCKETS = {0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025};
    private final RequestAuthenticator.Verifier verifier;
    /** By the algorithm's wire name, as a key of the cache names it. */
    private final Map<String, Timer> timers = new HashMap<>();

    /** Times {@code verifier}. */
    public SignatureTimers(RequestAuthenticator.Verifier verifier) {
        this.verifier = verifier;
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            timers.put(algorithm.wireName(), Histograms.timer("exchange_signature_verification_duration_seconds",
                    "time to verify one request signature, by algorithm", Histograms.seconds(BUCKETS),
                    Tag.create("algorithm", label(algorithm))));
        }
    }

    /** The label value of an algorithm: {@code ed25519} or {@code sm2}. */
    public static String label(SignatureAlgorithm algorithm) {
        return switch (algorithm) {
            case ED25519 -> "ed25519";
            case SM2_SM3 -> "sm2";
        };
    }

    @Override
    public boolean verifies(KnownKey key, byte[] message, byte[] signature) {
        long started = System.nanoTime();
        boolean verified = verifier.verifies(key, message, signature);
        Timer timer = timers.get(key.algorithm());
        if (timer != null) {
            timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
        return verified;
    }
}
