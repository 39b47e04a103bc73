package fundexchange.signing;

import java.io.IOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Decodes SPKI and PKCS#8 keys into BouncyCastle's lightweight parameters. SM2 keys always land on
 * the fast custom sm2p256v1 curve, whatever provider produced the encoding.
 */
final class LightweightKeys {

    /** sm2p256v1 with BouncyCastle's optimised field arithmetic. */
    static final ECNamedDomainParameters SM2_DOMAIN = new ECNamedDomainParameters(
            GMObjectIdentifiers.sm2p256v1, CustomNamedCurves.getByName("sm2p256v1"));

    private LightweightKeys() {
    }

    /** The algorithm of an SPKI or PKCS#8 algorithm identifier. */
    static SignatureAlgorithm algorithmOf(AlgorithmIdentifier id) {
        ASN1ObjectIdentifier oid = id.getAlgorithm();
        if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
            return SignatureAlgorithm.ED25519;
        }
        ASN1Encodable curve = id.getParameters();
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid) && GMObjectIdentifiers.sm2p256v1.equals(curve)) {
            return SignatureAlgorithm.SM2_SM3;
        }
        throw new IllegalArgumentException("unsupported key algorithm: " + oid + " " + curve);
    }

    /**
     * Decodes an X.509 SubjectPublicKeyInfo.
     *
     * @throws IllegalArgumentException if it is malformed or not a key of {@code expected}
     */
    static AsymmetricKeyParameter publicKey(SignatureAlgorithm expected, byte[] spkiDer) {
        SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(spkiDer);
        requireAlgorithm(expected, algorithmOf(info.getAlgorithm()));
        byte[] keyData = info.getPublicKeyData().getOctets();
        return switch (expected) {
            case ED25519 -> new Ed25519PublicKeyParameters(keyData);
            case SM2_SM3 -> {
                ECPoint q = SM2_DOMAIN.validatePublicPoint(SM2_DOMAIN.getCurve().decodePoint(keyData));
                yield new ECPublicKeyParameters(q, SM2_DOMAIN);
            }
        };
    }

    /**
     * Decodes a PKCS#8 PrivateKeyInfo.
     *
     * @throws IllegalArgumentException if it is malformed or not a key of {@code expected}
     */
    static AsymmetricKeyParameter privateKey(SignatureAlgorithm expected, byte[] pkcs8Der) {
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(pkcs8Der);
            requireAlgorithm(expected, algorithmOf(info.getPrivateKeyAlgorithm()));
            return switch (expected) {
                case ED25519 -> new Ed25519PrivateKeyParameters(
                        ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets());
                case SM2_SM3 -> sm2PrivateKey(ECPrivateKey.getInstance(info.parsePrivateKey()).getKey());
            };
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed PKCS#8 private key", e);
        }
    }

    /** An SM2 private key from its scalar, which must lie in [1, n-2]. */
    static ECPrivateKeyParameters sm2PrivateKey(BigInteger d) {
        BigInteger max = SM2_DOMAIN.getN().subtract(BigInteger.TWO);
        if (d.signum() <= 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException("SM2 private scalar out of range");
        }
        return new ECPrivateKeyParameters(d, SM2_DOMAIN);
    }

    private static void requireAlgorithm(SignatureAlgorithm expected, SignatureAlgorithm actual) {
        if (expected != actual) {
            throw new IllegalArgumentException("key is " + actual.wireName() + ", not " + expected.wireName());
        }
    }
}
