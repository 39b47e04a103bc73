package fundexchange.ops.portal;

import fundexchange.signing.KeyMaterial;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;

/**
 * Key files as a participant opens them in the portal, named {@code <keyId>.key.pem} as {@code exchange keys generate}
 * names them: plain PKCS#8 (as {@link KeyMaterial#privateKeyPem} writes it), or PBES2-encrypted (PBKDF2-HMAC-SHA-256,
 * AES-256-CBC, as {@code openssl pkcs8 -topk8 -v2 aes-256-cbc -v2prf hmacWithSHA256} writes it).
 */
public final class PortalKeyFiles {
    private PortalKeyFiles() {
    }

    public static Path plain(Path directory, String keyId, PrivateKey key) {
        return write(directory, keyId, KeyMaterial.privateKeyPem(key));
    }

    public static Path encrypted(Path directory, String keyId, PrivateKey key, String passphrase) {
        String pem = KeyMaterial.privateKeyPem(key);
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        try {
            OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setPRF(PKCS8Generator.PRF_HMACSHA256)
                    .setIterationCount(10_000)
                    .setPassword(passphrase.toCharArray())
                    .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                    .build();
            StringWriter text = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
                writer.writeObject(new PKCS8Generator(PrivateKeyInfo.getInstance(der), encryptor).generate());
            }
            return write(directory, keyId, text.toString());
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where {@link #plain} and {@link #encrypted} write {@code keyId}'s file in {@code directory}. */
    public static Path file(Path directory, String keyId) {
        return directory.resolve(keyId + ".key.pem");
    }

    private static Path write(Path directory, String keyId, String pem) {
        try {
            return Files.writeString(file(directory, keyId), pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
