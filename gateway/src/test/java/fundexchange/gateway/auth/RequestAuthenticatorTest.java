package fundexchange.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.client.SignedHeaders;
import fundexchange.protocol.reference.Role;
import fundexchange.gateway.http.ApiException;
import fundexchange.gateway.view.TestKeyCaches;
import fundexchange.signing.CanonicalRequest;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.signing.Signatures;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a request costs the authenticator: one signature verification, good or bad, FXS2 or FXS1 (issue 13: a bad
 * signature used to be verified twice, once more as FXS1 to tell an old client apart). The verifier is counted.
 */
@ServerTest
class RequestAuthenticatorTest {
    private static final String PLATFORM = "exchange.example";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);
    private static final KeyPair KEYS = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private static final AtomicInteger VERIFICATIONS = new AtomicInteger();
    private static final RequestAuthenticator AUTHENTICATOR = new RequestAuthenticator(
            TestKeyCaches.with("Holder-01", Role.HOLDER, "Holder-01-k1", "ED25519", KEYS.getPublic()), CLOCK,
            () -> 300_000, PLATFORM, true, 16, (key, message, signature) -> {
                VERIFICATIONS.incrementAndGet();
                return RequestAuthenticator.Verifier.SIGNATURES.verifies(key, message, signature);
            });
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final URI uri;

    RequestAuthenticatorTest(URI uri) {
        this.uri = uri;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        routing.get("/feed", (request, response) -> {
            try {
                response.send("200 " + AUTHENTICATOR.authenticate(request, new byte[0], false).participantId());
            } catch (ApiException e) {
                response.status(Status.create(e.status())).send(e.status() + " " + e.code());
            }
        });
    }

    @BeforeEach
    void count() {
        VERIFICATIONS.set(0);
    }

    @Test
    void aGoodSignatureIsVerifiedOnce() throws Exception {
        assertEquals(List.of("200 Holder-01", 1), List.of(send(sign(fxs2("good-1"), KEYS)), VERIFICATIONS.get()));
    }

    @Test
    void aSignatureByAnotherKeyCostsOneVerification() throws Exception {
        KeyPair other = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        assertEquals(List.of("401 102", 1), List.of(send(sign(fxs2("forged-1"), other)), VERIFICATIONS.get()));
    }

    @Test
    void anFxs1SignatureCostsOneVerificationAndIsRefusedAsNotVerifying() throws Exception {
        CanonicalRequest fxs1 = CanonicalRequest.ofFxs1("GET", "/feed", null, "Holder-01", "Holder-01-k1",
                SignatureAlgorithm.ED25519, CLOCK.millis(), "fxs1-1", new byte[0]);
        assertEquals(List.of("401 102", 1), List.of(send(sign(fxs1, KEYS)), VERIFICATIONS.get()));
    }

    @Test
    void aRefusalBeforeTheSignatureCostsNoVerification() throws Exception {
        CanonicalRequest stale = CanonicalRequest.of(PLATFORM, "GET", "/feed", null, "Holder-01", "Holder-01-k1",
                SignatureAlgorithm.ED25519, CLOCK.millis() - 300_001, "stale-1", new byte[0]);
        assertEquals(List.of("401 105", 0), List.of(send(sign(stale, KEYS)), VERIFICATIONS.get()));
    }

    private static CanonicalRequest fxs2(String nonce) {
        return CanonicalRequest.of(PLATFORM, "GET", "/feed", null, "Holder-01", "Holder-01-k1",
                SignatureAlgorithm.ED25519, CLOCK.millis(), nonce, new byte[0]);
    }

    private record Signed(CanonicalRequest request, String signature) {
    }

    private static Signed sign(CanonicalRequest request, KeyPair keys) {
        return new Signed(request, Base64.getEncoder().encodeToString(
                Signatures.sign(SignatureAlgorithm.ED25519, keys.getPrivate(), request.bytes())));
    }

    private String send(Signed signed) throws IOException, InterruptedException {
        CanonicalRequest request = signed.request();
        HttpRequest http = HttpRequest.newBuilder(uri.resolve("/feed")).GET()
                .header(SignedHeaders.PARTICIPANT, request.participant())
                .header(SignedHeaders.KEY_ID, request.keyId())
                .header(SignedHeaders.ALGORITHM, request.algorithm().wireName())
                .header(SignedHeaders.TIMESTAMP, Long.toString(request.timestamp()))
                .header(SignedHeaders.CLIENT_REQUEST_ID, request.clientRequestId())
                .header(SignedHeaders.SIGNATURE, signed.signature())
                .build();
        return HTTP.send(http, HttpResponse.BodyHandlers.ofString()).body();
    }
}
