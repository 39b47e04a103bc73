package fundexchange.gateway.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The portal as the gateway loads it: fingerprints, the import map and its hash in the CSP, and the JS budget. */
class PortalAssetsTest {
    private static final PortalAssets ASSETS = PortalAssets.load();
    private static final Pattern IMPORT = Pattern.compile(
            "\\b(?:import|export)\\s*(?:[^'\"();]*?\\bfrom\\s*)?['\"]([^'\"]+)['\"]");
    private static final Pattern DYNAMIC_IMPORT = Pattern.compile("\\bimport\\(\\s*['\"]([^'\"]+)['\"]\\s*\\)");
    /** docs/portal.md: the JavaScript one page loads, charts excluded. */
    private static final long PAGE_SCRIPT_BUDGET = 150_000;

    private static String text(String url) {
        return new String(ASSETS.at(url).orElseThrow(() -> new AssertionError("not served: " + url)).body(),
                StandardCharsets.UTF_8);
    }

    @Test
    void everyFileButAPageIsServedOnlyUnderItsContentHash() {
        for (String url : ASSETS.urls()) {
            PortalAsset asset = ASSETS.at(url).orElseThrow();
            if (asset.page()) {
                assertTrue(url.equals("/") || url.endsWith(".html"), url);
                assertEquals(PortalAsset.REVALIDATE, asset.cacheControl(), url);
            } else {
                assertEquals(PortalAsset.IMMUTABLE, asset.cacheControl(), url);
                assertTrue(url.matches("/portal/app/.+\\.[0-9a-f]{12}\\.[a-z0-9]+")
                        || url.matches("/portal/vendor/[a-z_-]+/[0-9.]+/.+\\.js"), url);
            }
        }
        assertEquals(Optional.empty(), ASSETS.at("/portal/app/main.js"), "no unfingerprinted name");
        assertEquals(Optional.empty(), ASSETS.at("/portal/vendor/lit-html/3.2.1/development/lit-html.js"));
        assertEquals(Optional.empty(), ASSETS.at("/portal/vendor/lit/3.2.1/package.json"));
        assertEquals("app/main.0123456789ab.js".length(), PortalAssets.fingerprint("app/main.js", new byte[0]).length());
        assertEquals("app/main.e3b0c44298fc.js", PortalAssets.fingerprint("app/main.js", new byte[0]));
    }

    @Test
    void theIndexCarriesTheImportMapWhoseHashTheContentSecurityPolicyAllows() throws Exception {
        String index = text("/");
        assertEquals(index, text("/portal/index.html"));
        assertTrue(index.contains("<script type=\"importmap\">" + ASSETS.importMap() + "</script>"), index);
        assertTrue(ASSETS.contentSecurityPolicy().contains("script-src 'self' 'sha256-"
                + PortalAssets.sha256Base64(ASSETS.importMap().getBytes(StandardCharsets.UTF_8)) + "'"));
        assertTrue(!index.contains("{{"), "every placeholder filled");
        JsonNode imports = new ObjectMapper().readTree(ASSETS.importMap()).path("imports");
        imports.properties().forEach(entry -> {
            String target = entry.getValue().asText();
            assertTrue(target.endsWith("/") || ASSETS.at(target).isPresent(), entry.getKey() + " -> " + target);
        });
        assertEquals(Set.of("lit", "lit/", "lit-html", "lit-html/", "lit-element", "lit-element/",
                "@lit/reactive-element", "@lit/reactive-element/", "echarts", "echarts/"), bareSpecifiers(imports));
    }

    @Test
    void echartsIsServedAsItsOneSelfContainedModuleOnly() {
        assertEquals(List.of("/portal/vendor/echarts/5.3.1/dist/echarts.esm.min.js"), ASSETS.urls().stream()
                .filter(url -> url.startsWith("/portal/vendor/echarts/")).toList());
        assertTrue(ASSETS.contentSecurityPolicy().endsWith("; require-trusted-types-for 'script'; trusted-types lit-html default"),
                ASSETS.contentSecurityPolicy());
    }

