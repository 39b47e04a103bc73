package fundexchange.gateway.listener;

import java.lang.management.ManagementFactory;
import java.util.OptionalLong;

/**
 * The process's descriptor limit against the listeners' connection caps: a cap well under the limit means accept()
 * cannot fail with EMFILE because of connections, which would close Helidon's listener for good.
 */
public final class FileDescriptors {
    /** Descriptors kept for everything but connections: journals, PostgreSQL, JDK and Helidon internals. */
    public static final int RESERVE = 1_024;

    private FileDescriptors() {
    }

    /** The process's limit ({@code ulimit -n} as the JVM raised it), where the platform tells. */
    public static OptionalLong limit() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix
                ? OptionalLong.of(unix.getMaxFileDescriptorCount())
                : OptionalLong.empty();
    }

    /** Refuses to start when the listeners together may hold more connections than the limit leaves after the reserve. */
    public static void requireRoomFor(int connections) {
        limit().ifPresent(limit -> {
            if ((long) connections + RESERVE > limit) {
                throw new IllegalStateException("gateway: the listeners may hold " + connections
                        + " connections, but the process may open only " + limit + " files and keeps " + RESERVE
                        + " for itself; lower --max-connections or raise the limit (ulimit -n, systemd LimitNOFILE)");
            }
        });
    }
}
