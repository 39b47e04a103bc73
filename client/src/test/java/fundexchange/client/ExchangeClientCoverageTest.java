package fundexchange.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.listing.ClockTerms;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The client library has a typed method for every operation of {@code docs/openapi.yaml}, and none of its own. */
class ExchangeClientCoverageTest {
    /** Generic requests, the platform id, and {@code withMinIndex}, which sends nothing. */
    private static final Set<String> GENERIC = Set.of("post", "get", "send", "pinnedTo", "platformId", "withMinIndex");
    /** Pages for people, not operations: the interactive API docs a browser opens. */
    private static final Set<String> PAGES = Set.of("GET /docs");
    private static final Pattern PATH = Pattern.compile("^  (/\\S*):$");
    private static final Pattern METHOD = Pattern.compile("^    (get|post|put|delete):");

    /** "METHOD /path/{template}" of every documented operation. */
    private static Set<String> documented() throws Exception {
        Set<String> operations = new TreeSet<>();
        String path = null;
        for (String line : Files.readAllLines(Path.of("..", "docs", "openapi.yaml"))) {
            Matcher p = PATH.matcher(line);
            Matcher m = METHOD.matcher(line);
            if (p.matches()) {
                path = p.group(1);
            } else if (m.find() && path != null) {
                operations.add(m.group(1).toUpperCase(Locale.ROOT) + " " + path);
            } else if (!line.startsWith(" ") && !line.isEmpty()) {
                path = null;
            }
        }
        operations.removeAll(PAGES);
        return operations;
    }

    private static Object sample(Class<?> type) {
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == int.class) {
            return 1;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == String.class) {
            return "1";
        }
        if (type == List.class) {
            return List.of("1");
        }
        if (type == Optional.class) {
            return Optional.empty();
        }
        if (type == byte[].class) {
            return new byte[] {'%', 'P', 'D', 'F'};
        }
        if (type == SignatureAlgorithm.class) {
            return SignatureAlgorithm.ED25519;
        }
        if (type == AuctionListing.class) {
            return AuctionListing.sealed("F1", "1.00", "1.0000", 1, 2);
        }
        if (type == ListingMechanism.BidTerms.class) {
            return new ClockTerms.ClockBid(0);
        }
        if (type == SealedBidBody.class) {
            return SealedBidBody.random("1.0000");
        }
        throw new IllegalArgumentException("no sample " + type);
    }

    @Test
    void everyDocumentedOperationHasAClientMethod() throws Exception {
        Set<String> documented = documented();
        Set<String> called = new TreeSet<>();
        KeyPair pair = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        try (RecordingServer server = new RecordingServer(200, "{}")) {
            ExchangeClient client = new ExchangeClient(server.baseUri(), "Staff-01", "Staff-01-k1",
                    SignatureAlgorithm.ED25519, pair.getPrivate(), Clock.systemUTC()).pinnedTo("fx-test");
            for (Method method : ExchangeClient.class.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())
                        || GENERIC.contains(method.getName())) {
                    continue;
                }
                Object[] arguments = java.util.Arrays.stream(method.getParameterTypes())
                        .map(ExchangeClientCoverageTest::sample).toArray();
                int before = server.received().size();
                method.invoke(client, arguments);
                RecordingServer.Received request = server.received().get(before);
                called.add(operation(documented, request.method(), request.rawPath(), method.getName()));
            }
        }
        assertEquals(documented, called);
    }

    /** The documented operation a request hits; a request matching none fails the test. */
    private static String operation(Set<String> documented, String method, String rawPath, String name) {
        return documented.stream()
                .filter(op -> op.startsWith(method + " "))
                .filter(op -> rawPath.matches(op.substring(method.length() + 1).replaceAll("\\{[^}]+}", "[^/]+")))
                .min(java.util.Comparator.comparing(op -> op.contains("{")))
                .orElseThrow(() -> new AssertionError(name + " sends " + method + " " + rawPath + ", which is not documented"));
    }
}
