package fundexchange.documents.watermark;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * What is written on every page of a document served to one viewer: who, which listing, when (ISO-8601 in the
 * platform zone, with its offset), in Chinese and English.
 *
 * @param viewer  the viewer's participant id
 * @param listing the listing (or offer) id the document belongs to
 * @param atMillis the time of the viewer's journaled opening, epoch milliseconds
 * @param zone    the platform zone
 */
public record Watermark(String viewer, String listing, long atMillis, ZoneId zone) {

    public Watermark {
        Objects.requireNonNull(viewer, "viewer");
        Objects.requireNonNull(listing, "listing");
        Objects.requireNonNull(zone, "zone");
    }

    /** The time as people read it: {@code 2026-12-06T21:12:00+08:00}. */
    public String time() {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                Instant.ofEpochMilli(atMillis).truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }

    /** The Chinese line. */
    public String chinese() {
        return "仅供 " + viewer + " 查阅 · 挂牌 " + listing + " · " + time() + " · 请勿转发";
    }

    /** The English line. */
    public String english() {
        return "For " + viewer + " only · listing " + listing + " · " + time() + " · do not forward";
    }

    /** Both lines, Chinese first. */
    public List<String> lines() {
        return List.of(chinese(), english());
    }
}
