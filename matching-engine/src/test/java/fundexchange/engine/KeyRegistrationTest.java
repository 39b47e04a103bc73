package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.RegisterFirstKey;
import fundexchange.protocol.command.RegisterFund;
import fundexchange.protocol.command.RegisterParticipant;
import fundexchange.protocol.command.RevokeKey;
import fundexchange.protocol.command.RotateKey;
import fundexchange.protocol.event.KeyRegistered;
import fundexchange.protocol.event.KeyRevoked;
import fundexchange.protocol.event.ParticipantRegistered;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.reference.LegalForm;
import fundexchange.protocol.reference.ParticipantType;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.EventDocument;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CONTRACTS.md 3: keys are the engine's, so it alone decides that a key is what it says and whose it is. */
class KeyRegistrationTest {
    /** sm2p256v1's generator point G as an SM2 SubjectPublicKeyInfo: a valid point, so a valid SM2 public key. */
    private static final String SM2_PREFIX = "3059301306072a8648ce3d020106082a811ccf5501822d03420004";
    private static final String SM2_G_X = "32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7";
    private static final String SM2_G_Y = "bc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0";
    private static final String SM2_KEY = spki(SM2_PREFIX + SM2_G_X + SM2_G_Y);
    private static final String SM2_OFF_CURVE = spki(SM2_PREFIX + SM2_G_X + SM2_G_Y.replaceFirst("a0$", "a1"));

    private final Market m = new Market().participant("Holder-01", Role.HOLDER);

    @Test
    void theDeclaredAlgorithmMustMatchTheKeyBytes() {
        m.refused("Holder-01", new RotateKey("Holder-01-k2", "SM2-SM3", Scenario.key("Holder-01-k2")), RejectCode.KEY_ALGORITHM_MISMATCH);
        m.refused("Holder-01", new RotateKey("Holder-01-k2", "ED25519", SM2_KEY), RejectCode.KEY_ALGORITHM_MISMATCH);
        m.refused("Holder-01", new RotateKey("Holder-01-k2", "SM2-SM3", SM2_OFF_CURVE), RejectCode.KEY_ALGORITHM_MISMATCH);
        m.refused("Holder-01", new RotateKey("Holder-01-k2", "ED25519", Base64.getEncoder().encodeToString(new byte[44])),
                RejectCode.KEY_ALGORITHM_MISMATCH);
        m.refused("Holder-01", new RotateKey("Holder-01-k2", "ED25519", spki("302a300506032b6570032100" + "00".repeat(33))),
                RejectCode.KEY_ALGORITHM_MISMATCH);
        assertEquals(List.of(new KeyRegistered("Holder-01", "Holder-01-k2", "SM2-SM3", SM2_KEY)),
                m.ok("Holder-01", new RotateKey("Holder-01-k2", "SM2-SM3", SM2_KEY)).events());
    }

    @Test
    void keyIdsAreNamespacedByTheirOwnerAndUniqueIgnoringCase() {
        m.ok("Staff-01", new RegisterParticipant("Investor-08", "Demo Buyer Eight", ParticipantType.INSTITUTION, List.of(Role.INVESTOR)));
        m.refused("Holder-01", new RotateKey("Investor-08-k1", "ED25519", Scenario.key("Investor-08-k1")), RejectCode.KEY_ID_NOT_OWN);
        m.refused("Holder-01", new RotateKey("holder-01-k2", "ED25519", Scenario.key("holder-01-k2")), RejectCode.KEY_ID_NOT_OWN);
        m.refused("Holder-01", new RotateKey("Holder-01-", "ED25519", Scenario.key("Holder-01-")), RejectCode.KEY_ID_NOT_OWN);
        m.refused("Holder-01", new RotateKey("Holder-01-x-k2", "ED25519", Scenario.key("Holder-01-x-k2")), RejectCode.KEY_ID_NOT_OWN);
        m.refused("Holder-01", new RotateKey("Holder-01-K1", "ED25519", Scenario.key("Holder-01-K1")), RejectCode.KEY_ID_USED);
        m.refused("Staff-01", new Propose(new RegisterFirstKey("Investor-08", "Holder-01-k9", "ED25519", Scenario.key("Holder-01-k9"))),
                RejectCode.KEY_ID_NOT_OWN);
        m.approved(new RegisterFirstKey("Investor-08", "Investor-08-k1", "ED25519", Scenario.key("Investor-08-k1")));
    }

