package fundexchange.ops;

import fundexchange.signing.SignatureAlgorithm;
import java.io.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code exchange keys generate}: a key pair for a trial or a new participant, as PEM files. */
@Command(name = "keys", description = "Key pair tools.", subcommands = KeysCommand.Generate.class)
final class KeysCommand {
    @Command(name = "generate", description = "Writes NAME.key.pem (private, owner-only) and NAME.pub.pem.")
    static final class Generate implements Runnable {
        @Option(names = "--name", required = true, description = "file name stem, e.g. Staff-01")
        String name;
        @Option(names = "--out", defaultValue = "keys", description = "directory (default: ${DEFAULT-VALUE})")
        Path out;
        @Option(names = "--algorithm", defaultValue = "ED25519", description = "ED25519 or SM2-SM3 (default: ${DEFAULT-VALUE})")
        String algorithm;
        @Option(names = "--encrypt", description = "encrypt the private key file under a passphrase (PBES2,"
                + " PBKDF2-HMAC-SHA-256): aes-256-cbc (as OpenSSL writes it) or aes-256-gcm; the portal and"
                + " exchange signer open both")
        String encrypt;
        @Option(names = "--passphrase-file", description = "with --encrypt: a file holding the passphrase (else it is"
                + " asked twice on the terminal); at least 8 characters")
        Path passphraseFile;

        @Override
        public void run() {
            SignatureAlgorithm chosen = SignatureAlgorithm.fromWireName(algorithm);
            if (encrypt == null) {
                KeyFiles.generate(out, name, chosen);
            } else {
                KeyFiles.generateEncrypted(out, name, chosen, EncryptedKeyFile.Cipher256.of(encrypt), passphrase());
            }
            System.out.println("wrote " + out.resolve(name + ".key.pem") + (encrypt == null ? "" : " (encrypted, "
                    + EncryptedKeyFile.Cipher256.of(encrypt).option() + ")") + " and " + out.resolve(name + ".pub.pem"));
        }

        private char[] passphrase() {
            if (passphraseFile != null) {
                try {
                    return Files.readString(passphraseFile).strip().toCharArray();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + passphraseFile, e);
                }
            }
            Console console = System.console();
            if (console == null) {
                throw new IllegalStateException("--encrypt needs a terminal to ask the passphrase, or --passphrase-file");
            }
            char[] first = console.readPassword("passphrase for %s / 私钥文件口令: ", name);
            char[] second = console.readPassword("again / 再次输入: ");
            try {
                if (first == null || !Arrays.equals(first, second)) {
                    throw new IllegalArgumentException("the two passphrases differ / 两次输入的口令不同");
                }
                return first.clone();
            } finally {
                if (first != null) {
                    Arrays.fill(first, '\0');
                }
                if (second != null) {
                    Arrays.fill(second, '\0');
                }
            }
        }
    }
}
