package fundexchange.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Generates, encodes and decodes participant keys. Public keys travel as X.509 SubjectPublicKeyInfo
 * DER, private keys as PKCS#8; both as PEM in files. SM2 keys are on sm2p256v1.
 */
public final class KeyMaterial {

    private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyMaterial() {
    }

    /** A fresh random key pair for {@code algorithm}. */
    public static KeyPair generate(SignatureAlgorithm algorithm) {
        AsymmetricCipherKeyPair pair = switch (algorithm) {
            case ED25519 -> {
                Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
                generator.init(new Ed25519KeyGenerationParameters(RANDOM));
                yield generator.generateKeyPair();
            }
            case SM2_SM3 -> {
                ECKeyPairGenerator generator = new ECKeyPairGenerator();
                generator.init(new ECKeyGenerationParameters(LightweightKeys.SM2_DOMAIN, RANDOM));
                yield generator.generateKeyPair();
            }
        };
        return toJca(pair.getPublic(), pair.getPrivate());
    }

    /** The Ed25519 key pair for a 32-byte RFC 8032 secret key (seed). */
    public static KeyPair ed25519FromSeed(byte[] seed) {
        Ed25519PrivateKeyParameters secret = new Ed25519PrivateKeyParameters(seed);
        return toJca(secret.generatePublicKey(), secret);
    }

    /** The SM2 key pair for private scalar {@code d}, which must lie in [1, n-2]. */
    public static KeyPair sm2FromPrivateScalar(BigInteger d) {
        ECPrivateKeyParameters secret = LightweightKeys.sm2PrivateKey(d);
        ECPublicKeyParameters pub = new ECPublicKeyParameters(
                LightweightKeys.SM2_DOMAIN.getG().multiply(d).normalize(), LightweightKeys.SM2_DOMAIN);
        return toJca(pub, secret);
    }

    /** The algorithm a public key is for. */
    public static SignatureAlgorithm algorithmOf(PublicKey key) {
        return LightweightKeys.algorithmOf(SubjectPublicKeyInfo.getInstance(spki(key)).getAlgorithm());
    }

    /** The algorithm a private key is for. */
    public static SignatureAlgorithm algorithmOf(PrivateKey key) {
        return LightweightKeys.algorithmOf(PrivateKeyInfo.getInstance(pkcs8(key)).getPrivateKeyAlgorithm());
    }

    /** The X.509 SubjectPublicKeyInfo DER encoding of {@code key}. */
    public static byte[] spki(PublicKey key) {
        byte[] der = Objects.requireNonNull(key, "key").getEncoded();
        if (der == null || !"X.509".equals(key.getFormat())) {
            throw new IllegalArgumentException("public key has no X.509 encoding");
        }
        return der;
    }

    /**
     * Decodes an X.509 SubjectPublicKeyInfo of a supported algorithm.
     *
     * @throws IllegalArgumentException if it is malformed, unsupported or not a valid point
     */
    public static PublicKey publicKeyFromSpki(byte[] spkiDer) {
        try {
            SignatureAlgorithm algorithm =
                    LightweightKeys.algorithmOf(SubjectPublicKeyInfo.getInstance(spkiDer).getAlgorithm());
            LightweightKeys.publicKey(algorithm, spkiDer);
            return keyFactory(algorithm).generatePublic(new X509EncodedKeySpec(spkiDer));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("malformed or unsupported public key", e);
        }
    }

    /** The public key as a {@code PUBLIC KEY} PEM block. */
    public static String publicKeyPem(PublicKey key) {
        return Pem.encode(Pem.PUBLIC_KEY, spki(key));
    }

    /**
     * The private key as a PKCS#8 {@code PRIVATE KEY} PEM block, in version 1 form (no embedded public
     * key), which every common toolkit reads (OpenSSL 3.0 rejects Ed25519 keys in version 2 form).
     */
    public static String privateKeyPem(PrivateKey key) {
        return Pem.encode(Pem.PRIVATE_KEY, pkcs8V1(pkcs8(key)));
    }

    /** Reads the first {@code PUBLIC KEY} PEM block. */
    public static PublicKey readPublicPem(String pem) {
        return publicKeyFromSpki(Pem.decode(Pem.PUBLIC_KEY, pem));
    }

    /** Reads the first PKCS#8 {@code PRIVATE KEY} PEM block. */
    public static PrivateKey readPrivatePem(String pem) {
        byte[] der = Pem.decode(Pem.PRIVATE_KEY, pem);
        try {
            SignatureAlgorithm algorithm =
                    LightweightKeys.algorithmOf(PrivateKeyInfo.getInstance(der).getPrivateKeyAlgorithm());
            LightweightKeys.privateKey(algorithm, der);
            return keyFactory(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("malformed or unsupported private key", e);
        }
    }

    private static byte[] pkcs8(PrivateKey key) {
        byte[] der = Objects.requireNonNull(key, "key").getEncoded();
        if (der == null || !"PKCS#8".equals(key.getFormat())) {
            throw new IllegalArgumentException("private key has no PKCS#8 encoding");
        }
        return der;
    }

    private static byte[] pkcs8V1(byte[] der) {
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(der);
            return new PrivateKeyInfo(info.getPrivateKeyAlgorithm(), info.parsePrivateKey()).getEncoded();
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed PKCS#8 private key", e);
        }
    }

    private static KeyPair toJca(AsymmetricKeyParameter pub, AsymmetricKeyParameter secret) {
        try {
            byte[] spki = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pub).getEncoded();
            byte[] pkcs8 = pkcs8V1(PrivateKeyInfoFactory.createPrivateKeyInfo(secret).getEncoded());
            KeyFactory factory = keyFactory(LightweightKeys.algorithmOf(
                    SubjectPublicKeyInfo.getInstance(spki).getAlgorithm()));
            return new KeyPair(factory.generatePublic(new X509EncodedKeySpec(spki)),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("BouncyCastle rejected its own key encoding", e);
        }
    }

    private static KeyFactory keyFactory(SignatureAlgorithm algorithm) throws GeneralSecurityException {
        return KeyFactory.getInstance(algorithm == SignatureAlgorithm.ED25519 ? "Ed25519" : "EC", PROVIDER);
    }
}
