package fundexchange.registry;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
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

    /**
     * A plain, unpooled data source (each call to getConnection opens a connection). Batched inserts are sent as
     * multi-row inserts ({@code reWriteBatchedInserts}), which the projector relies on for speed.
     */
    public static DataSource dataSource(String jdbcUrl, String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setReWriteBatchedInserts(true);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }
}
