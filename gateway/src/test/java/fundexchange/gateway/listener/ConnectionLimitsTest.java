package fundexchange.gateway.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fundexchange.gateway.GatewayConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Connection limits are validated when configured, and a cap the descriptor limit cannot hold is refused at start. */
class ConnectionLimitsTest {
    private static final Duration S = Duration.ofSeconds(1);

    @Test
    void refusesAZeroCapNonPositiveTimeoutsAndTinySizeLimits() {
        assertThrows(IllegalArgumentException.class, () -> new ConnectionLimits(0, S, S, S, 1, 4_096, 16_384));
        assertThrows(IllegalArgumentException.class, () -> new ConnectionLimits(1, Duration.ZERO, S, S, 1, 4_096, 16_384));
        assertThrows(IllegalArgumentException.class, () -> new ConnectionLimits(1, S, Duration.ofMillis(-1), S, 1, 4_096, 16_384));
        assertThrows(IllegalArgumentException.class, () -> new ConnectionLimits(1, S, S, Duration.ofDays(30), 1, 4_096, 16_384));
        assertThrows(IllegalArgumentException.class, () -> new ConnectionLimits(1, S, S, S, 0, 4_096, 16_384));
        assertThrows(IllegalArgumentException.class, () -> new ConnectionLimits(1, S, S, S, 1, 10, 16_384));
        assertThrows(IllegalArgumentException.class, () -> new ConnectionLimits(1, S, S, S, 1, 4_096, 10));
        ConnectionLimits limits = new ConnectionLimits(1, S, S, S, 1, 4_096, 16_384);
        assertThrows(IllegalArgumentException.class, () -> limits.withSlowClientLimits(0, S, S));
        assertThrows(IllegalArgumentException.class, () -> limits.withSlowClientLimits(1, Duration.ZERO, S));
        assertThrows(IllegalArgumentException.class, () -> limits.withSlowClientLimits(1, S, Duration.ofNanos(1)));
        assertThrows(IllegalArgumentException.class, () -> limits.withSlowClientLimits(1, S, Duration.ofDays(30)));
    }

    @Test
    void slowClientsAreBoundByDocumentedDefaults() {
        ConnectionLimits d = ConnectionLimits.DEFAULTS;
        assertEquals(List.of(64, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10)),
                List.of(d.maxPerAddress(), d.requestReadTimeout(), d.writeTimeout(), d.idleTimeout()));
        assertEquals(Duration.ofSeconds(20), d.helidonIdleTimeout(), "Helidon's idle check never cuts what these allow");
    }

    @Test
    void theManagementListenerKeepsTheTimeoutsWithItsOwnSmallCap() {
        ConnectionLimits management = ConnectionLimits.DEFAULTS.forManagement();
        assertEquals(new ConnectionLimits(ConnectionLimits.MANAGEMENT_CONNECTIONS, ConnectionLimits.DEFAULTS.idleTimeout(),
                ConnectionLimits.DEFAULTS.idlePeriod(), ConnectionLimits.DEFAULTS.readTimeout(),
                ConnectionLimits.DEFAULTS.maxPayloadBytes(), ConnectionLimits.DEFAULTS.maxPrologueBytes(),
                ConnectionLimits.DEFAULTS.maxHeaderBytes(), ConnectionLimits.MANAGEMENT_CONNECTIONS,
                ConnectionLimits.DEFAULTS.requestReadTimeout(), ConnectionLimits.DEFAULTS.writeTimeout()), management);
    }

    @Test
    void theManagementListenerBindsToLoopbackByDefaultOnAPortOfItsOwn() {
        assertEquals(GatewayConfig.LOOPBACK, GatewayConfig.DEFAULTS.managementAddress());
        assertEquals(ConnectionLimits.DEFAULTS, GatewayConfig.DEFAULTS.connections());
        assertThrows(IllegalArgumentException.class,
                () -> GatewayConfig.DEFAULTS.withPort(8080).withManagement(GatewayConfig.LOOPBACK, 8080));
    }

    @Test
    void aCapTheDescriptorLimitCannotHoldIsRefused() {
        long limit = FileDescriptors.limit().orElseThrow();
        assertThrows(IllegalStateException.class, () -> FileDescriptors.requireRoomFor(Math.toIntExact(
                Math.min(Integer.MAX_VALUE, limit))));
        FileDescriptors.requireRoomFor(Math.toIntExact(limit - FileDescriptors.RESERVE));
    }
}
