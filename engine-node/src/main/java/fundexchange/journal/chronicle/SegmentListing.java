package fundexchange.journal.chronicle;

import fundexchange.build.BuildInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code exchange journal info}: one line per cycle file of a journal with its documents and the build that wrote its
 * first record, then a line for each later writer of another build in the same file (an upgrade during the day).
 * Read from the files' frames ({@link JournalFrames}), so it works on a copy and beside a running node.
 */
public final class SegmentListing {
    private SegmentListing() {
    }

    /** The lines for the journal {@code name} (e.g. {@code commands}) in {@code directory}. */
    public static List<String> lines(String name, Path directory) {
        List<String> lines = new ArrayList<>();
        try (JournalFrames frames = JournalFrames.open(directory)) {
            JournalFrames.Frame end = frames.next();
            while (end instanceof JournalFrames.Document) {
                end = frames.next();
            }
            for (JournalSegment segment : frames.segments()) {
                lines.add(name + " " + segment.file() + "  " + documents(segment) + "  first record written by / 首条记录写入者: "
                        + segment.firstRecordWriter().map(BuildInfo::describe)
                        .orElse("not recorded (written before writer provenance records) / 未记录"));
                BuildInfo previous = segment.firstRecordWriter().orElse(null);
                for (JournalSegment.Writer writer : segment.writers()) {
                    if (!writer.build().equals(previous)) {
                        lines.add(name + " " + segment.file() + "  from document " + writer.fromDocument()
                                + " on written by / 自第 " + writer.fromDocument() + " 号文档起写入者: " + writer.build().describe());
                    }
                    previous = writer.build();
                }
            }
            if (end instanceof JournalFrames.Broken broken) {
                lines.add(name + " damaged at " + broken.file().getFileName() + " position " + broken.position() + ": "
                        + broken.reason() + " (run exchange verify) / 日志损坏");
            }
        }
        return lines;
    }

    private static String documents(JournalSegment segment) {
        return segment.documents() == 0 ? "no documents / 无文档"
                : "documents " + segment.firstDocument() + "-" + (segment.firstDocument() + segment.documents() - 1)
                + " (" + segment.documents() + ") / 文档";
    }
}
