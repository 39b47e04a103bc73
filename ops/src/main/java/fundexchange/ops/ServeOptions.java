package fundexchange.ops;

import fundexchange.gateway.GatewayConfig;
import fundexchange.ops.config.ConfigException;
import fundexchange.ops.config.ConfigFile;
import fundexchange.ops.config.ConfigKey;
import fundexchange.ops.config.ConfigKey.Secrecy;
import fundexchange.ops.config.ConfigResolver;
import fundexchange.ops.config.Setting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Every option of {@code exchange serve}, each also a key of its configuration file and an environment variable
 * ({@link #KEYS}; docs/operations.md, "Configuration file"). {@code exchange config check} takes the same options.
 */
final class ServeOptions {
    /** The keys in the order {@code config check} prints them; each names the flag that overrides it. */
    static final ConfigResolver KEYS = new ConfigResolver(List.of(
            ConfigKey.path("data-dir", "--data-dir"),
            ConfigKey.number("gateway.port", "--port", 0, 65_535),
            ConfigKey.number("gateway.management-port", "--management-port", 0, 65_535),
            ConfigKey.text("gateway.management-address", "--management-address", 253, Secrecy.NONE),
            ConfigKey.duration("gateway.min-index-wait", "--min-index-wait"),
            ConfigKey.number("gateway.min-index-waiters", "--min-index-waiters", 1, 100_000),
            ConfigKey.number("gateway.min-index-waiters-per-participant", "--min-index-waiters-per-participant", 1, 100_000),
            ConfigKey.number("gateway.read-nonces", "--read-nonces", 1, fundexchange.gateway.ReadLimits.MAX_READ_NONCES),
            ConfigKey.number("gateway.read-nonce-share-bp", "--read-nonce-share-bp", 1, 10_000),
            ConfigKey.number("gateway.read-nonce-reserve-bp", "--read-nonce-reserve-bp", 0, 9_999),
            ConfigKey.number("gateway.max-connections", "--max-connections", 1, 1_000_000),
            ConfigKey.number("gateway.max-connections-per-address", "--max-connections-per-address", 1, 1_000_000),
            ConfigKey.duration("gateway.idle-timeout", "--idle-timeout"),
            ConfigKey.duration("gateway.idle-check-period", "--idle-check-period"),
            ConfigKey.duration("gateway.read-timeout", "--read-timeout"),
            ConfigKey.duration("gateway.request-read-timeout", "--request-read-timeout"),
            ConfigKey.duration("gateway.write-timeout", "--write-timeout"),
            ConfigKey.number("gateway.max-payload-bytes", "--max-payload-bytes", 1, 1L << 30),
            ConfigKey.number("gateway.max-request-line-bytes", "--max-request-line-bytes", 64, 1 << 20),
            ConfigKey.number("gateway.max-header-bytes", "--max-header-bytes", 256, 1 << 20),
            ConfigKey.duration("gateway.listener-check-period", "--listener-check-period"),
            ConfigKey.number("gateway.stream-max-per-participant", "--stream-max-per-participant", 1, 100_000),
            ConfigKey.number("gateway.stream-max-total", "--stream-max-total", 1, 1_000_000),
            ConfigKey.duration("gateway.stream-heartbeat", "--stream-heartbeat"),
            ConfigKey.list("gateway.portal-signer-origins", "--portal-signer-origin", 16),
            ConfigKey.number("gateway.upload-min-rate", "--upload-min-rate", 1,
                    fundexchange.gateway.dataroom.UploadPace.MAX_RATE),
            ConfigKey.duration("gateway.upload-grace", "--upload-grace"),
            ConfigKey.duration("engine.checkpoint-interval", "--checkpoint-interval"),
            ConfigKey.number("engine.snapshot-every", "--snapshot-every", 0, Long.MAX_VALUE),
            ConfigKey.text("database.url", "--db-url", 2_048, Secrecy.URL),
            ConfigKey.text("database.user", "--db-user", 256, Secrecy.NONE),
            ConfigKey.text("database.password", "--db-password", 1_024, Secrecy.SECRET)));

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;
    @Option(names = "--config", description = "a configuration file of key = value lines (docs/operations.md); "
            + "FUNDEXCHANGE_* environment variables override it and flags override both")
    Path config;
    @Option(names = "--data-dir", description = "an initialised data directory (key data-dir)")
    Path dataDirectory;
    @Option(names = "--port", defaultValue = "8080", description = "HTTP port, 0 for any (default: ${DEFAULT-VALUE})")
    int port;
    @Option(names = "--checkpoint-interval", defaultValue = "PT60S",
            description = "how often the audit chain head is signed and journaled, ISO-8601 (default: ${DEFAULT-VALUE})")
    Duration checkpointInterval;
    @Option(names = "--snapshot-every", defaultValue = "100000",
            description = "commands between engine snapshots, 0 for only on request (default: ${DEFAULT-VALUE})")
    long snapshotEvery;
    @Option(names = "--min-index-wait", defaultValue = "PT5S",
            description = "how long a read with minIndex waits for the registry or view to reach it before answering 503,"
                    + " ISO-8601 (default: ${DEFAULT-VALUE})")
    Duration minIndexWait;
    @Mixin
    ReadOptions reads;
    @Option(names = "--db-url", description = "JDBC URL of an external PostgreSQL instead of the embedded one")
    String dbUrl;
    @Option(names = "--db-user", defaultValue = "postgres")
    String dbUser;
    @Option(names = "--db-password", defaultValue = "postgres",
            description = "prefer FUNDEXCHANGE_DATABASE_PASSWORD or the file: a flag is visible to other local users")
    String dbPassword;
    @Mixin
    ListenerOptions listener;

    /** Applies the file and the environment to the options not given as flags; returns every effective setting. */
    List<Setting> resolve(Map<String, String> environment) {
        ConfigFile file = Optional.ofNullable(config).map(ConfigFile::read).orElseGet(ConfigFile::none);
        return KEYS.resolve(command, file, environment);
    }

    /** The data directory, which a flag, the environment or the file must give. */
    Path dataDirectory() {
        if (dataDirectory == null) {
            throw new ConfigException("data-dir: no data directory; give --data-dir, FUNDEXCHANGE_DATA_DIR or data-dir "
                    + "in the --config file");
        }
        return dataDirectory;
    }

    Optional<ExchangeNode.Database> database() {
        return Optional.ofNullable(dbUrl).map(url -> new ExchangeNode.Database(url, dbUser, dbPassword));
    }

    GatewayConfig gateway() {
        return listener.gateway(port).toBuilder().minIndexWaitMs(minIndexWait.toMillis()).reads(reads.limits()).build();
    }

    ExchangeNode.Options node() {
        return new ExchangeNode.Options(checkpointInterval, snapshotEvery);
    }
}
