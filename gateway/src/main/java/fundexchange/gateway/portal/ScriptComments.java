package fundexchange.gateway.portal;

/**
 * Serves the portal's own JavaScript without its comments, blank lines and indentation: what a person reads in the
 * sources, a browser need not download. A small lexer tells code from strings, template literals (with nested
 * {@code ${...}}) and regular-expression literals, so only comments and whitespace in code change: a block comment
 * spanning lines becomes a line break (automatic semicolon insertion sees the same line terminators), every other
 * comment a space or nothing, and text inside strings, templates and regular expressions is kept byte for byte.
 */
final class ScriptComments {
    private static final String REGEX_AFTER = "(,=:[!&|?{};+-*%<>~^";
    private static final java.util.Set<String> REGEX_AFTER_WORDS = java.util.Set.of("return", "typeof", "case", "do",
            "else", "in", "of", "new", "delete", "void", "throw", "yield", "await", "instanceof");

    private final String source;
    private final StringBuilder out;
    private final java.util.ArrayDeque<int[]> templateBraces = new java.util.ArrayDeque<>();
    private int i;

    private ScriptComments(String source) {
        this.source = source;
        this.out = new StringBuilder(source.length());
    }

    /** The script without comments, blank lines and indentation outside strings, templates and regular expressions. */
    static String strip(String source) {
        ScriptComments lexer = new ScriptComments(source);
        lexer.code();
        return lexer.out.toString();
    }

    private void code() {
        while (i < source.length()) {
            char c = source.charAt(i);
            char next = i + 1 < source.length() ? source.charAt(i + 1) : 0;
            if (c == '/' && next == '/') {
                skipLineComment();
            } else if (c == '/' && next == '*') {
                skipBlockComment();
            } else if (c == '/') {
                if (regexMayStart()) {
                    regex();
                } else {
                    out.append(c);
                    i++;
                }
            } else if (c == '\'' || c == '"') {
                string(c);
            } else if (c == '`') {
                out.append(c);
                i++;
                template();
            } else if (c == '{') {
                if (!templateBraces.isEmpty()) {
                    templateBraces.peek()[0]++;
                }
                out.append(c);
                i++;
            } else if (c == '}' && !templateBraces.isEmpty() && templateBraces.peek()[0] == 0) {
                templateBraces.pop();
                out.append(c);
                i++;
                template();
            } else if (c == '}') {
                if (!templateBraces.isEmpty()) {
                    templateBraces.peek()[0]--;
                }
                out.append(c);
                i++;
            } else if (c == '\n') {
                lineBreak();
                i++;
            } else if ((c == ' ' || c == '\t' || c == '\r') && atLineStart()) {
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
    }

    /** A line break in code: none at the start of the output or after another one, and no trailing spaces. */
    private void lineBreak() {
        while (!out.isEmpty() && (out.charAt(out.length() - 1) == ' ' || out.charAt(out.length() - 1) == '\t'
                || out.charAt(out.length() - 1) == '\r')) {
            out.setLength(out.length() - 1);
        }
        if (!atLineStart()) {
            out.append('\n');
        }
    }

    private boolean atLineStart() {
        return out.isEmpty() || out.charAt(out.length() - 1) == '\n';
    }

    private void skipLineComment() {
        while (i < source.length() && source.charAt(i) != '\n') {
            i++;
        }
    }

    private void skipBlockComment() {
        int end = source.indexOf("*/", i + 2);
        if (end < 0) {
            throw new IllegalArgumentException("an unterminated block comment at offset " + i);
        }
        boolean spansLines = source.substring(i, end).indexOf('\n') >= 0;
        i = end + 2;
        if (spansLines) {
            lineBreak();
        } else if (!atLineStart() && out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
    }

    /** Whether a slash here starts a regular expression: after an operator, an opening bracket or a keyword. */
    private boolean regexMayStart() {
        int k = out.length() - 1;
        while (k >= 0 && Character.isWhitespace(out.charAt(k))) {
            k--;
        }
        if (k < 0) {
            return true;
        }
        char previous = out.charAt(k);
        if (REGEX_AFTER.indexOf(previous) >= 0) {
            return true;
        }
        int end = k + 1;
        while (k >= 0 && Character.isJavaIdentifierPart(out.charAt(k))) {
            k--;
        }
        return end > k + 1 && REGEX_AFTER_WORDS.contains(out.substring(k + 1, end));
    }

    private void regex() {
        boolean inClass = false;
        out.append(source.charAt(i++));
        while (i < source.length()) {
            char c = source.charAt(i);
            out.append(c);
            i++;
            if (c == '\\') {
                out.append(source.charAt(i++));
            } else if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                return;
            } else if (c == '\n') {
                throw new IllegalArgumentException("a line break inside a regular expression at offset " + i);
            }
        }
        throw new IllegalArgumentException("an unterminated regular expression");
    }

    private void string(char quote) {
        out.append(source.charAt(i++));
        while (i < source.length()) {
            char c = source.charAt(i);
            out.append(c);
            i++;
            if (c == '\\') {
                out.append(source.charAt(i++));
            } else if (c == quote) {
                return;
            }
        }
        throw new IllegalArgumentException("an unterminated string");
    }

    /** Template text up to its closing backtick, or up to a {@code ${} whose code {@link #code()} then reads. */
    private void template() {
        while (i < source.length()) {
            char c = source.charAt(i);
            out.append(c);
            i++;
            if (c == '\\') {
                out.append(source.charAt(i++));
            } else if (c == '`') {
                return;
            } else if (c == '$' && i < source.length() && source.charAt(i) == '{') {
                out.append('{');
                i++;
                templateBraces.push(new int[] {0});
                return;
            }
        }
        throw new IllegalArgumentException("an unterminated template literal");
    }
}
