package fundexchange.bench;

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
 * for {@code bench/run portal}: the few commands the benchmark needs, over java.net.http, so the benchmark needs no
 * Selenium.
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
    private String origin;

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

    /** Loads a URL (returns once the document has loaded); an http(s) URL's origin becomes {@link #origin()}. */
    void open(String url) throws IOException, InterruptedException {
        if (url.startsWith("http")) {
            URI uri = URI.create(url);
            origin = uri.getScheme() + "://" + uri.getRawAuthority();
        }
        call("POST", session + "/url", Map.of("url", url));
    }

    /** The origin of the last http(s) URL opened. */
    String origin() {
        return origin;
    }

    /**
     * Waits until {@code condition} (a function body returning null while it does not hold) returns a value, polled
     * with synchronous scripts; its value. Fails naming {@code what} and showing the page's text
     * after 30 s. Not for timing: the polling interval adds to the wait.
     */
    JsonNode until(String condition, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode value = call("POST", session + "/execute/sync", Map.of("script", condition, "args", List.of()));
            if (!value.isNull() && !value.isMissingNode()) {
                return value;
            }
            Thread.sleep(20);
        }
        throw new IOException("waiting for " + what + ": not there in 30 s; the page (" + location() + ") shows: "
                + text(".fx-main"));
    }

    /** Notes in the page the time the next click reaches the document, for {@link #sinceClick}. */
    void stampNextClick() throws IOException, InterruptedException {
        value("""
                window.__benchClickAt = null;
                document.addEventListener('click', () => { window.__benchClickAt = performance.now(); },
                  { capture: true, once: true });""");
    }

    /**
     * Waits until {@code condition} (a function body returning null while it does not hold) returns a value, polled
     * back to back with synchronous scripts; returns {@code value} (the condition's) and {@code ms}: the page's time
     * from the click {@link #stampNextClick} noted to the poll that saw it (so the figure may exceed the true one by
     * up to one poll's round trip, a few milliseconds). Polled from here, so nothing is left running in the page.
     */
    JsonNode sinceClick(String condition, String what) throws IOException, InterruptedException {
        String poll = """
                const value = (() => { %s })();
                return value === null || value === undefined || window.__benchClickAt === null ? null
                  : { value, ms: performance.now() - window.__benchClickAt };""".formatted(condition);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode outcome = value(poll);
            if (!outcome.isNull() && !outcome.isMissingNode()) {
                return outcome;
            }
        }
        throw new IOException("waiting for " + what + ": not there in 30 s; the page (" + location() + ") shows: "
                + text(".fx-main"));
    }

    /** The text of the first element {@code css} finds, or "" (not waiting for it). */
    String text(String css) throws IOException, InterruptedException {
        String text = call("POST", session + "/execute/sync", Map.of("script",
                "const e = document.querySelector(arguments[0]); return e ? e.innerText : '';", "args", List.of(css))).asText();
        return text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
    }

    private String location() throws IOException, InterruptedException {
        return call("POST", session + "/execute/sync", Map.of("script", "return location.href;", "args", List.of())).asText();
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

    /** Runs a synchronous script (a function body) and returns its value. */
    JsonNode value(String source, Object... args) throws IOException, InterruptedException {
        return call("POST", session + "/execute/sync", Map.of("script", source, "args", List.of(args)));
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
