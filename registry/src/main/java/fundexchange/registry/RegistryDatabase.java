package fundexchange.registry;

import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.Driver;
import org.postgresql.PGProperty;
import org.postgresql.ds.PGSimpleDataSource;

/** The registry's PostgreSQL database: its schema comes only from the Flyway scripts in {@code db/migration}. */
public final class RegistryDatabase {
    private RegistryDatabase() {
    }

    /** Applies every pending migration; safe to call on each start. */
    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** Seconds to open a connection. */
    static final int CONNECT_TIMEOUT_S = 10;
    /** Seconds any one read from the database may block; longer than any statement the exchange sends. */
    static final int SOCKET_TIMEOUT_S = 120;

    /**
     * A plain, unpooled data source (each call to getConnection opens a connection). Batched inserts are sent as
     * multi-row inserts ({@code reWriteBatchedInserts}), which the projector relies on for speed. A database that
     * vanishes without closing its connections (a network partition) while the exchange waits for an answer surfaces
     * as a connection failure after {@value #SOCKET_TIMEOUT_S} s (a blocked write waits for TCP's own retransmission
     * timeout), which the projector and the audit tailer retry, instead of a read that never returns; the URL's own
     * {@code connectTimeout}, {@code socketTimeout} or {@code tcpKeepAlive} win.
     */
    public static DataSource dataSource(String jdbcUrl, String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        Properties given = Optional.ofNullable(Driver.parseURL(jdbcUrl, null)).orElseGet(Properties::new);
        if (!given.containsKey(PGProperty.CONNECT_TIMEOUT.getName())) {
            dataSource.setConnectTimeout(CONNECT_TIMEOUT_S);
        }
        if (!given.containsKey(PGProperty.SOCKET_TIMEOUT.getName())) {
            dataSource.setSocketTimeout(SOCKET_TIMEOUT_S);
        }
        if (!given.containsKey(PGProperty.TCP_KEEP_ALIVE.getName())) {
            dataSource.setTcpKeepAlive(true);
        }
        dataSource.setReWriteBatchedInserts(true);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }
}
