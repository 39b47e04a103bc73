package fundexchange.ops.signer;

import fundexchange.ops.EncryptedKeyFile;
import fundexchange.signing.KeyMaterial;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent's key: a PKCS#8 PEM file, plain ({@code PRIVATE KEY}) or passphrase-encrypted ({@code ENCRYPTED PRIVATE KEY},
 * PBES2 with AES-CBC or AES-GCM as {@link EncryptedKeyFile} reads it, like the portal).
 */
final class SignerKeys {
    private static final Pattern ENCRYPTED = Pattern.compile(
            "-----BEGIN ENCRYPTED PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END ENCRYPTED PRIVATE KEY-----");

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
        Matcher block = ENCRYPTED.matcher(pem);
        if (!block.find()) {
            throw new IllegalArgumentException("the key file holds no encrypted PKCS#8 private key");
        }
        byte[] der = Base64.getMimeDecoder().decode(block.group(1));
        char[] secret = passphrase.get();
        byte[] pkcs8 = null;
        try {
            pkcs8 = EncryptedKeyFile.decrypt(der, secret);
            String plain = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pkcs8) + "\n-----END PRIVATE KEY-----\n";
            try {
                return KeyMaterial.readPrivatePem(plain);
            } catch (IllegalArgumentException e) {
                // A wrong passphrase can pass CBC's padding check by chance and then yield no key.
                throw new IllegalArgumentException("the passphrase does not open the key file", e);
            }
        } finally {
            Arrays.fill(secret, '\0');
            if (pkcs8 != null) {
                Arrays.fill(pkcs8, (byte) 0);
            }
        }
    }
}
