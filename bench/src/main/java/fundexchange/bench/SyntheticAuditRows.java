package fundexchange.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Synthetic {@code audit_records} rows in PostgreSQL's COPY text format, deterministic in their index. Journal time
 * never decreases along the indices: {@code sideDays} days of {@code sideDayRows} rows each, then the queried UTC
 * {@code day} with {@code dayRows} rows, then {@code sideDays} more days. Indices start at {@link #BASE_INDEX}, far
 * above anything a real journal reaches, so a real audit tailer writing into the same table never collides.
 */
final class SyntheticAuditRows {
    static final long BASE_INDEX = 1_000_000_000_000L;
    static final long DAY_MS = 86_400_000L;
    static final int PARTICIPANTS = 1000;
    static final int FUNDS = 50;
    /** Command types with their share of rows in percent, and whether they are signed and name a fund. */
    private static final Kind[] MIX = {
            new Kind("Tick", 25, false, false), new Kind("ListNegotiated", 18, true, true),
            new Kind("ApproveListing", 15, true, false), new Kind("AcceptListing", 15, true, true),
            new Kind("ConfirmSettlement", 12, true, true), new Kind("DepositUnits", 6, true, true),
            new Kind("UpdateNav", 4, true, true), new Kind("RotateKey", 3, true, false), new Kind("Checkpoint", 2, false, false)};
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private record Kind(String type, int percent, boolean signed, boolean fund) {
    }

    private final long dayRows;
    private final long sideDayRows;
    private final int sideDays;
    private final long firstDayMs;

    SyntheticAuditRows(long totalRows, long dayRows, LocalDate day, int sideDays) {
        if (dayRows > totalRows || sideDays < 1 || (totalRows - dayRows) % (2L * sideDays) != 0) {
            throw new IllegalArgumentException("the rows outside the day must split evenly over 2 x " + sideDays + " days");
        }
        this.dayRows = dayRows;
        this.sideDayRows = (totalRows - dayRows) / (2L * sideDays);
        this.sideDays = sideDays;
        this.firstDayMs = day.minusDays(sideDays).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** The share of each command type, for the report. */
    static String mix() {
        StringBuilder mix = new StringBuilder();
        for (Kind kind : MIX) {
            mix.append(mix.isEmpty() ? "" : ", ").append(kind.type()).append(' ').append(kind.percent()).append('%');
        }
        return mix + "; outcomes 94% ACCEPTED, 5% REJECTED, 1% DUPLICATE";
    }

    long sideDayRows() {
        return sideDayRows;
    }

    /** Journal time of the row at {@code offset} (0-based from {@link #BASE_INDEX}). */
    long timeMs(long offset) {
        long before = sideDays * sideDayRows;
        int dayNumber;
        long position;
        long rowsThatDay;
        if (offset < before) {
            dayNumber = (int) (offset / sideDayRows);
            position = offset % sideDayRows;
            rowsThatDay = sideDayRows;
        } else if (offset < before + dayRows) {
            dayNumber = sideDays;
            position = offset - before;
            rowsThatDay = dayRows;
        } else {
            long after = offset - before - dayRows;
            dayNumber = sideDays + 1 + (int) (after / sideDayRows);
            position = after % sideDayRows;
            rowsThatDay = sideDayRows;
        }
        return firstDayMs + dayNumber * DAY_MS + position * DAY_MS / rowsThatDay;
    }

    /** Appends the row at {@code offset} to {@code out}, returning the new length. */
    int write(long offset, byte[] out, int at) {
        long hash = mix64(offset);
        Kind kind = kind((int) Long.remainderUnsigned(hash, 100));
        int position = at;
        position = ascii(out, position, Long.toString(BASE_INDEX + offset));
        out[position++] = '\t';
        position = ascii(out, position, Long.toString(timeMs(offset)));
        out[position++] = '\t';
        int who = (int) ((hash >>> 8) % PARTICIPANTS);
        if (kind.signed()) {
            String participant = switch (kind.type()) {
                case "ListNegotiated" -> "Holder-" + four(who);
                case "AcceptListing", "RotateKey" -> "Investor-" + four(who);
                default -> who % 2 == 0 ? "Staff-01" : "Staff-02";
            };
            position = ascii(out, position, participant);
            out[position++] = '\t';
            position = ascii(out, position, "req-" + Long.toHexString(hash >>> 20));
        } else {
            position = ascii(out, position, "\\N\t\\N");
        }
        out[position++] = '\t';
        position = ascii(out, position, kind.type());
        out[position++] = '\t';
        position = ascii(out, position, kind.fund() ? "DEMO-F" + two((int) ((hash >>> 24) % FUNDS)) : "\\N");
        out[position++] = '\t';
        int outcome = (int) ((hash >>> 40) % 100);
        position = ascii(out, position, outcome < 94 ? "ACCEPTED\t0" : outcome < 99 ? "REJECTED\t4003" : "DUPLICATE\t0");
        for (int digest = 1; digest <= 3; digest++) {
            out[position++] = '\t';
            position = hex64(out, position, offset * 3 + digest);
        }
        out[position++] = '\n';
        return position;
    }

    private static Kind kind(int percentile) {
        int cumulative = 0;
        for (Kind kind : MIX) {
            cumulative += kind.percent();
            if (percentile < cumulative) {
                return kind;
            }
        }
        return MIX[MIX.length - 1];
    }

    private static String four(int n) {
        return n < 10 ? "000" + n : n < 100 ? "00" + n : n < 1000 ? "0" + n : Integer.toString(n);
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static int ascii(byte[] out, int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            out[at + i] = (byte) text.charAt(i);
        }
        return at + text.length();
    }

    /** 64 lower-case hex digits standing in for a SHA-256. */
    private static int hex64(byte[] out, int at, long seed) {
        int position = at;
        for (int part = 0; part < 4; part++) {
            long bits = mix64(seed * 4 + part + 0x5DEECE66DL);
            for (int shift = 60; shift >= 0; shift -= 4) {
                out[position++] = HEX[(int) (bits >>> shift) & 0xF];
            }
        }
        return position;
    }

    /** SplitMix64's finaliser: a cheap, well-spread hash of a long. */
    private static long mix64(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
