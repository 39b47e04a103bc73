package fundexchange.build;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The version and git commit this build was made from, read from {@value #RESOURCE} (written by the build, see
 * matching-engine/pom.xml). A build without git, or from sources without {@code .git}, says {@value #UNKNOWN}.
 *
 * @param version the Maven project version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param commit  the full commit id, with {@code -dirty} when tracked files differed from it, or {@value #UNKNOWN}
 */
public record BuildInfo(String version, String commit) {
    public static final String RESOURCE = "/fundexchange/build/build.properties";
    public static final String UNKNOWN = "unknown";
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z.+-]{1,64}");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}(-dirty)?");
    private static final BuildInfo CURRENT = load();

    public BuildInfo {
        version = VERSION.matcher(version == null ? "" : version).matches() ? version : UNKNOWN;
        commit = COMMIT.matcher(commit == null ? "" : commit).matches() ? commit : UNKNOWN;
    }

    /** This build's version and commit. */
    public static BuildInfo current() {
        return CURRENT;
    }

    /** The values of a {@code build.properties} stream; anything missing or malformed is {@value #UNKNOWN}. */
    static BuildInfo read(InputStream in) throws IOException {
        Properties properties = new Properties();
        if (in != null) {
            properties.load(in);
        }
        return new BuildInfo(properties.getProperty("version"), properties.getProperty("commit"));
    }

    private static BuildInfo load() {
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            return read(in);
        } catch (IOException e) {
            return new BuildInfo(UNKNOWN, UNKNOWN);
        }
    }

    /** One line for people and logs: {@code fund-exchange 0.1.0 (commit 0123abcd...)}. */
    public String describe() {
        return "fund-exchange " + version + " (commit " + commit + ")";
    }
}
