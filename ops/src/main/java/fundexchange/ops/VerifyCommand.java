package fundexchange.ops;

import fundexchange.ops.verify.JournalVerifier;
import fundexchange.ops.verify.Verdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code exchange verify --data-dir D}: the one check operators run (docs/operations.md, Verify). Exit 0 when every
 * check passed, 1 with the first bad index and its kind when not, 2 when D holds no journals.
 */
@Command(name = "verify", description = "Verifies a data directory's journals: framing, every signature, the audit chain and"
        + " every checkpoint, and every outcome by replay; names the first bad index. / 校验数据目录的日志。")
public final class VerifyCommand implements Callable<Integer> {
    static final int NO_JOURNALS = 2;
    @Spec
    CommandSpec spec;
    @Option(names = "--data-dir", required = true, description = "the data directory, or a copy of a running node's")
    Path dataDirectory;
    @Option(names = "--live-copy", description = "D is a copy of a running node's: commands it had not applied yet (no"
            + " event document) are a note, not a failure / 运行中节点的副本")
    boolean liveCopy;
    @Option(names = "--no-progress", description = "print no progress bar")
    boolean noProgress;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!java.nio.file.Files.isDirectory(dataDirectory.resolve("journal").resolve("commands"))
                || !java.nio.file.Files.isDirectory(dataDirectory.resolve("journal").resolve("events"))) {
            err.println("error: " + dataDirectory + " holds no command and event journals / 该目录中没有指令和事件日志");
            return NO_JOURNALS;
        }
        Progress progress = noProgress ? null : new Progress(JournalVerifier.lastIndex(dataDirectory), System.err);
        Verdict verdict = JournalVerifier.verify(dataDirectory, liveCopy, progress == null ? done -> { } : progress::at);
        if (progress != null) {
            System.err.println();
        }
        out.println(verdict.message());
        out.flush();
        return verdict.valid() ? 0 : 1;
    }
}
