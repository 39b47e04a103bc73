package fundexchange.ops;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression selects: every identifier left once strings, label matchers, grouping clauses,
 * range and offset durations, Grafana variables and numbers are taken out, which is neither a function (followed by a
 * parenthesis) nor a keyword.
 */
final class PromQl {
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "and", "or", "unless", "offset", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private PromQl() {
    }

    static Set<String> metricNames(String expression) {
        String bare = expression
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("(?i)\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\$\\{?\\w+}?", " ")
                .replaceAll("\\boffset\\s+\\w+", " ")
                .replaceAll("\\b\\d+(\\.\\d+)?(e[+-]?\\d+)?\\b", " ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String name = identifier.group();
            boolean function = bare.substring(identifier.end()).stripLeading().startsWith("(");
            if (!function && !KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                names.add(name);
            }
        }
        return names;
    }

    /** The metric names inside every call of {@code function} in an expression (its arguments, nested calls included). */
    static Set<String> namesUnder(String function, String expression) {
        Set<String> names = new TreeSet<>();
        Matcher call = Pattern.compile("\\b" + Pattern.quote(function) + "\\s*\\(").matcher(expression);
        while (call.find()) {
            int depth = 1;
            int end = call.end();
            while (depth > 0 && end < expression.length()) {
                char c = expression.charAt(end++);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            }
            names.addAll(metricNames(expression.substring(call.end(), end - 1)));
        }
        return names;
    }
}
