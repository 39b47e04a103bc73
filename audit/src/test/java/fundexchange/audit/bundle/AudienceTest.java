package fundexchange.audit.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fundexchange.protocol.command.Genesis;
import fundexchange.protocol.SignedRequest;
import fundexchange.signing.CanonicalRequest;
import fundexchange.signing.PlatformId;
import fundexchange.signing.SignatureAlgorithm;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which canonical string the verifier rebuilds for a journaled request, by its scheme and the genesis. */
class AudienceTest {
    private static final byte[] EXCHANGE_SPKI = HexFormat.of().parseHex(
            "302a300506032b6570032100d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    private static final String EXCHANGE_KEY = Base64.getEncoder().encodeToString(EXCHANGE_SPKI);

    private static Genesis genesis(String platformId) {
        return new Genesis("exchange-k1", "ED25519", EXCHANGE_KEY, List.of(), platformId, 2);
    }

    private static SignedRequest request(String scheme) {
        return new SignedRequest("Holder-01", "Holder-01-k1", "ED25519", "c2ln", 1_795_000_000_000L, "req-1", "POST",
                "/listings", "", CanonicalRequest.sha256Hex("{}".getBytes()), "{}", scheme);
    }

    private static CanonicalRequest expected(String platformId) {
        return CanonicalRequest.of(platformId, "POST", "/listings", "", "Holder-01", "Holder-01-k1",
                SignatureAlgorithm.ED25519, 1_795_000_000_000L, "req-1", "{}".getBytes());
    }

    @Test
    void aGenesisWithAPlatformIdAdmitsOnlyFxs2BoundToIt() throws BrokenBundle {
        Audience audience = Audience.of(1, genesis("exchange.example"));
        assertEquals(expected("exchange.example"), audience.canonical(2, request("FXS2"), SignatureAlgorithm.ED25519));
        BrokenBundle fxs1 = assertThrows(BrokenBundle.class,
                () -> audience.canonical(3, request(null), SignatureAlgorithm.ED25519));
        assertEquals(new Problem(3, "a request signed under FXS1 in a journal whose genesis binds every signature to"
                + " platform exchange.example (FXS2)"), fxs1.problem());
    }

    @Test
    void aGenesisBeforePlatformIdsAdmitsFxs1ThenFxs2BoundToTheDerivedIdAndNeverFxs1Again() throws BrokenBundle {
        Audience audience = Audience.of(1, genesis(null));
        assertEquals(expected("exchange.example").asFxs1(),
                audience.canonical(2, request(null), SignatureAlgorithm.ED25519));
        assertEquals(expected(PlatformId.derivedFrom(EXCHANGE_SPKI)),
                audience.canonical(5, request("FXS2"), SignatureAlgorithm.ED25519));
        BrokenBundle fxs1 = assertThrows(BrokenBundle.class,
                () -> audience.canonical(6, request(null), SignatureAlgorithm.ED25519));
        assertEquals(new Problem(6, "a request signed under FXS1 after FXS2 began at index 5"), fxs1.problem());
    }

    @Test
    void aGenesisWithNeitherPlatformIdNorExchangeKeyBreaksTheBundleAtIndexOne() {
        BrokenBundle broken = assertThrows(BrokenBundle.class,
                () -> Audience.of(1, new Genesis("exchange-k1", "ED25519", null, List.of(), null, 2)));
        assertEquals(new Problem(1, "the genesis names no usable platform id: exchange key"), broken.problem());
    }

    @Test
    void anUnknownSchemeAndAMalformedPlatformIdBreakTheBundle() throws BrokenBundle {
        BrokenBundle unknown = assertThrows(BrokenBundle.class,
                () -> Audience.of(1, genesis(null)).canonical(2, request("FXS9"), SignatureAlgorithm.ED25519));
        assertEquals(new Problem(2, "unknown signing scheme: FXS9"), unknown.problem());
        BrokenBundle malformed = assertThrows(BrokenBundle.class, () -> Audience.of(1, genesis("Not_Valid")));
        assertEquals(1, malformed.problem().index());
    }
}
