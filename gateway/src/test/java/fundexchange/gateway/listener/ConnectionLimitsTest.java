package fundexchange.gateway.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fundexchange.gateway.GatewayConfig;
import java.time.Duration;
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
    }

    @Test
    void theManagementListenerKeepsTheTimeoutsWithItsOwnSmallCap() {
        ConnectionLimits management = ConnectionLimits.DEFAULTS.forManagement();
        assertEquals(new ConnectionLimits(ConnectionLimits.MANAGEMENT_CONNECTIONS, ConnectionLimits.DEFAULTS.idleTimeout(),
                ConnectionLimits.DEFAULTS.idlePeriod(), ConnectionLimits.DEFAULTS.readTimeout(),
                ConnectionLimits.DEFAULTS.maxPayloadBytes(), ConnectionLimits.DEFAULTS.maxPrologueBytes(),
                ConnectionLimits.DEFAULTS.maxHeaderBytes()), management);
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
