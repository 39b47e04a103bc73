package fundexchange.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/** GB/T 32918.2-2016 Annex A.2: SM2 signature over the Fp-256 test curve with a fixed k. */
class Sm2StandardVectorTest {

    private static final BigInteger P = hex("8542D69E4C044F18E8B92435BF6FF7DE457283915C45517D722EDB8B08F1DFC3");
    private static final BigInteger A = hex("787968B4FA32C3FD2417842E73BBFEFF2F3C848B6831D7E0EC65228B3937E498");
    private static final BigInteger B = hex("63E4C6D3B23B0C849CF84241484BFE48F61D59A5B16BA06E6E12D1DA27C5249A");
    private static final BigInteger N = hex("8542D69E4C044F18E8B92435BF6FF7DD297720630485628D5AE74EE7C32E79B7");
    private static final BigInteger GX = hex("421DEBD61B62EAB6746434EBC3CC315E32220B3BADD50BDC4C4E6C147FEDD43D");
    private static final BigInteger GY = hex("0680512BCBB42C07D47349D2153B70C4E5D7FDFCBFA36EA1A85841B9E46E09A2");
    private static final BigInteger D = hex("128B2FA8BD433C6C068C8D803DFF79792A519A55171B1B650C23661D15897263");
    private static final BigInteger XA = hex("0AE4C7798AA0F119471BEE11825BE46202BB79E2A5844495E97C04FF4DF2548A");
    private static final BigInteger YA = hex("7C0240F88F1CD4E16352A73C17B7F16F07353E53A176D684A9FE0C6BB798E857");
    private static final String K = "6CB28D99385C175C94F94E934817663FC176D925DD72B727260DBAAE1FB2F96F";
    private static final BigInteger R = hex("40F1EC59F793D9F49E09DCEF49130D4194F79FB1EED2CAA55BACDB49C4E755D1");
    private static final BigInteger S = hex("6FC6DAC32C5D5CF10C77DFB20F7C2EB667A457872FB09EC56327A67EC7DEEBE7");
    private static final byte[] USER_ID = "ALICE123@YAHOO.COM".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MESSAGE = "message digest".getBytes(StandardCharsets.US_ASCII);

    private static final ECCurve CURVE = new ECCurve.Fp(P, A, B, N, BigInteger.ONE);
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE, CURVE.createPoint(GX, GY), N, BigInteger.ONE);

    @Test
    void derivesTheStandardsPublicKey() {
        ECPoint q = DOMAIN.getG().multiply(D).normalize();
        assertEquals(XA, q.getAffineXCoord().toBigInteger());
        assertEquals(YA, q.getAffineYCoord().toBigInteger());
    }

    @Test
    void reproducesRAndSWithTheFixedNonceAndVerifies() throws Exception {
        SM2Signer signer = new SM2Signer();
        signer.init(true, new ParametersWithID(new ParametersWithRandom(new ECPrivateKeyParameters(D, DOMAIN),
                new FixedSecureRandom(HexFormat.of().parseHex(K))), USER_ID));
        signer.update(MESSAGE, 0, MESSAGE.length);
        byte[] der = signer.generateSignature();

        BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(N, der);
        assertEquals(R, rs[0]);
        assertEquals(S, rs[1]);
        assertTrue(verify(der, MESSAGE));
    }

    @Test
    void rejectsTheStandardsSignatureOverAnotherMessage() throws IOException {
        byte[] der = StandardDSAEncoding.INSTANCE.encode(N, R, S);
        assertTrue(verify(der, MESSAGE));
        assertFalse(verify(der, "message digesT".getBytes(StandardCharsets.US_ASCII)));
    }

    private static boolean verify(byte[] der, byte[] message) {
        SM2Signer verifier = new SM2Signer();
        ECPublicKeyParameters q = new ECPublicKeyParameters(CURVE.createPoint(XA, YA), DOMAIN);
        verifier.init(false, new ParametersWithID(q, USER_ID));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(der);
    }

    private static BigInteger hex(String value) {
        return new BigInteger(value, 16);
    }
}
