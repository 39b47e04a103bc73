package fundexchange.ops.signer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fundexchange.ops.EncryptedKeyFile;
import fundexchange.ops.KeyFiles;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key files {@code exchange keys generate --encrypt} writes, opened by the signing agent with their passphrase only. */
class EncryptedKeyFileTest {
    @TempDir
    Path directory;

    @Test
    void everyCipherTheCliWritesOpensInTheAgentWithThePassphraseAndOnlyWithIt() throws IOException {
        for (EncryptedKeyFile.Cipher256 cipher : EncryptedKeyFile.Cipher256.values()) {
            for (SignatureAlgorithm algorithm : List.of(SignatureAlgorithm.ED25519, SignatureAlgorithm.SM2_SM3)) {
                String name = cipher.option() + "-" + algorithm.wireName();
                KeyPair keys = KeyFiles.generateEncrypted(directory, name, algorithm, cipher, "correct horse".toCharArray());
                Path file = directory.resolve(name + ".key.pem");
                String pem = Files.readString(file);
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), name);
                assertEquals("-----BEGIN ENCRYPTED PRIVATE KEY-----", pem.lines().findFirst().orElseThrow(), name);
                assertArrayEquals(keys.getPrivate().getEncoded(),
                        SignerKeys.read(pem, "correct horse"::toCharArray).getEncoded(), name);
                assertArrayEquals(KeyMaterial.spki(keys.getPublic()),
                        KeyMaterial.spki(KeyFiles.readPublic(directory.resolve(name + ".pub.pem"))), name);
                assertThrows(IllegalArgumentException.class, () -> SignerKeys.read(pem, "wrong horse"::toCharArray), name);
            }
        }
    }

    @Test
    void aShortPassphraseOrAnUnknownCipherIsRefused() {
        KeyPair keys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        assertThrows(IllegalArgumentException.class, () -> EncryptedKeyFile.pem(keys.getPrivate(),
                EncryptedKeyFile.Cipher256.AES_256_GCM, "short".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> EncryptedKeyFile.Cipher256.of("des-ede3-cbc"));
        assertEquals(EncryptedKeyFile.Cipher256.AES_256_GCM, EncryptedKeyFile.Cipher256.of("AES-256-GCM"));
    }
}
