package fundexchange.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fundexchange.build.BuildInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exchange-VERSION.tar.gz}, unpacked into an empty directory, runs with nothing but a JDK: no Maven, no
 * repository, no {@code .git} (docs/operations.md, "Deploying"). Runs after {@code package} (failsafe).
 */
class TarballIT {
    private static final String VERSION = System.getProperty("distribution.version");
    private static final Path TARBALL = Path.of(System.getProperty("distribution.tarball"));
    private static final Path REPOSITORY = Path.of(System.getProperty("distribution.repository"));
    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));
    private static final Pattern LISTENING = Pattern.compile(
            "exchange listening on http://localhost:(\\d+) .*health and metrics on http://127\\.0\\.0\\.1:(\\d+)/observe");

    @TempDir
    static Path root;
    static Path unpacked;
    static Path home;

    @BeforeAll
    static void unpack() throws Exception {
        unpacked = Files.createDirectory(root.resolve("unpacked"));
        Process tar = new ProcessBuilder("tar", "-xzf", TARBALL.toString(), "-C", unpacked.toString())
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, tar.waitFor(), output);
        home = unpacked.resolve("exchange-" + VERSION);
    }

    @Test
    void theTarballHoldsTheLauncherTheModulesJarsTheDocsAndTheExampleConfiguration() throws IOException {
        assertEquals(List.of("exchange-" + VERSION), names(unpacked));
        assertEquals(List.of("README.md", "bin", "conf", "deploy", "docs", "lib"),
                names(home).stream().filter(name -> !name.equals("README.zh-CN.md")).toList());
        assertEquals(List.of("exchange"), names(home.resolve("bin")));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("bin/exchange"))));
        assertEquals(names(REPOSITORY.resolve("docs")), names(home.resolve("docs")));
        assertArrayEquals(Files.readAllBytes(REPOSITORY.resolve("docs/operations.md")),
                Files.readAllBytes(home.resolve("docs/operations.md")));
        assertArrayEquals(Files.readAllBytes(REPOSITORY.resolve("ops/deploy/exchange.conf.example")),
                Files.readAllBytes(home.resolve("conf/exchange.conf.example")));
        List<String> lib = names(home.resolve("lib"));
        for (String module : List.of("ops", "gateway", "registry", "audit", "client", "matching-engine")) {
            assertTrue(lib.contains(module + "-" + VERSION + ".jar"), module + " in " + lib);
        }
        assertEquals(List.of(), lib.stream().filter(name -> name.startsWith("junit-") || name.startsWith("selenium-")
                || name.startsWith("test-support-") || name.startsWith("helidon-webserver-testing")).toList(),
                "test-only libraries in lib/");
        assertEquals(List.of("jvm.args"), lib.stream().filter(name -> !name.endsWith(".jar")).toList());
    }

    @Test
    void versionPrintsTheBuildsVersionAndCommitWithOnlyJavaHome() throws Exception {
        Processes.Run run = run(List.of(launcher(), "--version"), Map.of("JAVA_HOME", JAVA_HOME.toString()));
        assertEquals(new Processes.Run(0, versionLines(), ""), run);
        assertFalse(VERSION.isBlank());
    }

    @Test
    void versionRunsWithJavaOnlyOnThePathAndThroughASymbolicLink() throws Exception {
        Path link = Files.createSymbolicLink(Files.createDirectories(root.resolve("usr-local-bin")).resolve("exchange"),
                home.resolve("bin/exchange"));
        Processes.Run run = run(List.of(link.toString(), "--version"), Map.of("PATH", JAVA_HOME.resolve("bin") + ":/usr/bin:/bin"));
        assertEquals(new Processes.Run(0, versionLines(), ""), run);
    }

    @Test
    void aJavaOlderThan21IsRefusedNamingTheVersionNeeded() throws Exception {
        Path oldJdk = Files.createDirectories(root.resolve("jdk-17/bin"));
        Path java = oldJdk.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho '    java.specification.version = 17' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Processes.Run run = run(List.of(launcher(), "--version"), Map.of("JAVA_HOME", oldJdk.getParent().toString()));
        assertEquals(new Processes.Run(1, "", "exchange: " + java + " is Java 17; JDK 21 or later is required / 需要 JDK 21 或更高版本\n"),
                run);
    }

    @Test
    void configCheckValidatesTheExampleConfigurationAndMasksThePassword() throws Exception {
        Path config = home.resolve("conf/exchange.conf.example");
        Processes.Run run = run(List.of(launcher(), "config", "check", "--config", config.toString()),
                Map.of("JAVA_HOME", JAVA_HOME.toString(), "FUNDEXCHANGE_DATABASE_PASSWORD", "synthetic-secret-7"));
        List<String> lines = run.out().lines().toList();
        assertEquals(0, run.status(), run.toString());
        assertEquals("# exchange serve: effective configuration / 生效配置 (config file: " + config + ")", lines.getFirst());
        assertEquals("# configuration OK / 配置有效", lines.getLast());
        assertTrue(lines.contains("data-dir = /var/lib/fundexchange  # file"), run.out());
        assertTrue(lines.contains("database.url = jdbc:postgresql://db.internal:5432/fundexchange  # file"), run.out());
        assertTrue(lines.contains("database.password = ********  # env FUNDEXCHANGE_DATABASE_PASSWORD"), run.out());
        assertFalse(run.out().contains("synthetic-secret-7"), run.out());
        assertEquals("", run.err());
    }

    /** The whole path of a first deployment: init, serve on the embedded PostgreSQL, answer, stop on SIGTERM. */
    @Test
    @Timeout(300)
    void initThenServeStartsTheExchangeAndSigtermStopsItAndItsDatabase() throws Exception {
        Path work = Files.createDirectories(root.resolve("first-start"));
        Path data = work.resolve("data");
        List<String> init = new ArrayList<>(List.of(launcher(), "init", "--data-dir", data.toString()));
        for (String staff : List.of("Staff-1", "Staff-2", "Staff-3")) {
            init.addAll(List.of("--staff", staff + "=" + Processes.publicKeyFile(work, staff)));
        }
        init.addAll(List.of("--regulator", "Regulator-1=" + Processes.publicKeyFile(work, "Regulator-1")));
        Map<String, String> environment = Map.of("JAVA_HOME", JAVA_HOME.toString());
        Processes.Run initialised = run(init, environment);
        assertEquals(0, initialised.status(), initialised.toString());
        Matcher platform = Pattern.compile("platform id / 平台标识: (\\S+)").matcher(initialised.out());
        assertTrue(platform.find(), initialised.out());

        Process serve = Processes.start(List.of(launcher(), "serve", "--data-dir", data.toString(), "--port", "0",
                "--management-port", "0"), environment, root, work.resolve("serve.err"));
        try (BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
            Matcher listening = Processes.awaitLine(out, LISTENING, work.resolve("serve.err"));
            JsonNode health = Processes.getJson("http://127.0.0.1:" + listening.group(2) + "/observe/health");
            assertEquals("UP", health.get("status").asText(), health.toString());
            List<JsonNode> builds = new ArrayList<>();
            health.get("checks").forEach(check -> {
                if (check.get("name").asText().equals("build")) {
                    builds.add(check);
                }
            });
            JsonNode build = builds.getFirst();
            assertEquals(new ObjectMapper().readTree("{\"commit\":\"" + BuildInfo.current().commit() + "\",\"version\":\""
                    + VERSION + "\"}"), build.get("data"));
            JsonNode exchange = Processes.getJson("http://127.0.0.1:" + listening.group(1) + "/exchange");
            assertEquals(platform.group(1), exchange.get("platformId").asText(), exchange.toString());
        } finally {
            serve.destroy();
        }
        assertEquals(143, serve.waitFor(), "serve's exit status after SIGTERM (128 + 15)");
        assertFalse(Files.exists(data.resolve("postgres/postmaster.pid")), "the embedded PostgreSQL was stopped");
        assertTrue(Files.isRegularFile(data.resolve("logs/exchange.log")));
    }

    /**
     * The systemd unit as shipped in deploy/, pointed at this unpacked tarball instead of /opt/fundexchange, passes
     * {@code systemd-analyze verify} without a warning (an unknown directive or system call group is only a warning).
     */
    @Test
    void theSystemdUnitVerifiesCleanlyAgainstTheUnpackedLauncher() throws Exception {
        String unit = Files.readString(home.resolve("deploy/systemd/exchange.service"));
        assertTrue(unit.contains("ExecStart=/opt/fundexchange/bin/exchange serve --config /etc/fundexchange/exchange.conf"));
        Path installed = Files.writeString(Files.createDirectories(root.resolve("systemd")).resolve("exchange.service"),
                unit.replace("/opt/fundexchange", home.toString()));
        assertEquals(new Processes.Run(0, "", ""), run(List.of("systemd-analyze", "verify", installed.toString()), Map.of()));
    }

    private static Processes.Run run(List<String> command, Map<String, String> environment) throws Exception {
        return Processes.run(command, environment, root);
    }

    private static String versionLines() {
        return "fund-exchange " + VERSION + "\ncommit " + BuildInfo.current().commit() + "\n";
    }

    private static String launcher() {
        return home.resolve("bin/exchange").toString();
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return List.copyOf(files.map(file -> file.getFileName().toString()).collect(TreeSet::new, TreeSet::add,
                    TreeSet::addAll));
        }
    }
}
