package fundexchange.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A data directory made by {@code exchange demo}: marked by a {@value #MARKER} file, because it holds its synthetic
 * participants' private keys ({@link DemoKeyFiles}). {@code demo} replaces only such a directory, and {@code serve}
 * refuses one (CONTRACTS.md 4).
 */
final class DemoDirectory {
    static final String MARKER = ".exchange-demo";

    private DemoDirectory() {
    }

    static boolean isDemo(Path directory) {
        return Files.exists(directory.resolve(MARKER));
    }

    /** Refuses to serve a demo directory, naming it and what to do instead. */
    static void refuseToServe(Path directory) {
        if (isDemo(directory)) {
            throw new IllegalStateException("refusing to serve " + directory + ": it is a demo data directory (marked by "
                    + MARKER + "), whose participants' private keys lie in " + directory.resolve(DemoKeyFiles.DIRECTORY)
                    + "; run `exchange demo` to use it, or `exchange init` a new data directory for `exchange serve`"
                    + " / 拒绝运行：这是演示数据目录，其中存有参与者私钥；请用 `exchange demo`，或用 `exchange init` 新建数据目录");
        }
    }

    /** Replaces a previous demo's directory; refuses any other non-empty directory. */
    static void replace(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            if (entries.findAny().isPresent() && !isDemo(directory)) {
                throw new IllegalStateException("refusing to replace " + directory + ": it is not a demo directory");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Directories.deleteRecursively(directory);
    }

    static void mark(Path directory) {
        try {
            Files.writeString(directory.resolve(MARKER), "created by exchange demo; replaced by the next run; "
                    + "exchange serve refuses this directory\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
