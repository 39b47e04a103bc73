package fundexchange.ops.signer;

import fundexchange.signing.KeyMaterial;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/** The agent's key: a PKCS#8 PEM file, plain ({@code PRIVATE KEY}) or passphrase-encrypted ({@code ENCRYPTED PRIVATE KEY}). */
final class SignerKeys {
    private SignerKeys() {
    }

    /**
     * Reads the key in {@code pem}; {@code passphrase} is asked only for an encrypted one, and zeroed after use.
     *
     * @throws IllegalArgumentException if the file holds no such key or the passphrase does not open it
     */
    static PrivateKey read(String pem, Supplier<char[]> passphrase) {
        if (!pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            return KeyMaterial.readPrivatePem(pem);
        }
        char[] secret = passphrase.get();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            if (!(parser.readObject() instanceof PKCS8EncryptedPrivateKeyInfo encrypted)) {
                throw new IllegalArgumentException("the key file holds no encrypted PKCS#8 private key");
            }
            InputDecryptorProvider decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(new BouncyCastleProvider()).build(secret);
            PrivateKeyInfo info = encrypted.decryptPrivateKeyInfo(decryptor);
            return KeyMaterial.readPrivatePem("-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(info.getEncoded())
                    + "\n-----END PRIVATE KEY-----\n");
        } catch (PKCSException | OperatorCreationException e) {
            throw new IllegalArgumentException("the passphrase does not open the key file", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }
}