    @Test
    void pagesMayConnectOnlyToTheLoopbackSigningAgentsTheOperatorListedAndTheIndexNamesThem() {
        assertTrue(ASSETS.contentSecurityPolicy().contains("; connect-src 'self'; "), ASSETS.contentSecurityPolicy());
        assertTrue(text("/").contains("<meta name=\"fx-signer-origins\" content=\"\">"), "no agent by default");
        PortalAssets withAgents = PortalAssets.load(List.of("http://127.0.0.1:8090", "http://localhost:8091"));
        assertTrue(withAgents.contentSecurityPolicy().contains(
                "; connect-src 'self' http://127.0.0.1:8090 http://localhost:8091; "), withAgents.contentSecurityPolicy());
        assertTrue(new String(withAgents.at("/").orElseThrow().body(), StandardCharsets.UTF_8).contains(
                "<meta name=\"fx-signer-origins\" content=\"http://127.0.0.1:8090 http://localhost:8091\">"));
        for (String wider : List.of("http://127.0.0.1:*", "http://127.0.0.1", "https://127.0.0.1:8090",
                "http://127.0.0.2:8090", "http://[::1]:8090", "http://example.com:8090", "http://127.0.0.1:8090/",
                "http://127.0.0.1:65536", "http://127.0.0.1:0", "http://localhost:8090 https://evil.example",
                "http://127.0.0.1:8090;script-src *")) {
            assertThrows(IllegalArgumentException.class, () -> PortalAssets.load(List.of(wider)), wider);
        }
    }

    @Test
    void theShellLoadsLessThanTheScriptBudget() throws Exception {
        JsonNode imports = new ObjectMapper().readTree(ASSETS.importMap()).path("imports");
        Matcher entry = Pattern.compile("<script type=\"module\" src=\"([^\"]+)\"").matcher(text("/"));
        assertTrue(entry.find());
        Map<String, Integer> loaded = graph(imports, entry.group(1), Map.of());
        // A literal dynamic import (one language's bundle) loads on top: count the largest.
        long largestExtra = 0;
        for (String url : loaded.keySet()) {
            Matcher dynamic = DYNAMIC_IMPORT.matcher(text(url));
            while (dynamic.find()) {
                Map<String, Integer> extra = graph(imports, resolve(imports, url, dynamic.group(1)), loaded);
                largestExtra = Math.max(largestExtra, extra.values().stream().mapToLong(Integer::longValue).sum());
            }
        }
        long total = loaded.values().stream().mapToLong(Integer::longValue).sum() + largestExtra;
        assertTrue(loaded.keySet().stream().anyMatch(url -> url.endsWith("/lit-html.js")), loaded.toString());
        assertTrue(largestExtra > 0, "a language bundle is loaded on demand");
        assertTrue(total < PAGE_SCRIPT_BUDGET, "the shell loads " + total + " bytes of JavaScript: " + loaded);
    }

    /**
     * A holder's, staff member's or manager's page (one the holder, staff or data-room area loads on demand) loads no
     * investor code through its static imports: no module under pages/investor/ nor an investor half of a mechanism.
     */
    @Test
    void holderStaffAndManagerPagesLoadNoInvestorCode() throws Exception {
        JsonNode imports = new ObjectMapper().readTree(ASSETS.importMap()).path("imports");
        Map<String, String> plain = new TreeMap<>();
        imports.fieldNames().forEachRemaining(name -> plain.put(imports.path(name).asText(), name));
        Matcher entry = Pattern.compile("<script type=\"module\" src=\"([^\"]+)\"").matcher(text("/"));
        assertTrue(entry.find());
        Map<String, Integer> shell = graph(imports, entry.group(1), Map.of());
        Map<String, Long> sizes = new TreeMap<>();
        for (String area : shell.keySet()) {
            String name = plain.getOrDefault(area, area);
            if (!name.matches(".*/pages/(holder|staff|dataroom|investor)/index\\.js")) {
                continue;
            }
            Matcher dynamic = DYNAMIC_IMPORT.matcher(text(area));
            while (dynamic.find()) {
                String page = resolve(imports, area, dynamic.group(1));
                Map<String, Integer> loaded = graph(imports, page, shell);
                String pageName = plain.getOrDefault(page, page);
                sizes.put(pageName, loaded.values().stream().mapToLong(Integer::longValue).sum());
                if (pageName.contains("/pages/investor/") || pageName.endsWith("/dataroom/investor.js")) {
                    continue;
                }
                List<String> investor = loaded.keySet().stream().map(url -> plain.getOrDefault(url, url))
                        .filter(url -> url.contains("/pages/investor/") || url.endsWith("-bid.js")).toList();
                assertTrue(investor.isEmpty(), pageName + " loads investor code: " + investor);
            }
        }
        assertTrue(sizes.keySet().stream().anyMatch(name -> name.endsWith("/pages/holder/listings.js")), sizes.toString());
        assertTrue(sizes.keySet().stream().anyMatch(name -> name.endsWith("/pages/staff/queues.js")), sizes.toString());
        System.out.println("page scripts beyond the shell: " + sizes);
    }

