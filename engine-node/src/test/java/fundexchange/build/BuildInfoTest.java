package fundexchange.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The build resource: the version and commit, or "unknown" for whatever is missing or malformed. */
class BuildInfoTest {
    @Test
    void readsTheVersionAndCommitTheBuildWrote() throws IOException {
        String commit = "0123456789abcdef0123456789abcdef01234567";
        assertEquals(new BuildInfo("0.1.0-SNAPSHOT", commit), read("version=0.1.0-SNAPSHOT\ncommit=" + commit + "\n"));
        assertEquals(commit + "-dirty", read("version=1.0\ncommit=" + commit + "-dirty\n").commit());
    }

    @Test
    void aBuildWithoutGitOrWithoutTheResourceSaysUnknown() throws IOException {
        assertEquals(new BuildInfo("0.1.0", "unknown"), read("version=0.1.0\ncommit=unknown\n"));
        assertEquals(new BuildInfo("unknown", "unknown"), BuildInfo.read(null));
        assertEquals(new BuildInfo("unknown", "unknown"), read("version=${project.version}\ncommit=HEAD\n"));
    }

    @Test
    void thisBuildCarriesItsResource() {
        assertNotEquals(BuildInfo.UNKNOWN, BuildInfo.current().version(), "the build wrote " + BuildInfo.RESOURCE);
    }

    private static BuildInfo read(String text) throws IOException {
        return BuildInfo.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
