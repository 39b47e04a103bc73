package fundexchange.gateway.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fundexchange.gateway.auth.Caller;
import fundexchange.protocol.reference.Role;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The public notices of state-owned deals reach every participant but the settlement bank (issue 22). */
class StateOwnedNoticesTest {
    private static Caller caller(Role role) {
        return new Caller("P-1", Set.of(role), "P-1-k1", "ED25519", "c2ln", 0L, "req-1", "GET",
                "/state-owned/results", "", "", new byte[0], null);
    }

    @Test
    void theSettlementBankReadsNoDisclosuresOrResults() {
        ApiException refused = assertThrows(ApiException.class, () -> StateOwnedEndpoints.notBank(caller(Role.BANK)));
        assertEquals(403, refused.status());
        assertEquals(ApiError.FORBIDDEN.code(), refused.code());
        for (Role role : Set.of(Role.HOLDER, Role.INVESTOR, Role.MANAGER, Role.STAFF, Role.REGULATOR)) {
            assertDoesNotThrow(() -> StateOwnedEndpoints.notBank(caller(role)));
        }
    }
}
