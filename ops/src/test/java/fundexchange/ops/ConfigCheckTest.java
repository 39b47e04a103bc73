package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.ops.config.ConfigException;
import fundexchange.ops.config.ConfigFile;
import fundexchange.ops.config.ConfigKey;
import fundexchange.ops.config.Setting;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve}'s configuration: file, environment and flags, validation naming the bad key, and config check. */
class ConfigCheckTest {
    private static final Path EXAMPLE = Path.of("deploy", "exchange.conf.example");

    @TempDir
    Path directory;

    @Test
    void flagsWinOverTheEnvironmentWhichWinsOverTheFileWhichWinsOverDefaults() throws IOException {
        Path file = write("""
                # a comment
                data-dir = /srv/exchange
                gateway.port = 9000
                gateway.management-port = 9001
                gateway.idle-timeout = PT20S
                """);
        Map<String, String> env = Map.of("FUNDEXCHANGE_GATEWAY_MANAGEMENT_PORT", "9101",
                "FUNDEXCHANGE_GATEWAY_MAX_CONNECTIONS", "200", "PATH", "/usr/bin");
        ConfigCommand.Check check = parse("--config", file.toString(), "--port", "9200");

        Map<String, String> effective = ConfigCommand.Check.check(check.options, env).stream()
                .filter(s -> s.source() != Setting.Source.DEFAULT)
                .collect(Collectors.toMap(s -> s.key().name(), Setting::describe));

        assertEquals(Map.of(
                "data-dir", "data-dir = /srv/exchange  # file",
                "gateway.port", "gateway.port = 9200  # flag --port",
                "gateway.management-port", "gateway.management-port = 9101  # env FUNDEXCHANGE_GATEWAY_MANAGEMENT_PORT",
                "gateway.max-connections", "gateway.max-connections = 200  # env FUNDEXCHANGE_GATEWAY_MAX_CONNECTIONS",
                "gateway.idle-timeout", "gateway.idle-timeout = PT20S  # file"), effective);
        assertEquals(List.of(9200, 9101, 200, java.time.Duration.ofSeconds(20)),
                List.of(check.options.gateway().port(), check.options.gateway().managementPort(),
                        check.options.gateway().connections().maxConnections(),
                        check.options.gateway().connections().idleTimeout()));
    }

    @Test
    void configCheckPrintsEveryKeyWithItsSourceAndMasksSecrets() throws IOException {
        Path file = write("""
                data-dir = /srv/exchange
                database.url = jdbc:postgresql://db:5432/fx?user=fx&password=hunter2-in-url&ssl=true
                database.password = hunter2-in-file
                """);
        StringWriter out = new StringWriter();
        CommandLine line = ExchangeCommand.commandLine().setOut(new PrintWriter(out));

        int status = line.execute("config", "check", "--config", file.toString(), "--db-user", "fx");

        assertEquals(0, status);
        List<String> lines = out.toString().lines().toList();
        assertEquals("# exchange serve: effective configuration / 生效配置 (config file: " + file + ")", lines.getFirst());
        assertEquals("# configuration OK / 配置有效", lines.getLast());
        assertEquals(ServeOptions.KEYS.keys().stream().map(ConfigKey::name).toList(),
                lines.subList(1, lines.size() - 1).stream().map(l -> l.substring(0, l.indexOf(" = "))).toList(),
                "every key, in order");
        assertTrue(lines.contains("database.url = jdbc:postgresql://db:5432/fx?user=fx&password=********&ssl=true  # file"));
        assertTrue(lines.contains("database.password = ********  # file"));
        assertTrue(lines.contains("database.user = fx  # flag --db-user"));
        assertTrue(lines.contains("gateway.port = 8080  # default"));
        assertFalse(out.toString().contains("hunter2"), out.toString());
    }

