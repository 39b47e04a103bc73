package fundexchange.audit.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** HTML text escaping and simple tables; every piece of report data passes through {@link #escape}. */
final class Html {
    private Html() {
    }

    /** Escapes text for element content and quoted attribute values; null becomes the empty string. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A table with a header row; the numeric columns are right-aligned. Empty, it renders as "None.". */
    static final class Table {
        private final List<String> headers;
        private final Set<Integer> numeric;
        private final List<List<String>> rows = new ArrayList<>();
        private final String none;

        Table(List<String> headers, Set<Integer> numeric) {
            this(headers, numeric, "None.");
        }

        /** A table whose empty rendering says {@code none}. */
        Table(List<String> headers, Set<Integer> numeric, String none) {
            this.headers = List.copyOf(headers);
            this.numeric = Set.copyOf(numeric);
            this.none = none;
        }

        Table row(Object... cells) {
            List<String> row = new ArrayList<>();
            for (Object cell : cells) {
                row.add(cell == null ? "" : String.valueOf(cell));
            }
            rows.add(row);
            return this;
        }

        void writeTo(StringBuilder out) {
            if (rows.isEmpty()) {
                out.append("<p class=\"none\">").append(escape(none)).append("</p>\n");
                return;
            }
            out.append("<table>\n<thead><tr>");
            headers.forEach(h -> out.append("<th>").append(escape(h)).append("</th>"));
            out.append("</tr></thead>\n<tbody>\n");
            for (List<String> row : rows) {
                out.append("<tr>");
                for (int i = 0; i < row.size(); i++) {
                    out.append(numeric.contains(i) ? "<td class=\"n\">" : "<td>").append(escape(row.get(i))).append("</td>");
                }
                out.append("</tr>\n");
            }
            out.append("</tbody>\n</table>\n");
        }
    }
}
