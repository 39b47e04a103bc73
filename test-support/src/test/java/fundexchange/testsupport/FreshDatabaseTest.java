package fundexchange.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FreshDatabaseTest {
    @RegisterExtension
    static final FreshDatabase DB = new FreshDatabase();

    @Test
    void givesEachTestClassAnEmptyDatabaseOnPostgres18OrTheConfiguredServer() throws Exception {
        try (Connection connection = DB.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery(
                     "select count(*) from information_schema.tables where table_schema = 'public'")) {
            tables.next();
            assertEquals(0, tables.getInt(1));
            ResultSet version = statement.executeQuery("show server_version_num");
            version.next();
            assertTrue(version.getInt(1) >= 150000, "server version " + version.getInt(1));
        }
    }

    @Test
    void parsesUserAndPasswordFromConfiguredUrl() {
        PostgresServer server = PostgresServer.fromUrl("jdbc:postgresql://db.example:6543/postgres?user=alice&password=s3");
        assertEquals(new PostgresServer(PostgresServer.URL_VARIABLE, "db.example", 6543, "alice", "s3"), server);
    }
}