    @Test
    void aPasswordInTheUrlsUserInfoIsMaskedToo() {
        ConfigKey url = ServeOptions.KEYS.keys().stream().filter(k -> k.name().equals("database.url")).findFirst().orElseThrow();
        assertEquals("jdbc:postgresql://fx:********@db:5432/fx;password=********",
                url.show("jdbc:postgresql://fx:s3cret@db:5432/fx;password=other"));
        assertEquals("jdbc:postgresql://db:5432/fx?sslmode=verify-full&sslpassword=********&SSLPASSWORD=********",
                url.show("jdbc:postgresql://db:5432/fx?sslmode=verify-full&sslpassword=k3y&SSLPASSWORD=k3y"));
    }

    @Test
    void anUnknownKeyIsNamedWithTheFileAndLineAndServeExitsWithoutAStackTrace() throws IOException {
        Path file = write("""
                data-dir = /srv/exchange

                gateway.idle-timout = PT5S
                """);
        StringWriter err = new StringWriter();
        CommandLine line = ExchangeCommand.commandLine().setErr(new PrintWriter(err));

        int status = line.execute("serve", "--config", file.toString());

        assertEquals(1, status);
        assertEquals("error: config file " + file + " line 3: gateway.idle-timout: unknown key; the keys are listed in "
                + "docs/operations.md and by exchange config check" + System.lineSeparator(), err.toString());
    }

    @Test
    void aKeyInTheWrongSectionIsNamedWithTheOneMeant() throws IOException {
        Path file = write("engine.read-nonces = 5\n");
        assertEquals("config file " + file + " line 1: engine.read-nonces: unknown key (did you mean gateway.read-nonces?);"
                + " the keys are listed in docs/operations.md and by exchange config check", refusal(file, Map.of()));
    }

    @Test
    void aBadTypeOrAnOutOfRangeValueIsNamedWithTheFileAndLine() throws IOException {
        Path words = write("data-dir = d\ngateway.port = eighty\n");
        assertEquals("config file " + words + " line 2: gateway.port: must be a whole number, got 'eighty'",
                refusal(words, Map.of()));
        Path range = write("gateway.read-nonce-share-bp = 10001\n");
        assertEquals("config file " + range + " line 1: gateway.read-nonce-share-bp: must be 1-10000, got 10001",
                refusal(range, Map.of()));
        Path duration = write("gateway.idle-timeout = 10s\n");
        assertEquals("config file " + duration + " line 1: gateway.idle-timeout: must be an ISO-8601 duration such as "
                + "PT10S, got '10s'", refusal(duration, Map.of()));
        Path twice = write("gateway.port = 1\n# again\ngateway.port = 2\n");
        assertEquals("config file " + twice + " line 3: gateway.port: given twice (first on line 1)", refusal(twice, Map.of()));
        Path noEquals = write("gateway.port 8080\n");
        assertEquals("config file " + noEquals + " line 1: expected key = value", refusal(noEquals, Map.of()));
    }

    @Test
    void aBadOrUnknownEnvironmentVariableIsNamed() throws IOException {
        Path file = write("data-dir = d\n");
        assertEquals("environment variable FUNDEXCHANGE_GATEWAY_PORT (gateway.port): must be 0-65535, got 70000",
                refusal(file, Map.of("FUNDEXCHANGE_GATEWAY_PORT", "70000")));
        assertEquals("environment variable FUNDEXCHANGE_GATEWAY_PROT: unknown configuration key (every FUNDEXCHANGE_* "
                + "variable must name one; docs/operations.md)", refusal(file, Map.of("FUNDEXCHANGE_GATEWAY_PROT", "1")));
    }

    @Test
    void aFlagOutOfRangeAndAMissingDataDirectoryAreNamed() throws IOException {
        ConfigCommand.Check negative = parse("--data-dir", "d", "--min-index-wait", "PT-1S");
        assertEquals("--min-index-wait: must be an ISO-8601 duration of PT0.001S to PT596H31M23.647S, got PT-1S",
                assertThrows(ConfigException.class, () -> ConfigCommand.Check.check(negative.options, Map.of())).getMessage());
        ConfigCommand.Check none = parse();
        assertEquals("data-dir: no data directory; give --data-dir, FUNDEXCHANGE_DATA_DIR or data-dir in the --config file",
                assertThrows(ConfigException.class, () -> ConfigCommand.Check.check(none.options, Map.of())).getMessage());
    }

