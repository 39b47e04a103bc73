package fundexchange.ops;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Function;

/**
 * A long step a person waits for (initialising the database, replaying a journal, building an audit bundle...): its
 * name when it starts, a progress bar if it reports one, and its duration when it ends, on standard error so that a
 * command's own output (standard output) stays clean, e.g. {@code initialising the embedded database / 初始化内嵌数据库 ... 2.4 s}.
 */
public final class Step {
    private final String what;
    private final PrintStream out;
    private final long started = System.nanoTime();
    private Progress progress;

    private Step(String what, PrintStream out) {
        this.what = what;
        this.out = out;
    }

    /** Runs {@code work} as one step named {@code what}, shown on standard error. */
    public static <T> T run(String what, Function<Step, T> work) {
        return run(what, System.err, work);
    }

    static <T> T run(String what, PrintStream out, Function<Step, T> work) {
        Step step = new Step(what, out);
        out.print(what + " ... ");
        out.flush();
        T result;
        try {
            result = work.apply(step);
        } catch (RuntimeException | Error e) {
            step.end(false, "failed / 失败 after " + step.elapsed());
            throw e;
        }
        step.end(true, step.elapsed());
        return result;
    }

    /** Shows how far the step has come, as a bar redrawn at most every 1%. */
    public void progress(long done, long total) {
        if (progress == null) {
            out.println();
            progress = new Progress(total, out);
        }
        progress.at(Math.min(done, total));
    }

    private void end(boolean completed, String outcome) {
        if (progress != null) {
            if (completed) {
                progress.done();
            } else {
                out.println();
            }
            out.println(what + ": " + outcome);
        } else {
            out.println(outcome);
        }
        out.flush();
    }

    private String elapsed() {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9);
    }
}
