package fundexchange.gateway.portal;

import java.util.List;

/**
 * A browser library from Maven Central as a WebJar ({@code META-INF/resources/webjars/<artifact>/<version>/}), served
 * under {@code /portal/vendor/<artifact>/<version>/} and named in the import map by its npm package name. The version
 * in the URL is the fingerprint: a WebJar's content never changes under its version.
 */
record WebJar(String artifact, String packageName, String main, boolean mainOnly) {
    /**
     * lit 3.2.1 and the three packages it imports, each pinned in the gateway's pom (the WebJar declares ranges); and
     * ECharts 5.3.1 for the regulator's charts, its one self-contained ES module only (loaded by the report page alone).
     */
    static final List<WebJar> LIBRARIES = List.of(
            new WebJar("lit", "lit", "index.js"),
            new WebJar("lit-html", "lit-html", "lit-html.js"),
            new WebJar("lit-element", "lit-element", "index.js"),
            new WebJar("lit__reactive-element", "@lit/reactive-element", "reactive-element.js"),
            new WebJar("echarts", "echarts", "dist/echarts.esm.min.js", true));

    /** A library whose production ES modules are all served. */
    WebJar(String artifact, String packageName, String main) {
        this(artifact, packageName, main, false);
    }

    /** Whether a file of this WebJar is served: its main module alone, or every production ES module. */
    boolean serves(String relativeName) {
        return mainOnly ? relativeName.equals(main) : served(relativeName);
    }

    /** The production ES modules: not the Node.js builds, not the development builds. */
    static boolean served(String relativeName) {
        return relativeName.endsWith(".js") && !relativeName.startsWith("node/") && !relativeName.startsWith("development/");
    }
}
