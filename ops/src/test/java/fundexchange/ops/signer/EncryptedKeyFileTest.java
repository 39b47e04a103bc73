package fundexchange.ops.signer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.ops.EncryptedKeyFile;
import fundexchange.ops.ExchangeCommand;
import fundexchange.ops.KeyFiles;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.signing.Signatures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key files {@code exchange keys generate --encrypt} writes (run as the CLI), opened by the signing agent with their passphrase only. */
class EncryptedKeyFileTest {
    @TempDir
    Path directory;

    @Test
    void everyCipherTheCliWritesOpensInTheAgentWithThePassphraseAndOnlyWithIt() throws IOException {
        Path passphrase = Files.writeString(directory.resolve("passphrase.txt"), "correct horse\n");
        byte[] message = "m".getBytes(StandardCharsets.UTF_8);
        for (EncryptedKeyFile.Cipher256 cipher : EncryptedKeyFile.Cipher256.values()) {
            for (SignatureAlgorithm algorithm : List.of(SignatureAlgorithm.ED25519, SignatureAlgorithm.SM2_SM3)) {
                String name = cipher.option() + "-" + algorithm.wireName();
                assertEquals(0, ExchangeCommand.commandLine().execute("keys", "generate", "--name", name,
                        "--out", directory.toString(), "--algorithm", algorithm.wireName(), "--encrypt", cipher.option(),
                        "--passphrase-file", passphrase.toString()), name);
                Path file = directory.resolve(name + ".key.pem");
                String pem = Files.readString(file);
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), name);
                assertEquals("-----BEGIN ENCRYPTED PRIVATE KEY-----", pem.lines().findFirst().orElseThrow(), name);
                PrivateKey opened = SignerKeys.read(pem, "correct horse"::toCharArray);
                assertTrue(Signatures.verify(algorithm, KeyMaterial.spki(KeyFiles.readPublic(directory.resolve(name + ".pub.pem"))),
                        message, Signatures.sign(algorithm, opened, message)), name);
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
