package fundexchange.protocol.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parameters in force listed by name, in the form a change takes them. */
class PlatformParametersTest {
    @Test
    void everyListedValueSetAgainLeavesTheParametersUnchanged() {
        PlatformParameters changed = PlatformParameters.DEFAULTS.with("anti-flip-business-days", "7")
                .with("qualified-institution-net-assets", "20000000.00").with("qualified-institutions-only", "true")
                .with("request-retention-ms", "900000").with("request-memory-capacity", "5000")
                .with("request-memory-participant-share-bp", "250").with("settlement-business-days", "3");
        for (PlatformParameters parameters : new PlatformParameters[] {PlatformParameters.DEFAULTS, changed}) {
            PlatformParameters again = parameters;
            for (Map.Entry<String, String> entry : parameters.values().entrySet()) {
                again = again.with(entry.getKey(), entry.getValue());
            }
            assertEquals(parameters, again);
        }
        assertEquals(20, changed.values().size(), "every parameter, the registry's and the request memory's, the proposal"
                + " expiry and the settlement business days included");
        assertEquals(new RequestParameters(900_000, 5_000, 250), changed.requests());
        assertEquals("7", changed.values().get("anti-flip-business-days"));
        assertEquals("20000000.00", changed.values().get("qualified-institution-net-assets"));
        assertEquals("3", changed.values().get("settlement-business-days"));
        assertEquals(3, changed.settlementBusinessDaysInForce());
    }

    @Test
    void settlementBusinessDaysDefaultToFiveAndTheDefaultIsKeptUnset() {
        assertEquals("5", PlatformParameters.DEFAULTS.values().get("settlement-business-days"));
        assertEquals(null, PlatformParameters.DEFAULTS.settlementBusinessDays(), "never set: states keep their hashes");
        assertEquals(PlatformParameters.DEFAULTS, PlatformParameters.DEFAULTS.with("settlement-business-days", "3")
                .with("settlement-business-days", "5"));
        PlatformParameters five = PlatformParameters.DEFAULTS.with("settlement-business-days", "5");
        assertEquals(java.util.List.of(PlatformParameters.DEFAULTS, PlatformParameters.DEFAULTS),
                java.util.List.of(five, new PlatformParameters(five.zone(), five.requestWindowMs(),
                        five.antiFlipBusinessDays(), five.settlementDeadlineMs(), five.auctionExtensionWindowMs(),
                        five.auctionExtensionMs(), five.matchTopK(), five.matchScanLimit(), five.registry(),
                        five.requests(), five.proposalExpiryMs(), 5)), "5 and never set are one state");
        assertEquals(250, PlatformParameters.DEFAULTS.with("settlement-business-days", "250").settlementBusinessDaysInForce());
        for (String refused : new String[] {"0", "251", "x", "05", "+3", "-1", " 3", "3 ", "1e2", "", "99999999999999999999"}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> PlatformParameters.DEFAULTS.with("settlement-business-days", refused), refused);
        }
    }
}
