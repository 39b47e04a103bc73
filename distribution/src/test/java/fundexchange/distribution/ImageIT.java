package fundexchange.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OCI image of {@code -Pimage} (target/exchange-VERSION-image.tar, an OCI layout tar from Jib): its configuration
 * and layers as written, and the image run by runc, an OCI runtime (Debian's {@code runc}; root): {@code -V}, then
 * {@code init} and the default command {@code serve} on a data volume, stopped by SIGTERM. docs/operations.md,
 * "Deploying".
 */
class ImageIT {
    private static final String VERSION = System.getProperty("distribution.version");
    private static final Path IMAGE = Path.of(System.getProperty("distribution.image.tar"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile(
            "exchange listening on http://localhost:(\\d+) .*health and metrics on http://127\\.0\\.0\\.1:(\\d+)/observe");

    @TempDir
    static Path root;
    static JsonNode config;
    static List<Path> layers = new ArrayList<>();

    @BeforeAll
    static void readLayout() throws Exception {
        Path layout = Files.createDirectory(root.resolve("layout"));
        assertEquals(0, Processes.run(List.of("tar", "-xf", IMAGE.toString(), "-C", layout.toString()), Map.of(), root)
                .status());
        JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
        JsonNode manifest = JSON.readTree(blob(layout, index.get("manifests").get(0)).toFile());
        config = JSON.readTree(blob(layout, manifest.get("config")).toFile());
        manifest.get("layers").forEach(layer -> layers.add(blob(layout, layer)));
    }

    @Test
    void theImageRunsTheExchangeCommandServeAsUser10001OnTheDataVolume() throws IOException {
        assertEquals(JSON.readTree("""
                {"Env":["PATH=/opt/java/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/opt/java",
                  "FUNDEXCHANGE_DATA_DIR=/var/lib/fundexchange","LANG=C.UTF-8"],
                 "Entrypoint":["/opt/java/bin/java","--sun-misc-unsafe-memory-access=allow","-Dstdout.encoding=UTF-8",
                  "-Dstderr.encoding=UTF-8","@/opt/fundexchange/jvm.args","-cp","/app/resources:/app/classes:/app/libs/*",
                  "fundexchange.ops.ExchangeCommand"],
                 "Cmd":["serve"],
                 "ExposedPorts":{"8080/tcp":{},"8081/tcp":{}},
                 "Labels":{"org.opencontainers.image.title":"fund-exchange",
                  "org.opencontainers.image.description":"Fund share exchange: exchange serve on /var/lib/fundexchange",
                  "org.opencontainers.image.version":"%s"},
                 "WorkingDir":"/var/lib/fundexchange","User":"10001:10001","Volumes":{"/var/lib/fundexchange":{}}}
                """.formatted(VERSION)), config.get("config"));
        assertEquals("linux/amd64", config.get("os").asText() + "/" + config.get("architecture").asText());
    }

    @Test
    void theBaseLayerHoldsTheRuntimeAndAnEmptyDataDirectoryOfTheServiceUserAndTheOthersTheExchange() throws Exception {
        List<String> base = Processes.run(List.of("tar", "--numeric-owner", "-tvzf", layers.getFirst().toString()),
                Map.of(), root).out().lines().toList();
        assertEquals(List.of("drwx------ 10001/10001"), base.stream().filter(line -> line.endsWith(" var/lib/fundexchange/"))
                .map(line -> line.substring(0, "drwx------ 10001/10001".length())).toList());
        assertTrue(base.stream().anyMatch(line -> line.startsWith("drwxrwxrwt 0/0") && line.endsWith(" tmp/")), "/tmp 1777");
        List<String> names = new ArrayList<>();
        for (Path layer : layers) {
            names.addAll(Processes.run(List.of("tar", "-tzf", layer.toString()), Map.of(), root).out().lines().toList());
        }
        for (String file : List.of("opt/java/bin/java", "bin/sh", "lib64/ld-linux-x86-64.so.2", "etc/passwd",
                "etc/hosts", "usr/lib/locale/C.utf8/LC_CTYPE", "usr/share/fundexchange/base-packages.txt",
                "opt/fundexchange/jvm.args", "app/libs/ops.jar", "app/libs/gateway-" + VERSION + ".jar")) {
            assertTrue(names.stream().anyMatch(name -> name.equals(file) || name.equals("./" + file)), file);
        }
    }

    /** runc runs the image's own entrypoint and command, as the image says, with a read-only root as compose.yaml. */
    @Test
    @Timeout(300)
    void runcRunsTheImageVersionThenInitThenServeUntilSigterm() throws Exception {
        Path bundle = Files.createDirectories(root.resolve("bundle"));
        Path rootfs = Files.createDirectory(bundle.resolve("rootfs"));
        for (Path layer : layers) {
            Processes.expect(0, List.of("tar", "--numeric-owner", "-xzf", layer.toString(), "-C", rootfs.toString()), root);
        }
        Path data = Files.createDirectory(root.resolve("volume"));
        Files.setAttribute(data, "unix:uid", 10001);
        Files.setAttribute(data, "unix:gid", 10001);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        Path keys = Files.createDirectory(root.resolve("keys"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> entrypoint = strings(config.get("config").get("Entrypoint"));

        Processes.Run version = runc(bundle, keys, data, "version", concat(entrypoint, List.of("-V")));
        assertEquals(new Processes.Run(0, "fund-exchange " + VERSION + "\ncommit " + BuildInfo.current().commit() + "\n",
                ""), version);

        List<String> init = concat(entrypoint, List.of("init", "--data-dir", "/var/lib/fundexchange"));
        for (String staff : List.of("Staff-1", "Staff-2", "Staff-3")) {
            Processes.publicKeyFile(keys, staff);
            init = concat(init, List.of("--staff", staff + "=/keys/" + staff + ".pub.pem"));
        }
        Processes.publicKeyFile(keys, "Regulator-1");
        init = concat(init, List.of("--regulator", "Regulator-1=/keys/Regulator-1.pub.pem"));
        Processes.Run initialised = runc(bundle, keys, data, "init", init);
        assertEquals(0, initialised.status(), initialised.toString());
        Matcher platform = Pattern.compile("platform id / 平台标识: (\\S+)").matcher(initialised.out());
        assertTrue(platform.find(), initialised.out());

        List<String> serve = concat(concat(entrypoint, strings(config.get("config").get("Cmd"))),
                List.of("--port", "0", "--management-port", "0"));
        String id = containerId("serve");
        writeSpec(bundle, keys, data, serve);
        Process container = Processes.start(List.of("runc", "run", "--bundle", bundle.toString(), id), Map.of(), root,
                root.resolve("serve.err"));
        try (BufferedReader out = new BufferedReader(new InputStreamReader(container.getInputStream(),
                StandardCharsets.UTF_8))) {
            Matcher listening = Processes.awaitLine(out, LISTENING, root.resolve("serve.err"));
            JsonNode health = Processes.getJson("http://127.0.0.1:" + listening.group(2) + "/observe/health");
            assertEquals("UP", health.get("status").asText(), health.toString());
            JsonNode exchange = Processes.getJson("http://127.0.0.1:" + listening.group(1) + "/exchange");
            assertEquals(platform.group(1), exchange.get("platformId").asText(), exchange.toString());
        } finally {
            Processes.run(List.of("runc", "kill", id, "TERM"), Map.of(), root);
        }
        assertEquals(143, container.waitFor(), "the JVM's exit status after SIGTERM (128 + 15)");
        assertFalse(Files.exists(data.resolve("postgres/postmaster.pid")), "the embedded PostgreSQL was stopped");
        assertTrue(Files.isRegularFile(data.resolve("logs/exchange.log")), "the log file on the volume");
    }

    private static Processes.Run runc(Path bundle, Path keys, Path data, String name, List<String> args) throws Exception {
        writeSpec(bundle, keys, data, args);
        return Processes.run(List.of("runc", "run", "--bundle", bundle.toString(), containerId(name)), Map.of(), root);
    }

    /**
     * {@code runc spec}'s defaults (namespaces but the network, no capabilities, no new privileges, read-only root)
     * with the image's environment, user and working directory, the data volume, the keys and a /tmp tmpfs.
     */
    private static void writeSpec(Path bundle, Path keys, Path data, List<String> args) throws Exception {
        Files.deleteIfExists(bundle.resolve("config.json"));
        Processes.expect(0, List.of("runc", "spec", "--bundle", bundle.toString()), root);
        ObjectNode spec = (ObjectNode) JSON.readTree(bundle.resolve("config.json").toFile());
        ObjectNode process = (ObjectNode) spec.get("process");
        JsonNode image = config.get("config");
        process.put("terminal", false);
        process.set("args", JSON.valueToTree(args));
        process.set("env", image.get("Env"));
        process.put("cwd", image.get("WorkingDir").asText());
        String[] user = image.get("User").asText().split(":");
        process.set("user", JSON.readTree("{\"uid\":" + user[0] + ",\"gid\":" + user[1] + "}"));
        process.remove("rlimits");
        process.set("capabilities", JSON.readTree("{\"bounding\":[],\"effective\":[],\"permitted\":[],\"ambient\":[]}"));
        ArrayNode namespaces = JSON.createArrayNode();
        spec.get("linux").get("namespaces").forEach(namespace -> {
            if (!namespace.get("type").asText().equals("network")) {
                namespaces.add(namespace);
            }
        });
        ((ObjectNode) spec.get("linux")).set("namespaces", namespaces);
        ArrayNode mounts = (ArrayNode) spec.get("mounts");
        mounts.add(JSON.readTree("{\"destination\":\"/var/lib/fundexchange\",\"type\":\"bind\",\"source\":\"" + data
                + "\",\"options\":[\"rbind\",\"rw\"]}"));
        mounts.add(JSON.readTree("{\"destination\":\"/keys\",\"type\":\"bind\",\"source\":\"" + keys
                + "\",\"options\":[\"rbind\",\"ro\"]}"));
        mounts.add(JSON.readTree("{\"destination\":\"/tmp\",\"type\":\"tmpfs\",\"source\":\"tmpfs\","
                + "\"options\":[\"nosuid\",\"nodev\",\"mode=1777\",\"size=512m\"]}"));
        JSON.writeValue(bundle.resolve("config.json").toFile(), spec);
    }

    private static String containerId(String name) {
        return "fundexchange-imageit-" + ProcessHandle.current().pid() + "-" + name;
    }

    private static Path blob(Path layout, JsonNode descriptor) {
        String[] digest = descriptor.get("digest").asText().split(":");
        return layout.resolve("blobs").resolve(digest[0]).resolve(digest[1]);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
