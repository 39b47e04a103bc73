package fundexchange.ops;

import fundexchange.protocol.reference.Role;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code exchange init}: the genesis of a new exchange from at least three staff and one regulator public key. */
@Command(name = "init", description = "Writes the genesis into an empty data directory.")
final class InitCommand implements Runnable {
    @Option(names = "--data-dir", required = true, description = "new, empty data directory")
    Path dataDirectory;
    @Option(names = "--staff", required = true, description = "ID=PUBLIC_KEY_PEM, given at least three times")
    Map<String, Path> staff;
    @Option(names = "--regulator", required = true, description = "ID=PUBLIC_KEY_PEM")
    Map<String, Path> regulator;

    @Option(names = "--exchange-key-algorithm", defaultValue = "ED25519",
            description = "algorithm of the exchange's own key, which signs checkpoints: ED25519 or SM2-SM3 (default: ${DEFAULT-VALUE})")
    String exchangeKeyAlgorithm;

    @Option(names = "--platform-id",
            description = "the id every request signature is bound to: 3-64 lower-case letters, digits, '.' or '-',"
                    + " first and last a letter or digit (default: fx- and 16 hex digits of the new exchange key's SHA-256)")
    String platformId;

    @Override
    public void run() {
        if (staff.size() < GenesisWriter.MIN_STAFF || regulator.size() != 1) {
            throw new IllegalArgumentException("init needs at least " + GenesisWriter.MIN_STAFF
                    + " --staff and one --regulator");
        }
        List<GenesisWriter.Founder> founders = new ArrayList<>();
        staff.forEach((id, pem) -> founders.add(new GenesisWriter.Founder(id, Role.STAFF, KeyFiles.readPublic(pem))));
        regulator.forEach((id, pem) -> founders.add(new GenesisWriter.Founder(id, Role.REGULATOR, KeyFiles.readPublic(pem))));
        fundexchange.signing.SignatureAlgorithm algorithm = fundexchange.signing.SignatureAlgorithm.fromWireName(exchangeKeyAlgorithm);
        String written = platformId == null
                ? GenesisWriter.write(dataDirectory, founders, Clock.systemUTC(), algorithm)
                : GenesisWriter.write(dataDirectory, founders, Clock.systemUTC(), algorithm, platformId);
        ConsoleLogging.toDataDirectory(dataDirectory);
        System.out.println("initialised " + dataDirectory + " with " + founders.size() + " founding participants");
        System.out.println("platform id / 平台标识: " + written);
    }
}
