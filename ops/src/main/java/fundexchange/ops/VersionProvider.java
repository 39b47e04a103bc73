package fundexchange.ops;

import fundexchange.build.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code exchange --version}: the version and the git commit the build was made from ("unknown" without git). */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        BuildInfo build = BuildInfo.current();
        return new String[] {"fund-exchange " + build.version(), "commit " + build.commit()};
    }
}
