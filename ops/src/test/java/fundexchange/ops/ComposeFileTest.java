package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code ops/deploy/compose.yaml} checked statically, since no Compose implementation runs here (no daemon, no
 * compose plugin): it parses as YAML with its merge keys, declares what it uses, and keeps the promises
 * docs/operations.md makes for it.
 */
class ComposeFileTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> compose() throws IOException {
        return new Yaml(new LoaderOptions()).load(Files.readString(Path.of("deploy/compose.yaml")));
    }

    @Test
    void theExchangeAndItsDatabaseAndTheOnceOnlyInitAreDeclaredAndWiredTogether() throws IOException {
        Map<String, Object> compose = compose();
        Map<String, Object> services = map(compose.get("services"));
        Map<String, Object> db = map(services.get("db"));
        Map<String, Object> exchange = map(services.get("exchange"));
        Map<String, Object> init = map(services.get("init"));
        Map<String, Object> shape = new TreeMap<>();
        shape.put("services", List.copyOf(services.keySet()));
        shape.put("volumes", List.copyOf(map(compose.get("volumes")).keySet()));
        shape.put("networks", List.copyOf(map(compose.get("networks")).keySet()));
        shape.put("exchange waits for a healthy db", map(map(exchange.get("depends_on")).get("db")).get("condition"));
        shape.put("db has a health check", map(db.get("healthcheck")).containsKey("test"));
        shape.put("exchange runs the image's command (serve)", exchange.containsKey("command"));
        shape.put("public port on the loopback only", exchange.get("ports"));
        shape.put("management port not published", exchange.get("expose"));
        shape.put("exchange database url", map(exchange.get("environment")).get("FUNDEXCHANGE_DATABASE_URL"));
        shape.put("init only on request", init.get("profiles"));
        shape.put("init command", ((List<?>) init.get("command")).getFirst());
        for (String name : List.of("exchange", "init")) {
            Map<String, Object> service = map(services.get(name));
            shape.put(name + " hardening", List.of(service.get("user"), service.get("read_only"), service.get("cap_drop"),
                    service.get("security_opt"), service.get("networks")));
        }
        shape.put("db networks", db.get("networks"));
        assertEquals(new TreeMap<>(Map.ofEntries(
                Map.entry("services", List.of("db", "exchange", "init")),
                Map.entry("volumes", List.of("exchange-data", "db-data")),
                Map.entry("networks", List.of("internal")),
                Map.entry("exchange waits for a healthy db", "service_healthy"),
                Map.entry("db has a health check", true),
                Map.entry("exchange runs the image's command (serve)", false),
                Map.entry("public port on the loopback only", List.of("127.0.0.1:8080:8080")),
                Map.entry("management port not published", List.of("8081")),
                Map.entry("exchange database url", "jdbc:postgresql://db:5432/fundexchange"),
                Map.entry("init only on request", List.of("init")),
                Map.entry("init command", "init"),
                Map.entry("exchange hardening", List.of("10001:10001", true, List.of("ALL"),
                        List.of("no-new-privileges:true"), List.of("internal"))),
                Map.entry("init hardening", List.of("10001:10001", true, List.of("ALL"),
                        List.of("no-new-privileges:true"), List.of("internal"))),
                Map.entry("db networks", List.of("internal")))), shape);
    }

    @Test
    void everyVolumeAServiceMountsIsDeclaredOrABindMount() throws IOException {
        Map<String, Object> compose = compose();
        Map<String, Object> declared = map(compose.get("volumes"));
        List<String> undeclared = map(compose.get("services")).values().stream()
                .flatMap(service -> ((List<?>) map(service).getOrDefault("volumes", List.of())).stream())
                .map(mount -> String.valueOf(mount).split(":")[0])
                .filter(source -> !source.startsWith(".") && !source.startsWith("/") && !declared.containsKey(source))
                .toList();
        assertEquals(List.of(), undeclared);
    }
}
