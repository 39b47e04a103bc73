package fundexchange.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.signing.CanonicalRequest;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.signing.Signatures;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A write answer's journal index, and reads that carry it back as a signed {@code minIndex}. */
class ReadYourWritesClientTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_795_000_000_000L), ZoneOffset.UTC);
    private static final KeyPair KEYS = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private static final String PLATFORM = "fx-read-your-writes";

    private static ExchangeClient client(RecordingServer server) {
        return new ExchangeClient(server.baseUri(), "Holder-01", "Holder-01-k1", SignatureAlgorithm.ED25519,
                KEYS.getPrivate(), CLOCK).pinnedTo(PLATFORM);
    }

    @Test
    void aWriteAnswerCarriesTheJournalIndexOfItsHeader() throws Exception {
        try (RecordingServer server = new RecordingServer(202, "{\"status\":\"PENDING\"}", Map.of("X-Journal-Index", "17"))) {
            assertEquals(new ClientResponse(202, "{\"status\":\"PENDING\"}", 17),
                    client(server).post("/listings", "{}", "req-1"));
        }
        try (RecordingServer server = new RecordingServer(200, "{}")) {
            assertEquals(0, client(server).holdings().journalIndex(), "a read carries none");
        }
    }

    @Test
    void readsWithMinIndexCarryItInTheSignedQueryAndWritesDoNot() throws Exception {
        try (RecordingServer server = new RecordingServer(200, "{}")) {
            ExchangeClient reading = client(server).withMinIndex(42);
            reading.listings("status=OPEN&limit=10");
            reading.holdings();
            reading.acceptListing(7, "req-2");
            client(server).holdings();
            List<RecordingServer.Received> received = server.received();
            assertEquals(Arrays.asList("status=OPEN&limit=10&minIndex=42", "minIndex=42", null, null),
                    received.stream().map(RecordingServer.Received::rawQuery).toList());
            for (RecordingServer.Received request : received) {
                assertTrue(verifies(request), request.method() + " " + request.rawPath() + "?" + request.rawQuery());
            }
        }
    }

    @Test
    void refusesANegativeMinIndex() {
        try (RecordingServer server = new RecordingServer(200, "{}")) {
            assertThrows(IllegalArgumentException.class, () -> client(server).withMinIndex(-1));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean verifies(RecordingServer.Received request) {
        CanonicalRequest canonical = CanonicalRequest.of(PLATFORM, request.method(), request.rawPath(), request.rawQuery(),
                request.header(SignedHeaders.PARTICIPANT), request.header(SignedHeaders.KEY_ID), SignatureAlgorithm.ED25519,
                Long.parseLong(request.header(SignedHeaders.TIMESTAMP)), request.header(SignedHeaders.CLIENT_REQUEST_ID),
                request.body());
        return Signatures.verify(SignatureAlgorithm.ED25519, KeyMaterial.spki(KEYS.getPublic()), canonical.bytes(),
                Base64.getDecoder().decode(request.header(SignedHeaders.SIGNATURE)));
    }
}
