package fundexchange.gateway.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal's files, read from the classpath once at start and fingerprinted: every file but a page is served only
 * under a name carrying the first 12 hex digits of its SHA-256 ({@code app/main.js} as
 * {@code /portal/app/main.1a2b3c4d5e6f.js}), cached as immutable; the WebJars under their version. The portal's own
 * scripts are served without comments and indentation ({@link ScriptComments}). Pages
 * ({@code *.html}) are templates: {@code {{importmap}}} becomes the import map (bare specifiers of the WebJars, and each
 * module's plain URL mapped to its fingerprinted one, so relative imports between modules reach the current build) and
 * {@code {{asset:app/x.css}}} the fingerprinted URL, {@code {{signers}}} the space-separated origins of the local
 * signing agents the operator allowed; they are served under their own name, revalidated, with the
 * Content-Security-Policy that allows exactly this import map by its hash and connections to exactly those origins.
 */
public final class PortalAssets {
    /** Where the portal's own files live on the classpath. */
    static final String FOLDER = "fundexchange/portal";
    /** Every asset URL starts here, but the index page's {@code /}. */
    public static final String PREFIX = "/portal/";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(importmap|signers|asset:([^}]+))}}");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "woff2", "font/woff2",
            "txt", "text/plain; charset=utf-8");

    private final Map<String, PortalAsset> byUrl;
    private final String importMap;
    private final String contentSecurityPolicy;

    private PortalAssets(Map<String, PortalAsset> byUrl, String importMap, String contentSecurityPolicy) {
        this.byUrl = byUrl;
        this.importMap = importMap;
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    /** The portal from the gateway's class loader (and every classpath root with a {@value #FOLDER} folder). */
    public static PortalAssets load() {
        return load(java.util.List.of());
    }

    /** As {@link #load()}, the pages allowed to reach the local signing agents at {@code signerOrigins}. */
    public static PortalAssets load(java.util.List<String> signerOrigins) {
        return load(PortalAssets.class.getClassLoader(), signerOrigins);
    }

    static PortalAssets load(ClassLoader loader) {
        return load(loader, java.util.List.of());
    }

    static PortalAssets load(ClassLoader loader, java.util.List<String> signerOrigins) {
        signerOrigins.forEach(PortalPolicy::requireSignerOrigin);
        Map<String, byte[]> own = new TreeMap<>(ClasspathTree.read(loader, FOLDER));
        own.replaceAll((name, bytes) -> name.endsWith(".js") ? ScriptComments.strip(
                new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8) : bytes);
        if (!own.containsKey("index.html")) {
            throw new IllegalStateException("the portal's index.html is missing from the classpath (" + FOLDER + ")");
        }
        Map<String, PortalAsset> byUrl = new TreeMap<>();
        Map<String, String> fingerprinted = new TreeMap<>();
        Map<String, String> imports = new TreeMap<>();
        for (Map.Entry<String, byte[]> file : own.entrySet()) {
            String name = file.getKey();
            if (!NAME.matcher(name).matches()) {
                throw new IllegalStateException("portal asset name " + name + " is outside " + NAME.pattern());
            }
            if (name.endsWith(".html")) {
                continue;
            }
            String url = PREFIX + fingerprint(name, file.getValue());
            fingerprinted.put(name, url);
            byUrl.put(url, new PortalAsset(url, file.getValue(), type(name), PortalAsset.IMMUTABLE, false));
            if (name.endsWith(".js")) {
                imports.put(PREFIX + name, url);
            }
        }
        for (WebJar jar : WebJar.LIBRARIES) {
            addWebJar(loader, jar, byUrl, imports);
        }
        String importMap = importMapJson(imports);
        String csp = PortalPolicy.contentSecurityPolicy(sha256Base64(importMap.getBytes(StandardCharsets.UTF_8)),
                signerOrigins);
        String signers = String.join(" ", signerOrigins);
        for (Map.Entry<String, byte[]> file : own.entrySet()) {
            String name = file.getKey();
            if (name.endsWith(".html")) {
                byte[] page = render(name, new String(file.getValue(), StandardCharsets.UTF_8), importMap, signers, fingerprinted)
                        .getBytes(StandardCharsets.UTF_8);
                String url = PREFIX + name;
                byUrl.put(url, new PortalAsset(url, page, type(name), PortalAsset.REVALIDATE, true));
            }
        }
        PortalAsset index = byUrl.get(PREFIX + "index.html");
        byUrl.put("/", new PortalAsset("/", index.body(), index.contentType(), index.cacheControl(), true));
        return new PortalAssets(Map.copyOf(byUrl), importMap, csp);
    }

    /** The asset served at a request's raw path, if any: an exact match, never a file-system lookup. */
    public Optional<PortalAsset> at(String rawPath) {
        return Optional.ofNullable(byUrl.get(rawPath));
    }

    /** The Content-Security-Policy of every page. */
    public String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    /** The import map every page carries, as its text (the CSP lists its hash). */
    public String importMap() {
        return importMap;
    }

    /** Every URL served, in order. */
    public java.util.Set<String> urls() {
        return new TreeSet<>(byUrl.keySet());
    }

    private static void addWebJar(ClassLoader loader, WebJar jar, Map<String, PortalAsset> byUrl, Map<String, String> imports) {
        // Names are "<version>/<file>": only the files the WebJar serves are read.
        Map<String, byte[]> files = ClasspathTree.read(loader, "META-INF/resources/webjars/" + jar.artifact(),
                name -> jar.serves(name.substring(name.indexOf('/') + 1)));
        TreeSet<String> versions = new TreeSet<>();
        files.keySet().forEach(name -> versions.add(name.substring(0, Math.max(0, name.indexOf('/')))));
        if (versions.size() != 1) {
            throw new IllegalStateException("WebJar " + jar.artifact() + ": expected one version on the classpath, found "
                    + versions);
        }
        String version = versions.first();
        String base = PREFIX + "vendor/" + jar.artifact() + "/" + version + "/";
        files.forEach((name, bytes) -> {
            String relative = name.substring(version.length() + 1);
            if (jar.serves(relative)) {
                byUrl.put(base + relative, new PortalAsset(base + relative, bytes, type(relative), PortalAsset.IMMUTABLE, false));
            }
        });
        if (!byUrl.containsKey(base + jar.main())) {
            throw new IllegalStateException("WebJar " + jar.artifact() + " " + version + " has no " + jar.main());
        }
        imports.put(jar.packageName(), base + jar.main());
        imports.put(jar.packageName() + "/", base);
    }

    /** The page with its placeholders filled; an unknown asset is a build error, found at start. */
    private static String render(String page, String template, String importMap, String signers,
                                 Map<String, String> fingerprinted) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (matcher.group(1).equals("signers")) {
                replacement = signers; // checked origins: letters, digits, ':', '/', '.'; nothing to escape
            } else if (matcher.group(2) == null) {
                replacement = "<script type=\"importmap\">" + importMap + "</script>";
            } else {
                replacement = fingerprinted.get(matcher.group(2));
                if (replacement == null) {
                    throw new IllegalStateException("portal page " + page + " names an unknown asset " + matcher.group(2));
                }
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** {@code {"imports":{...}}} in key order; every key and value is a checked asset name, so nothing needs escaping. */
    private static String importMapJson(Map<String, String> imports) {
        StringBuilder json = new StringBuilder("{\"imports\":{");
        String separator = "";
        for (Map.Entry<String, String> entry : imports.entrySet()) {
            json.append(separator).append('"').append(entry.getKey()).append("\":\"").append(entry.getValue()).append('"');
            separator = ",";
        }
        return json.append("}}").toString();
    }

    static String fingerprint(String name, byte[] bytes) {
        String hash = HexFormat.of().formatHex(sha256(bytes)).substring(0, 12);
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return dot > slash + 1 ? name.substring(0, dot) + "." + hash + name.substring(dot) : name + "." + hash;
    }

    private static String type(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        String type = TYPES.get(extension);
        if (type == null) {
            throw new IllegalStateException("portal asset " + name + " has no known content type");
        }
        return type;
    }

    static String sha256Base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(sha256(bytes));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
