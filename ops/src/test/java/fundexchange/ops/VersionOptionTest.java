package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.build.BuildInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code exchange --version} prints the version and the commit of the build. */
class VersionOptionTest {
    @Test
    void versionPrintsTheBuildsVersionAndCommit() {
        StringWriter out = new StringWriter();
        int status = ExchangeCommand.commandLine().setOut(new PrintWriter(out)).execute("--version");

        assertEquals(0, status);
        BuildInfo build = BuildInfo.current();
        assertEquals("fund-exchange " + build.version() + System.lineSeparator() + "commit " + build.commit()
                + System.lineSeparator(), out.toString());
        assertTrue(out.toString().matches("fund-exchange [0-9A-Za-z.+-]+\\Rcommit ([0-9a-f]{40}(-dirty)?|unknown)\\R"),
                out.toString());
        assertTrue(build.version().startsWith("0."), "the Maven version reached the build resource: " + build.version());
    }
}