    /**
     * The investor panels that need investor code (a mechanism's {@code -bid.js}) load through dynamic imports, which
     * the walk above does not follow: only the mechanisms index's on-demand loader ({@code investorPanel}) asks a module
     * for its panel ({@code investorPanelModule}), and only the investor's pages (under pages/investor/) import that
     * loader, by name, as a namespace or dynamically, so no holder, staff or data-room page can reach investor code.
     */
    @Test
    void onlyTheInvestorPagesCallTheOnDemandInvestorPanelLoader() throws Exception {
        JsonNode imports = new ObjectMapper().readTree(ASSETS.importMap()).path("imports");
        Map<String, String> plain = new TreeMap<>();
        imports.fieldNames().forEachRemaining(name -> plain.put(imports.path(name).asText(), name));
        String loader = "/portal/app/pages/mechanisms/index.js";
        assertTrue(Pattern.compile("\\bexport\\s+async\\s+function\\s+investorPanel\\b")
                .matcher(text(imports.path(loader).asText())).find(), loader + " exports the loader");
        Pattern byName = Pattern.compile("\\bimport\\s*\\{[^}]*\\binvestorPanel\\b[^}]*}\\s*from\\s*['\"]([^'\"]+)['\"]");
        Pattern whole = Pattern.compile("\\bimport\\s*(?:\\*\\s*as\\s+\\w+\\s+from\\s*|\\(\\s*)['\"]([^'\"]+)['\"]");
        Pattern asksForPanel = Pattern.compile("\\binvestorPanelModule\\b(?!\\s*:)");
        Set<String> callers = new TreeSet<>();
        for (String url : ASSETS.urls()) {
            if (!url.startsWith("/portal/app/") || !url.endsWith(".js")) {
                continue;
            }
            String name = plain.getOrDefault(url, url);
            String source = text(url);
            for (Pattern importing : List.of(byName, whole)) {
                Matcher imported = importing.matcher(source);
                while (imported.find()) {
                    if (plain.getOrDefault(resolve(imports, url, imported.group(1)), "").equals(loader)) {
                        callers.add(name);
                    }
                }
            }
            if (asksForPanel.matcher(source).find()) {
                assertEquals(loader, name, name + " loads a mechanism's investor panel itself");
            }
        }
        assertTrue(callers.contains("/portal/app/pages/investor/listings.js"), callers.toString());
        for (String caller : callers) {
            assertTrue(caller.startsWith("/portal/app/pages/investor/"), caller + " calls the investor panel loader");
        }
    }

    /** The modules {@code root} loads through static imports, with their sizes, but those in {@code known}. */
    private static Map<String, Integer> graph(JsonNode imports, String root, Map<String, Integer> known) {
        Map<String, Integer> loaded = new TreeMap<>();
        Deque<String> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            String url = pending.pop();
            if (loaded.containsKey(url) || known.containsKey(url)) {
                continue;
            }
            String source = text(url);
            loaded.put(url, source.getBytes(StandardCharsets.UTF_8).length);
            Matcher imported = IMPORT.matcher(source);
            while (imported.find()) {
                pending.push(resolve(imports, url, imported.group(1)));
            }
        }
        return loaded;
    }

    /** A module specifier as the browser resolves it through the import map. */
    private static String resolve(JsonNode imports, String from, String specifier) {
        String url = specifier.startsWith("./") || specifier.startsWith("../")
                ? java.net.URI.create("http://x" + from).resolve(specifier).getPath() : specifier;
        if (imports.has(url)) {
            return imports.path(url).asText();
        }
        String prefix = "";
        for (var names = imports.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.endsWith("/") && url.startsWith(name) && name.length() > prefix.length()) {
                prefix = name;
            }
        }
        return prefix.isEmpty() ? url : imports.path(prefix).asText() + url.substring(prefix.length());
    }

    private static Set<String> bareSpecifiers(JsonNode imports) {
        Set<String> names = new TreeSet<>();
        imports.fieldNames().forEachRemaining(name -> {
            if (!name.startsWith("/")) {
                names.add(name);
            }
        });
        return names;
    }
}
