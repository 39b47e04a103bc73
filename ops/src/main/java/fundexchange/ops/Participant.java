package fundexchange.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fundexchange.client.ClientResponse;
import fundexchange.client.ExchangeClient;
import fundexchange.signing.KeyMaterial;
import java.io.IOException;
import java.net.URI;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A participant driving the exchange over signed HTTP, with its key pair and a numbered clientRequestId series. Its
 * reads carry {@code minIndex} = the {@link JournalPosition} of its writes (its own, or one it shares with others), so
 * they see every write made before them.
 */
public final class Participant {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String id;
    private final ExchangeClient client;
    private final AtomicInteger requests;
    private final String requestPrefix;
    private final JournalPosition position;

    public Participant(URI exchange, String id, String keyId, KeyPair keys, Clock clock, String requestPrefix) {
        this(exchange, id, keyId, keys.getPrivate(), clock, requestPrefix);
    }

    /** A participant signing with {@code privateKey} alone (its algorithm read from the key), as the CLI does. */
    public Participant(URI exchange, String id, String keyId, PrivateKey privateKey, Clock clock, String requestPrefix) {
        this.id = id;
        this.requestPrefix = requestPrefix;
        this.client = new ExchangeClient(exchange, id, keyId, KeyMaterial.algorithmOf(privateKey), privateKey, clock);
        this.requests = new AtomicInteger();
        this.position = new JournalPosition();
    }

    private Participant(Participant participant, JournalPosition position) {
        this(participant, participant.client, position);
    }

    private Participant(Participant participant, ExchangeClient client, JournalPosition position) {
        this.id = participant.id;
        this.requestPrefix = participant.requestPrefix;
        this.client = client;
        this.requests = participant.requests;
        this.position = position;
    }

    /**
     * This participant, signing for {@code platformId} without asking the server ({@link ExchangeClient#pinnedTo}).
     *
     * @throws IllegalArgumentException if {@code platformId} breaks the platform id grammar
     */
    public Participant pinnedTo(String platformId) {
        return new Participant(this, client.pinnedTo(platformId), position);
    }

    /** This participant, its writes moving and its reads waiting for {@code shared}, a group's position. */
    public Participant sharing(JournalPosition shared) {
        return new Participant(this, shared);
    }

    /** The position this participant's reads wait for. */
    public JournalPosition position() {
        return position;
    }

    public String id() {
        return id;
    }

    /** The signed client this participant sends with, for its typed calls. */
    public ExchangeClient client() {
        return client;
    }

    /** A typed call of {@link #client()} (its reads with this participant's minIndex), as a reply. */
    public Reply call(Call call) {
        try {
            return Reply.of(noted(call.send(reading())));
        } catch (IOException e) {
            throw new IllegalStateException("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** One typed request of the client library. */
    @FunctionalInterface
    public interface Call {
        ClientResponse send(ExchangeClient client) throws IOException, InterruptedException;
    }

    /** Posts a command and returns the response; the status is left to the caller. */
    public Reply post(String path, String json) {
        return post(path, json, requestPrefix + "-" + id + "-" + requests.incrementAndGet());
    }

    public Reply post(String path, String json, String clientRequestId) {
        try {
            return Reply.of(noted(client.post(path, json, clientRequestId)));
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Sends any signed request, for callers that control the clientRequestId and the raw body. */
    public Reply send(String method, String path, byte[] body, String clientRequestId) {
        try {
            return Reply.of(noted(reading().send(method, path, body, clientRequestId)));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A signed GET whose body is not JSON (bundles, HTML reports). */
    public ClientResponse raw(String path) {
        try {
            return reading().get(path);
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public Reply get(String path) {
        try {
            return Reply.of(reading().get(path));
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The client whose reads carry this participant's position as minIndex (none before any write). */
    private ExchangeClient reading() {
        long index = position.index();
        return index == 0 ? client : client.withMinIndex(index);
    }

    private ClientResponse noted(ClientResponse response) {
        position.reached(response.journalIndex());
        return response;
    }

    /** An HTTP status, its JSON body, and a write's journal index (0 if the answer carries none). */
    public record Reply(int status, JsonNode body, long journalIndex) {
        static Reply of(ClientResponse response) {
            try {
                return new Reply(response.status(), response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body()),
                        response.journalIndex());
            } catch (IOException e) {
                throw new IllegalStateException("response is not JSON: " + response.body(), e);
            }
        }

        /** This reply, if its status is 200; otherwise an exception carrying the error. */
        public Reply ok() {
            if (status != 200) {
                throw new IllegalStateException("expected 200, got " + status + ": " + body);
            }
            return this;
        }

        public long sourceIndex() {
            return body.path("sourceIndex").asLong();
        }
    }
}
