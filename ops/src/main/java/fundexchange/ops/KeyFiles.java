package fundexchange.ops;

import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;

/** Key pairs as PEM files: {@code NAME.key.pem} (PKCS#8, owner-only) and {@code NAME.pub.pem} (X.509 SPKI). */
public final class KeyFiles {
    private KeyFiles() {
    }

    public static KeyPair generate(Path directory, String name, SignatureAlgorithm algorithm) {
        KeyPair pair = KeyMaterial.generate(algorithm);
        write(directory, name, pair, KeyMaterial.privateKeyPem(pair.getPrivate()));
        return pair;
    }

    /**
     * As {@link #generate}, the private key file passphrase-encrypted ({@code ENCRYPTED PRIVATE KEY}, PBES2 with
     * {@code cipher}; {@link EncryptedKeyFile}); {@code passphrase} is zeroed.
     */
    public static KeyPair generateEncrypted(Path directory, String name, SignatureAlgorithm algorithm,
                                            EncryptedKeyFile.Cipher256 cipher, char[] passphrase) {
        KeyPair pair = KeyMaterial.generate(algorithm);
        write(directory, name, pair, EncryptedKeyFile.pem(pair.getPrivate(), cipher, passphrase));
        return pair;
    }

    private static void write(Path directory, String name, KeyPair pair, String privatePem) {
        try {
            Files.createDirectories(directory);
            writeOwnerOnly(directory.resolve(name + ".key.pem"), privatePem);
            Files.writeString(directory.resolve(name + ".pub.pem"), KeyMaterial.publicKeyPem(pair.getPublic()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a new file readable only by its owner from the start, then writes it; refuses to overwrite. */
    public static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
    }

    public static PublicKey readPublic(Path file) {
        return KeyMaterial.readPublicPem(read(file));
    }

    public static PrivateKey readPrivate(Path file) {
        return KeyMaterial.readPrivatePem(read(file));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
