package fundexchange.ops;

import java.io.PrintStream;

/** A one-line text progress bar on a terminal stream, redrawn at most every 1%. */
final class Progress {
    private static final int WIDTH = 40;
    private final long total;
    private final PrintStream out;
    private int shownPercent = -1;

    Progress(long total, PrintStream out) {
        this.total = total;
        this.out = out;
    }

    void at(long done) {
        int percent = total == 0 ? 100 : (int) Math.min(100, done * 100 / total);
        if (percent != shownPercent) {
            shownPercent = percent;
            int filled = percent * WIDTH / 100;
            out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "% " + done + "/" + total);
            out.flush();
        }
    }

    void done() {
        at(total);
        out.println();
    }
}
