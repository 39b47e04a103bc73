package fundexchange.ops;

import fundexchange.signing.SignatureAlgorithm;
import java.nio.file.Path;
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

        @Override
        public void run() {
            KeyFiles.generate(out, name, SignatureAlgorithm.fromWireName(algorithm));
            System.out.println("wrote " + out.resolve(name + ".key.pem") + " and " + out.resolve(name + ".pub.pem"));
        }
    }
}
