package fundexchange.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * A private key as a passphrase-encrypted PKCS#8 PEM ({@code ENCRYPTED PRIVATE KEY}): PBES2 (RFC 8018) with
 * PBKDF2-HMAC-SHA-256 over a random 16-byte salt and AES-256 in CBC (random 16-byte IV; what {@code openssl pkcs8
 * -topk8 -v2 aes-256-cbc -v2prf hmacWithSHA256} writes) or GCM (random 12-byte nonce, 16-byte tag, RFC 5084
 * parameters). The portal (app/keyfile.js) and {@code exchange signer} read both, and {@link #decrypt} reads what the
 * portal reads: PBES2 with PBKDF2-HMAC-SHA-1/256/384/512 and AES-128/192/256 in CBC or GCM.
 */
public final class EncryptedKeyFile {
    /** PBKDF2 iterations: the portal's own "remember on this device" work factor. */
    public static final int ITERATIONS = 600_000;
    /** The shortest passphrase accepted. */
    public static final int MIN_PASSPHRASE = 8;

    /** The ciphers a key file may be encrypted with, by their OpenSSL names. */
    public enum Cipher256 {
        AES_256_CBC("aes-256-cbc", NISTObjectIdentifiers.id_aes256_CBC, 16),
        AES_256_GCM("aes-256-gcm", NISTObjectIdentifiers.id_aes256_GCM, 12);

        private final String option;
        private final ASN1ObjectIdentifier oid;
        private final int ivBytes;

        Cipher256(String option, ASN1ObjectIdentifier oid, int ivBytes) {
            this.option = option;
            this.oid = oid;
            this.ivBytes = ivBytes;
        }

        public String option() {
            return option;
        }

        /** The cipher named {@code option} ({@code aes-256-cbc} or {@code aes-256-gcm}). */
        public static Cipher256 of(String option) {
            for (Cipher256 cipher : values()) {
                if (cipher.option.equals(option.toLowerCase(Locale.ROOT))) {
                    return cipher;
                }
            }
            throw new IllegalArgumentException("unknown key file cipher " + option + "; use aes-256-cbc or aes-256-gcm");
        }
    }

    private EncryptedKeyFile() {
    }

    /** The most PBKDF2 iterations a key file may demand (as the portal's). */
    public static final int MAX_ITERATIONS = 10_000_000;
    private static final java.util.Map<ASN1ObjectIdentifier, String> PRFS = java.util.Map.of(
            PKCSObjectIdentifiers.id_hmacWithSHA1, "PBKDF2WithHmacSHA1",
            PKCSObjectIdentifiers.id_hmacWithSHA256, "PBKDF2WithHmacSHA256",
            PKCSObjectIdentifiers.id_hmacWithSHA384, "PBKDF2WithHmacSHA384",
            PKCSObjectIdentifiers.id_hmacWithSHA512, "PBKDF2WithHmacSHA512");
    private static final java.util.Map<ASN1ObjectIdentifier, Integer> CBC = java.util.Map.of(
            NISTObjectIdentifiers.id_aes128_CBC, 128, NISTObjectIdentifiers.id_aes192_CBC, 192,
            NISTObjectIdentifiers.id_aes256_CBC, 256);
    private static final java.util.Map<ASN1ObjectIdentifier, Integer> GCM = java.util.Map.of(
            NISTObjectIdentifiers.id_aes128_GCM, 128, NISTObjectIdentifiers.id_aes192_GCM, 192,
            NISTObjectIdentifiers.id_aes256_GCM, 256);

    /**
     * The PKCS#8 bytes inside a PBES2 {@code EncryptedPrivateKeyInfo} (DER), decrypted with {@code passphrase}.
     *
     * @throws IllegalArgumentException if the scheme is not one read here or the passphrase does not open it
     */
    public static byte[] decrypt(byte[] der, char[] passphrase) {
        EncryptedPrivateKeyInfo info;
        PBES2Parameters pbes2;
        PBKDF2Params kdf;
        try {
            info = EncryptedPrivateKeyInfo.getInstance(der);
            if (!PKCSObjectIdentifiers.id_PBES2.equals(info.getEncryptionAlgorithm().getAlgorithm())) {
                throw new IllegalArgumentException("the key file is not encrypted with PBES2");
            }
            pbes2 = PBES2Parameters.getInstance(info.getEncryptionAlgorithm().getParameters());
            if (!PKCSObjectIdentifiers.id_PBKDF2.equals(pbes2.getKeyDerivationFunc().getAlgorithm())) {
                throw new IllegalArgumentException("the key file's PBES2 key derivation is not PBKDF2");
            }
            kdf = PBKDF2Params.getInstance(pbes2.getKeyDerivationFunc().getParameters());
        } catch (IllegalStateException | ClassCastException e) {
            throw new IllegalArgumentException("the key file's encryption parameters cannot be read", e);
        }
        String prf = PRFS.get(kdf.getPrf().getAlgorithm());
        ASN1ObjectIdentifier cipher = pbes2.getEncryptionScheme().getAlgorithm();
        Integer bits = CBC.containsKey(cipher) ? CBC.get(cipher) : GCM.get(cipher);
        long iterations = kdf.getIterationCount().longValue();
        if (prf == null || bits == null || iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("the key file is encrypted in a way not read here (PBES2 with PBKDF2"
                    + " HMAC-SHA-1/256/384/512 and AES-CBC or AES-GCM, at most " + MAX_ITERATIONS + " iterations)");
        }
        byte[] secret = null;
        try {
            secret = SecretKeyFactory.getInstance(prf)
                    .generateSecret(new PBEKeySpec(passphrase, kdf.getSalt(), (int) iterations, bits)).getEncoded();
            javax.crypto.Cipher aes;
            ASN1Encodable parameters = pbes2.getEncryptionScheme().getParameters();
            if (CBC.containsKey(cipher)) {
                aes = javax.crypto.Cipher.getInstance("AES/CBC/PKCS5Padding");
                aes.init(javax.crypto.Cipher.DECRYPT_MODE, new SecretKeySpec(secret, "AES"),
                        new IvParameterSpec(ASN1OctetString.getInstance(parameters).getOctets()));
            } else {
                GCMParameters gcm = GCMParameters.getInstance(parameters);
                aes = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
                aes.init(javax.crypto.Cipher.DECRYPT_MODE, new SecretKeySpec(secret, "AES"),
                        new GCMParameterSpec(8 * gcm.getIcvLen(), gcm.getNonce()));
            }
            return aes.doFinal(info.getEncryptedData());
        } catch (javax.crypto.BadPaddingException e) {
            throw new IllegalArgumentException("the passphrase does not open the key file", e);
        } catch (GeneralSecurityException | IllegalStateException e) {
            throw new IllegalArgumentException("the key file's encryption parameters cannot be used", e);
        } finally {
            if (secret != null) {
                Arrays.fill(secret, (byte) 0);
            }
        }
    }

    /** The PEM text of {@code key} encrypted under {@code passphrase}, which is zeroed afterwards. */
    public static String pem(PrivateKey key, Cipher256 cipher, char[] passphrase) {
        if (passphrase.length < MIN_PASSPHRASE) {
            throw new IllegalArgumentException("the passphrase needs at least " + MIN_PASSPHRASE + " characters");
        }
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        byte[] iv = new byte[cipher.ivBytes];
        random.nextBytes(salt);
        random.nextBytes(iv);
        byte[] plain = key.getEncoded();
        byte[] secret = null;
        try {
            secret = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(passphrase, salt, ITERATIONS, 256)).getEncoded();
            javax.crypto.Cipher aes;
            ASN1Encodable parameters;
            if (cipher == Cipher256.AES_256_CBC) {
                aes = javax.crypto.Cipher.getInstance("AES/CBC/PKCS5Padding");
                aes.init(javax.crypto.Cipher.ENCRYPT_MODE, new SecretKeySpec(secret, "AES"), new IvParameterSpec(iv));
                parameters = new DEROctetString(iv);
            } else {
                aes = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
                aes.init(javax.crypto.Cipher.ENCRYPT_MODE, new SecretKeySpec(secret, "AES"), new GCMParameterSpec(128, iv));
                parameters = new GCMParameters(iv, 16);
            }
            PBES2Parameters pbes2 = new PBES2Parameters(
                    new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2, new PBKDF2Params(salt, ITERATIONS, 32,
                            new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))),
                    new EncryptionScheme(cipher.oid, parameters));
            byte[] der = new EncryptedPrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, pbes2),
                    aes.doFinal(plain)).getEncoded();
            return "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                    + "\n-----END ENCRYPTED PRIVATE KEY-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Arrays.fill(plain, (byte) 0);
            Arrays.fill(passphrase, '\0');
            if (secret != null) {
                Arrays.fill(secret, (byte) 0);
            }
        }
    }
}
