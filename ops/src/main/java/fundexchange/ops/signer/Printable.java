package fundexchange.ops.signer;

/** Text shown on a terminal: control characters (escape sequences that could redraw the screen) as {@code \\uXXXX}. */
final class Printable {
    private Printable() {
    }

    static String of(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || Character.getType(c) == Character.FORMAT) {
                shown.append("\\u%04x".formatted(c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }
}
