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
                .with("request-memory-participant-share-bp", "250").with("settlement-business-days", "3")
                .with("registration-business-days", "7").with("fee-book-buyer-bps", "5")
                .with("fee-negotiated-minimum", "0.00")
                .with("market-data-k", "7")
                .with("bid-deposit-bp", "250");
        for (PlatformParameters parameters : new PlatformParameters[] {PlatformParameters.DEFAULTS, changed}) {
            PlatformParameters again = parameters;
            for (Map.Entry<String, String> entry : parameters.values().entrySet()) {
                again = again.with(entry.getKey(), entry.getValue());
            }
            assertEquals(parameters, again);
        }
        assertEquals(19 + 1 + 4 * 7 + 2, changed.values().size(), "every parameter, the registry's and the request"
                + " memory's, the proposal expiry, the settlement and registration business days, the fees, market-data k"
                + " and the bid deposit included");
        assertEquals(7, changed.marketDataKInForce());
        assertEquals(250, changed.bidDepositBasisPointsInForce());
        assertEquals(new RequestParameters(900_000, 5_000, 250), changed.requests());
        assertEquals("7", changed.values().get("anti-flip-business-days"));
        assertEquals("20000000.00", changed.values().get("qualified-institution-net-assets"));
        assertEquals("3", changed.values().get("settlement-business-days"));
        assertEquals(3, changed.settlementBusinessDaysInForce());
    }

    @Test
    void marketDataKDefaultsToThreeKeptUnsetAndTakesCanonicalDigitsFromThreeToAHundred() {
        assertEquals("3", PlatformParameters.DEFAULTS.values().get("market-data-k"));
        assertEquals(null, PlatformParameters.DEFAULTS.marketDataK(), "never set: states keep their hashes");
        assertEquals(PlatformParameters.DEFAULTS, PlatformParameters.DEFAULTS.with("market-data-k", "9")
                .with("market-data-k", "3"));
        assertEquals(100, PlatformParameters.DEFAULTS.with("market-data-k", "100").marketDataKInForce());
        for (String refused : new String[] {"0", "2", "101", "x", "05", "+3", "-3", " 3", "3 ", "1e2", ""}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> PlatformParameters.DEFAULTS.with("market-data-k", refused), refused);
        }
    }

    @Test
    void bidDepositDefaultsToNoneKeptUnsetAndTakesCanonicalBasisPointsUpToTheWholeValue() {
        assertEquals("0", PlatformParameters.DEFAULTS.values().get("bid-deposit-bp"));
        assertEquals(null, PlatformParameters.DEFAULTS.bidDepositBasisPoints(), "never set: states keep their hashes");
        assertEquals(PlatformParameters.DEFAULTS, PlatformParameters.DEFAULTS.with("bid-deposit-bp", "500")
                .with("bid-deposit-bp", "0"));
        PlatformParameters both = PlatformParameters.DEFAULTS.with("bid-deposit-bp", "10000").with("market-data-k", "5");
        assertEquals(10_000, both.bidDepositBasisPointsInForce());
        assertEquals(5, both.marketDataKInForce(), "one parameter leaves the other as it was");
        assertEquals(10_000, both.with("market-data-k", "3").bidDepositBasisPointsInForce());
        for (String refused : new String[] {"10001", "x", "05", "+3", "-1", " 3", "3 ", "1e2", ""}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> PlatformParameters.DEFAULTS.with("bid-deposit-bp", refused), refused);
        }
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
