package fundexchange.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A headless Chromium driven over the W3C WebDriver protocol by Debian's chromedriver (both local, never downloaded),
 * for {@code exchange bench portal}: the few commands the benchmark needs, over java.net.http, so the product's
 * runtime needs no Selenium.
 */
final class WebDriverSession implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process driver;
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final Path profile;
    private String session;

    private WebDriverSession(Process driver, URI base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    /** Starts chromedriver and a headless Chromium with a fresh profile; fails when either is not installed. */
    static WebDriverSession start() throws IOException, InterruptedException {
        for (Path required : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(required)) {
                throw new IllegalStateException(required + " is missing: apt-get install chromium chromium-driver");
            }
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path profile = Files.createTempDirectory("bench-portal-profile-");
        WebDriverSession browser = new WebDriverSession(process, URI.create("http://127.0.0.1:" + port), profile);
        try {
            browser.awaitDriver();
            JsonNode created = browser.call("POST", "/session", Map.of("capabilities", Map.of("alwaysMatch", Map.of(
                    "browserName", "chrome",
                    "goog:chromeOptions", Map.of("binary", CHROMIUM.toString(), "args", List.of("--headless",
                            "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--window-size=1280,900", "--user-data-dir=" + profile, "--lang=en-US"))))));
            browser.session = "/session/" + created.path("sessionId").asText();
            browser.call("POST", browser.session + "/timeouts", Map.of("implicit", 30_000, "script", 30_000));
            return browser;
        } catch (IOException | RuntimeException e) {
            browser.close();
            throw e;
        }
    }

    private void awaitDriver() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                if (call("GET", "/status", null).path("ready").asBoolean()) {
                    return;
                }
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("chromedriver did not become ready");
            }
            Thread.sleep(100);
        }
    }

    /** Loads a URL (returns once the document has loaded). */
    void open(String url) throws IOException, InterruptedException {
        call("POST", session + "/url", Map.of("url", url));
    }

    /** The element a CSS selector finds, waiting for it up to the implicit timeout. */
    String find(String css) throws IOException, InterruptedException {
        return call("POST", session + "/element", Map.of("using", "css selector", "value", css)).path(ELEMENT).asText();
    }

    void type(String element, String text) throws IOException, InterruptedException {
        call("POST", session + "/element/" + element + "/value", Map.of("text", text));
    }

    void clear(String element) throws IOException, InterruptedException {
        call("POST", session + "/element/" + element + "/clear", Map.of());
    }

    void click(String element) throws IOException, InterruptedException {
        call("POST", session + "/element/" + element + "/click", Map.of());
    }

    /** Runs an asynchronous script (its last argument is the callback) and returns its value. */
    JsonNode script(String source, Object... args) throws IOException, InterruptedException {
        return call("POST", session + "/execute/async", Map.of("script", source, "args", List.of(args)));
    }

    private JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120));
        if (body == null) {
            request.GET();
        } else {
            request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode value = JSON.readTree(response.body()).path("value");
        if (response.statusCode() != 200) {
            throw new IOException("WebDriver " + method + " " + path + ": " + value.path("message").asText(response.body()));
        }
        return value;
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                call("DELETE", session, Map.of());
            }
        } catch (IOException e) {
            // the browser may be gone already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            driver.destroy();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
