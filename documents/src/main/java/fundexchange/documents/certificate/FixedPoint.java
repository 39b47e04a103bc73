package fundexchange.documents.certificate;

/**
 * Writes a fixed-point {@code long} (an integer count of 10^-scale) as a decimal with exactly {@code scale} places and
 * thousands separators, the way amounts are shown to people; no floating point anywhere.
 */
final class FixedPoint {

    private FixedPoint() {
    }

    /** {@code raw} at {@code scale}: {@code format(123456, 2)} is {@code "1,234.56"}. */
    static String format(long raw, int scale) {
        if (scale < 0 || scale > 18) {
            throw new IllegalArgumentException("scale must be 0-18, got " + scale);
        }
        String digits = raw < 0 ? Long.toString(raw).substring(1) : Long.toString(raw);
        if (digits.length() <= scale) {
            digits = "0".repeat(scale - digits.length() + 1) + digits;
        }
        String whole = digits.substring(0, digits.length() - scale);
        String fraction = digits.substring(digits.length() - scale);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(whole.charAt(i));
        }
        return (raw < 0 ? "-" : "") + grouped + (scale == 0 ? "" : "." + fraction);
    }
}