    @Test
    void theExampleFileNamesEveryKeyAndShowsTheDefaults() {
        ConfigFile example = ConfigFile.read(EXAMPLE);
        List<String> keys = ServeOptions.KEYS.keys().stream().map(ConfigKey::name).toList();
        assertEquals(keys.stream().filter(k -> !k.equals("database.password")).toList(),
                List.copyOf(example.entries().keySet()), "every key but the password, in the order config check prints");
        assertTrue(Files.isRegularFile(EXAMPLE));

        ConfigCommand.Check check = parse("--config", EXAMPLE.toString());
        List<Setting> settings = ConfigCommand.Check.check(check.options, Map.of());
        Map<String, String> defaults = ConfigCommand.Check.check(parse("--data-dir", "d").options, Map.of()).stream()
                .collect(Collectors.toMap(s -> s.key().name(), s -> String.valueOf(s.value())));
        for (Setting setting : settings) {
            String name = setting.key().name();
            if (!name.equals("data-dir") && !name.startsWith("database.")) {
                assertEquals(defaults.get(name), String.valueOf(setting.value()), name + " shows its default");
            }
        }
    }

    @Test
    void everyOptionOfServeIsAConfigurationKeyWithItsOwnEnvironmentVariable() {
        CommandLine serve = ExchangeCommand.commandLine().getSubcommands().get("serve");
        List<String> flags = serve.getCommandSpec().options().stream().map(o -> o.longestName())
                .filter(name -> !name.equals("--config") && !name.equals("--help") && !name.equals("--version")
                        && !name.equals("--verbose")).sorted().toList();
        assertEquals(flags, ServeOptions.KEYS.keys().stream().map(ConfigKey::flag).sorted().toList());
        assertEquals("FUNDEXCHANGE_GATEWAY_MIN_INDEX_WAITERS_PER_PARTICIPANT",
                ServeOptions.KEYS.keys().stream().filter(k -> k.flag().equals("--min-index-waiters-per-participant"))
                        .findFirst().orElseThrow().environmentVariable());
    }

    @Test
    void theUploadPaceIsConfiguredAndDefaultsToTheDocumentedPace() {
        assertEquals(new fundexchange.gateway.dataroom.UploadPace.Rate(262_144, java.time.Duration.ofSeconds(5)),
                parse("--data-dir", "d").options.gateway().uploadPace());
        assertEquals(new fundexchange.gateway.dataroom.UploadPace.Rate(16_384, java.time.Duration.ofSeconds(1)),
                parse("--data-dir", "d", "--upload-min-rate", "16384", "--upload-grace", "PT1S").options.gateway()
                        .uploadPace());
        assertEquals(java.time.Duration.ofSeconds(60), parse("--data-dir", "d", "--upload-grace", "PT60S").options
                .gateway().uploadPace().grace());
        // Bounded: a rate below 16 KiB a second, or a grace under 1 s or over 60 s, is refused.
        for (String[] pace : List.of(new String[] {"--upload-min-rate", "16383"}, new String[] {"--upload-grace", "PT0S"},
                new String[] {"--upload-grace", "PT0.5S"}, new String[] {"--upload-grace", "PT61S"})) {
            ConfigCommand.Check check = parse("--data-dir", "d", pace[0], pace[1]);
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> check.options.gateway());
            assertTrue(refused.getMessage().contains("upload pace"), refused.getMessage());
        }
    }

    private String refusal(Path file, Map<String, String> env) {
        ConfigCommand.Check check = parse("--config", file.toString());
        return assertThrows(ConfigException.class, () -> ConfigCommand.Check.check(check.options, env)).getMessage();
    }

    private static ConfigCommand.Check parse(String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "config";
        args[1] = "check";
        System.arraycopy(options, 0, args, 2, options.length);
        CommandLine.ParseResult parsed = ExchangeCommand.commandLine().parseArgs(args);
        return (ConfigCommand.Check) parsed.subcommand().subcommand().commandSpec().userObject();
    }

    private Path write(String text) throws IOException {
        Path file = Files.createTempFile(directory, "exchange", ".conf");
        return Files.writeString(file, text);
    }
}
