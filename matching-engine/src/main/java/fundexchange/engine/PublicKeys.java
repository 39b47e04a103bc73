package fundexchange.engine;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Deterministic checks that a public key's bytes are a key of its declared algorithm, without a crypto provider:
 * the X.509 SubjectPublicKeyInfo must be exactly the DER the clients write (RFC 8410 for Ed25519; id-ecPublicKey on
 * sm2p256v1 with an uncompressed point for SM2), and an SM2 point must lie on the curve.
 */
final class PublicKeys {
    /** SEQUENCE { SEQUENCE { OID 1.3.101.112 } BIT STRING (33 bytes) }, then the 32-byte key. */
    private static final byte[] ED25519_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    /** SEQUENCE { SEQUENCE { OID id-ecPublicKey, OID sm2p256v1 } BIT STRING (66 bytes) 04 }, then X and Y. */
    private static final byte[] SM2_PREFIX = HexFormat.of().parseHex(
            "3059301306072a8648ce3d020106082a811ccf5501822d03420004");
    private static final BigInteger SM2_P = new BigInteger(
            "FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFF", 16);
    private static final BigInteger SM2_A = SM2_P.subtract(BigInteger.valueOf(3));
    private static final BigInteger SM2_B = new BigInteger(
            "28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93", 16);

    private PublicKeys() {
    }

    /** True if {@code der} is a SubjectPublicKeyInfo of {@code algorithm} ("ED25519" or "SM2-SM3"). */
    static boolean matches(String algorithm, byte[] der) {
        return switch (algorithm) {
            case "ED25519" -> der.length == ED25519_PREFIX.length + 32 && startsWith(der, ED25519_PREFIX);
            case "SM2-SM3" -> der.length == SM2_PREFIX.length + 64 && startsWith(der, SM2_PREFIX) && onSm2Curve(der);
            default -> false;
        };
    }

    private static boolean startsWith(byte[] der, byte[] prefix) {
        return Arrays.equals(der, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** y^2 = x^3 + ax + b (mod p), with both coordinates below p. */
    private static boolean onSm2Curve(byte[] der) {
        int offset = SM2_PREFIX.length;
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(der, offset, offset + 32));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(der, offset + 32, offset + 64));
        if (x.compareTo(SM2_P) >= 0 || y.compareTo(SM2_P) >= 0) {
            return false;
        }
        BigInteger right = x.pow(3).add(SM2_A.multiply(x)).add(SM2_B).mod(SM2_P);
        return y.pow(2).mod(SM2_P).equals(right);
    }
}
