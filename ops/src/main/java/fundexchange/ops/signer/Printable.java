package fundexchange.ops.signer;

/**
 * Text shown on a terminal: control characters (escape sequences that could redraw the screen), bidirectional and other
 * format characters, unpaired surrogates, unassigned code points and spaces other than U+0020 as {@code \\uXXXX}.
 */
final class Printable {
    private Printable() {
    }

    static String of(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || type == Character.FORMAT
                    || type == Character.SURROGATE || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                    || (type == Character.SPACE_SEPARATOR && c != ' ')) {
                shown.append(c > 0xffff ? "\\U%06x".formatted(c) : "\\u%04x".formatted(c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }
}
