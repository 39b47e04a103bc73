package fundexchange.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class RegistryDatabaseTest {
    @Test
    void connectionsTimeOutByDefaultAndTheUrlsOwnSettingsWin() {
        PGSimpleDataSource plain = (PGSimpleDataSource) RegistryDatabase.dataSource(
                "jdbc:postgresql://db.internal:5432/fundexchange", "fx", "secret");
        assertEquals(List.of(RegistryDatabase.CONNECT_TIMEOUT_S, RegistryDatabase.SOCKET_TIMEOUT_S, 1),
                List.of(plain.getConnectTimeout(), plain.getSocketTimeout(), plain.getTcpKeepAlive() ? 1 : 0));
        PGSimpleDataSource tuned = (PGSimpleDataSource) RegistryDatabase.dataSource(
                "jdbc:postgresql://db.internal:5432/fundexchange?connectTimeout=3&socketTimeout=0&tcpKeepAlive=false",
                "fx", "secret");
        assertEquals(List.of(3, 0, 0),
                List.of(tuned.getConnectTimeout(), tuned.getSocketTimeout(), tuned.getTcpKeepAlive() ? 1 : 0));
        assertEquals(true, plain.getReWriteBatchedInserts() && tuned.getReWriteBatchedInserts());
    }
}
