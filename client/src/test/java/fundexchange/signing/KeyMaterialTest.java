package fundexchange.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.custom.gm.SM2P256V1Curve;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyMaterialTest {

    private static final byte[] MESSAGE = "FXS1\nGET".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void generatedKeysRoundTripThroughPemAndStillSignAndVerify(SignatureAlgorithm algorithm) {
        KeyPair pair = KeyMaterial.generate(algorithm);
        String publicPem = KeyMaterial.publicKeyPem(pair.getPublic());
        String privatePem = KeyMaterial.privateKeyPem(pair.getPrivate());
        assertTrue(publicPem.startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertTrue(privatePem.startsWith("-----BEGIN PRIVATE KEY-----\n"));

        PublicKey publicKey = KeyMaterial.readPublicPem(publicPem);
        PrivateKey privateKey = KeyMaterial.readPrivatePem(privatePem);
        assertArrayEquals(KeyMaterial.spki(pair.getPublic()), KeyMaterial.spki(publicKey));
        assertEquals(publicPem, KeyMaterial.publicKeyPem(publicKey));
        assertEquals(privatePem, KeyMaterial.privateKeyPem(privateKey));
        assertEquals(algorithm, KeyMaterial.algorithmOf(publicKey));
        assertEquals(algorithm, KeyMaterial.algorithmOf(privateKey));

        byte[] signature = Signatures.sign(algorithm, privateKey, MESSAGE);
        assertTrue(Signatures.verify(algorithm, KeyMaterial.spki(pair.getPublic()), MESSAGE, signature));
        assertEquals(publicKey, KeyMaterial.publicKeyFromSpki(KeyMaterial.spki(publicKey)));
    }

    @Test
    void sm2KeysReadFromPemUseTheFastCustomCurve() {
        KeyPair pair = KeyMaterial.generate(SignatureAlgorithm.SM2_SM3);
        PrivateKey privateKey = KeyMaterial.readPrivatePem(KeyMaterial.privateKeyPem(pair.getPrivate()));
        PublicKey publicKey = KeyMaterial.readPublicPem(KeyMaterial.publicKeyPem(pair.getPublic()));

        ECPrivateKeyParameters secret = assertInstanceOf(ECPrivateKeyParameters.class,
                LightweightKeys.privateKey(SignatureAlgorithm.SM2_SM3, privateKey.getEncoded()));
        ECPublicKeyParameters pub = assertInstanceOf(ECPublicKeyParameters.class,
                LightweightKeys.publicKey(SignatureAlgorithm.SM2_SM3, KeyMaterial.spki(publicKey)));
        assertInstanceOf(SM2P256V1Curve.class, secret.getParameters().getCurve());
        assertInstanceOf(SM2P256V1Curve.class, pub.getParameters().getCurve());
    }

    @Test
    void sm2KeysFromAnotherProviderAreAcceptedOnTheFastCurve() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC",
                new org.bouncycastle.jce.provider.BouncyCastleProvider());
        generator.initialize(new ECGenParameterSpec("sm2p256v1"));
        KeyPair pair = generator.generateKeyPair();

        assertEquals(SignatureAlgorithm.SM2_SM3, KeyMaterial.algorithmOf(pair.getPublic()));
        byte[] signature = Signatures.sign(SignatureAlgorithm.SM2_SM3, pair.getPrivate(), MESSAGE);
        assertTrue(Signatures.verify(SignatureAlgorithm.SM2_SM3, KeyMaterial.spki(pair.getPublic()), MESSAGE,
                signature));
    }

    @Test
    void jdkEd25519KeysWorkToo() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertEquals(SignatureAlgorithm.ED25519, KeyMaterial.algorithmOf(pair.getPublic()));
        byte[] signature = Signatures.sign(SignatureAlgorithm.ED25519, pair.getPrivate(), MESSAGE);
        assertTrue(Signatures.verify(SignatureAlgorithm.ED25519, KeyMaterial.spki(pair.getPublic()), MESSAGE,
                signature));
    }

    @Test
    void privateKeyPemIsPkcs8VersionOneWithoutEmbeddedPublicKey() throws Exception {
        KeyPair pair = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        String pem = KeyMaterial.privateKeyPem(pair.getPrivate());
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(Pem.decode(Pem.PRIVATE_KEY, pem));
        assertEquals(BigInteger.ZERO, info.getVersion().getValue());
        assertEquals(null, info.getPublicKeyData());
    }

    @Test
    void rejectsUnsupportedCurvesAndMalformedPem() throws Exception {
        KeyPairGenerator p256 = KeyPairGenerator.getInstance("EC");
        p256.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = p256.generateKeyPair();

        assertThrows(IllegalArgumentException.class, () -> KeyMaterial.algorithmOf(pair.getPublic()));
        assertThrows(IllegalArgumentException.class,
                () -> KeyMaterial.publicKeyFromSpki(pair.getPublic().getEncoded()));
        assertThrows(IllegalArgumentException.class, () -> KeyMaterial.publicKeyFromSpki(new byte[] {0x30, 0}));
        assertThrows(IllegalArgumentException.class, () -> KeyMaterial.readPublicPem("no pem here"));
        assertThrows(IllegalArgumentException.class,
                () -> KeyMaterial.readPrivatePem(KeyMaterial.publicKeyPem(KeyMaterial.generate(
                        SignatureAlgorithm.ED25519).getPublic())));
    }

    @Test
    void rejectsSm2ScalarsOutsideTheValidRange() {
        BigInteger n = LightweightKeys.SM2_DOMAIN.getN();
        assertThrows(IllegalArgumentException.class, () -> KeyMaterial.sm2FromPrivateScalar(BigInteger.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> KeyMaterial.sm2FromPrivateScalar(n.subtract(BigInteger.ONE)));
        KeyPair pair = KeyMaterial.sm2FromPrivateScalar(n.subtract(BigInteger.TWO));
        assertEquals(SignatureAlgorithm.SM2_SM3, KeyMaterial.algorithmOf(pair.getPublic()));
    }
}
