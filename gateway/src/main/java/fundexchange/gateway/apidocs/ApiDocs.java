package fundexchange.gateway.apidocs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The interactive API docs (issue 24): Swagger UI from its WebJar over the served document {@code GET /openapi}, at
 * {@value #PAGE}. Four files, read from the classpath once at start and served by exact URL: the page, Swagger UI's
 * bundle and style sheet (under their version) and the page's own script (under its content hash), which fixes the
 * document's URL and turns every query and "try it out" option off.
 */
public final class ApiDocs {
    /** The page. */
    public static final String PAGE = "/docs";
    /** The one document the page shows. */
    public static final String DOCUMENT = "/openapi";
    static final String PREFIX = "/docs/";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String WEBJAR_PROPERTIES = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final String OWN = "fundexchange/apidocs/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9.-]+)}}");

    private final Map<String, DocsFile> byUrl;

    private ApiDocs(Map<String, DocsFile> byUrl) {
        this.byUrl = byUrl;
    }

    /** The docs from the gateway's class loader. */
    public static ApiDocs load() {
        return load(ApiDocs.class.getClassLoader());
    }

    static ApiDocs load(ClassLoader loader) {
        String version = webJarVersion(loader);
        Map<String, DocsFile> byUrl = new TreeMap<>();
        Map<String, String> urls = new TreeMap<>();
        for (String name : new String[] {"swagger-ui-bundle.js", "swagger-ui.css"}) {
            String url = PREFIX + "vendor/swagger-ui/" + version + "/" + name;
            urls.put(name, url);
            byUrl.put(url, new DocsFile(url, resource(loader, WEBJAR + version + "/" + name), type(name), DocsFile.IMMUTABLE));
        }
        byte[] script = resource(loader, OWN + "docs.js");
        String scriptUrl = PREFIX + "docs." + HexFormat.of().formatHex(sha256(script)).substring(0, 12) + ".js";
        urls.put("docs.js", scriptUrl);
        byUrl.put(scriptUrl, new DocsFile(scriptUrl, script, type("docs.js"), DocsFile.IMMUTABLE));
        String page = render(new String(resource(loader, OWN + "index.html"), StandardCharsets.UTF_8), urls);
        byUrl.put(PAGE, new DocsFile(PAGE, page.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8",
                DocsFile.REVALIDATE));
        return new ApiDocs(Map.copyOf(byUrl));
    }

    /** The file served at a request's raw path, if any: an exact match, never a file-system lookup. */
    public Optional<DocsFile> at(String rawPath) {
        return Optional.ofNullable(byUrl.get(rawPath));
    }

    /** Every URL served, in order. */
    public java.util.SortedSet<String> urls() {
        return new java.util.TreeSet<>(byUrl.keySet());
    }

    private static String webJarVersion(ClassLoader loader) {
        Properties properties = new Properties();
        try (InputStream in = new java.io.ByteArrayInputStream(resource(loader, WEBJAR_PROPERTIES))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = properties.getProperty("version", "");
        if (!version.matches("[0-9]+(\\.[0-9]+)*")) {
            throw new IllegalStateException("the swagger-ui WebJar names no plain version: " + version);
        }
        return version;
    }

    private static String render(String template, Map<String, String> urls) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String url = urls.get(matcher.group(1));
            if (url == null) {
                throw new IllegalStateException("the API docs page names an unknown file " + matcher.group(1));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(url));
        }
        return matcher.appendTail(out).toString();
    }

    private static byte[] resource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the API docs' " + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String type(String name) {
        return name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