    @Test
    void aPublicKeyEverRegisteredIsNeverRegisteredAgainRevokedOrNot() {
        m.ok("Staff-01", new RegisterParticipant("Investor-08", "Demo Buyer Eight", ParticipantType.INSTITUTION, List.of(Role.INVESTOR)));
        String holderKey = Scenario.key("Holder-01-k1");
        m.refused("Staff-01", new Propose(new RegisterFirstKey("Investor-08", "Investor-08-k1", "ED25519", holderKey)),
                RejectCode.PUBLIC_KEY_USED);
        m.ok("Holder-01", new RotateKey("Holder-01-k2", "ED25519", Scenario.key("Holder-01-k2")));
        assertEquals(List.of(new KeyRevoked("Holder-01", "Holder-01-k1", "Holder-01")),
                m.ok("Holder-01", new RevokeKey("Holder-01-k1")).events());
        m.refused("Staff-01", new Propose(new RegisterFirstKey("Investor-08", "Investor-08-k1", "ED25519", holderKey)),
                RejectCode.PUBLIC_KEY_USED);
        for (String taken : List.of(holderKey, Scenario.KEY, Scenario.key("Staff-02-k1"))) {
            EventDocument doc = m.s.by("Holder-01", "Holder-01-k2", "rotate-" + taken.hashCode(),
                    new RotateKey("Holder-01-k3", "ED25519", taken));
            assertEquals(RejectCode.PUBLIC_KEY_USED.code(), doc.outcome().code(), doc.outcome().message());
            assertEquals(List.of(), doc.events());
        }
    }

    @Test
    void participantIdsAreUniqueIgnoringCaseAndNamesAreNfcWithoutControlOrBidiCharacters() {
        for (String id : List.of("holder-01", "HOLDER-01", "staff-02")) {
            m.refused("Staff-01", new RegisterParticipant(id, "Demo LP", ParticipantType.INSTITUTION, List.of(Role.HOLDER)),
                    RejectCode.PARTICIPANT_EXISTS);
        }
        for (String id : List.of("Holder 02", "-Holder-02", "Holder/02", "Ｈolder-02", "Holder-02\u202e")) {
            m.refused("Staff-01", new RegisterParticipant(id, "Demo LP", ParticipantType.INSTITUTION, List.of(Role.HOLDER)),
                    RejectCode.INVALID_FIELD);
        }
        for (String name : List.of("Demo \u202eLP", "Demo\u200fLP", "Demo\u0007LP", "Demo\nLP", "Demo\u2066LP", "   ")) {
            m.refused("Staff-01", new RegisterParticipant("Holder-02", name, ParticipantType.INSTITUTION, List.of(Role.HOLDER)),
                    RejectCode.INVALID_FIELD);
        }
        m.refused("Staff-01", new RegisterFund("DGF9", "Demo \u202eFund", "Demo Capital Management", "GROWTH", 2019, "CNY",
                LegalForm.PARTNERSHIP, CustodyMode.FULL, null, Price.of("1.5000"), "2026-09-30", Units.of("100.00"), false, null),
                RejectCode.INVALID_FIELD);
        assertEquals(List.of(new ParticipantRegistered("Holder-02", "演示有限合伙二号 Café", ParticipantType.INSTITUTION,
                        List.of(Role.HOLDER), false, null, null)),
                m.ok("Staff-01", new RegisterParticipant("Holder-02", "演示有限合伙二号 Café", ParticipantType.INSTITUTION,
                        List.of(Role.HOLDER))).events());
    }

    private static String spki(String hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }
}
