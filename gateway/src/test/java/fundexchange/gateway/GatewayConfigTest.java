package fundexchange.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The benchmark-only unsigned mode exists only on a loopback address. */
class GatewayConfigTest {
    @Test
    void unsignedBenchRefusesANonLoopbackBindAddress() {
        for (String address : new String[] {"0.0.0.0", "10.1.2.3", "192.168.0.7", "::", "no-such-host.invalid"}) {
            GatewayConfig bound = GatewayConfig.DEFAULTS.withPort(0).withBindAddress(address);
            assertThrows(IllegalArgumentException.class, bound::withUnsignedBench, address);
            assertThrows(IllegalArgumentException.class,
                    () -> new GatewayConfig(0, 300_000, 5_000, 65_536, address, true), address);
        }
        assertThrows(IllegalArgumentException.class, () -> GatewayConfig.DEFAULTS.withUnsignedBench(),
                "the default bind address is every interface");
    }

    @Test
    void unsignedBenchIsAcceptedOnLoopbackOnlyAndOffByDefault() {
        assertFalse(GatewayConfig.DEFAULTS.unsignedBench());
        assertEquals(GatewayConfig.ALL_INTERFACES, GatewayConfig.DEFAULTS.bindAddress());
        for (String address : new String[] {"127.0.0.1", "::1", "localhost"}) {
            assertTrue(GatewayConfig.DEFAULTS.withBindAddress(address).withUnsignedBench().unsignedBench(), address);
        }
        GatewayConfig unsigned = GatewayConfig.DEFAULTS.withBindAddress("127.0.0.1").withUnsignedBench();
        assertThrows(IllegalArgumentException.class, () -> unsigned.withBindAddress("0.0.0.0"),
                "moving an unsigned configuration off loopback is refused too");
    }
}
