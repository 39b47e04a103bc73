package fundexchange.audit.report;

import java.util.List;

/**
 * A horizontal bar chart as inline SVG, in whole pixels so its bytes are reproducible. An optional reference value
 * (NAV, cost) is drawn as a dashed line.
 */
final class BarChart {
    /** One bar: its label, its value in the chart's integer unit, and the value as shown. */
    record Bar(String label, long value, String shown) {
    }

    /** A value to mark with a dashed line and a label, such as 10000 basis points for NAV. */
    record Reference(long value, String label) {
    }

    private static final int WIDTH = 760;
    private static final int LABEL_WIDTH = 240;
    private static final int PLOT_WIDTH = 420;
    private static final int ROW = 24;
    private static final int TOP = 20;

    private BarChart() {
    }

    /** The chart, or an empty string when there is no bar with a positive value. */
    static String svg(String title, List<Bar> bars, Reference reference) {
        long max = reference == null ? 0 : reference.value();
        boolean any = false;
        for (Bar bar : bars) {
            max = Math.max(max, bar.value());
            any |= bar.value() > 0;
        }
        if (!any) {
            return "";
        }
        int height = TOP + bars.size() * ROW + 8;
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\">\n<title>").append(Html.escape(title)).append("</title>\n");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = TOP + i * ROW;
            long width = Math.max(0, bar.value()) * PLOT_WIDTH / max;
            out.append("<text x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\">").append(Html.escape(bar.label())).append("</text>")
                    .append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 3).append("\" width=\"")
                    .append(width).append("\" height=\"16\" class=\"b\"/>")
                    .append("<text x=\"").append(LABEL_WIDTH + width + 6).append("\" y=\"").append(y + 15).append("\">")
                    .append(Html.escape(bar.shown())).append("</text>\n");
        }
        if (reference != null) {
            long x = LABEL_WIDTH + reference.value() * PLOT_WIDTH / max;
            out.append("<line x1=\"").append(x).append("\" y1=\"").append(TOP - 2).append("\" x2=\"").append(x)
                    .append("\" y2=\"").append(height - 4).append("\" class=\"r\"/>")
                    .append("<text x=\"").append(x + 4).append("\" y=\"").append(TOP - 8).append("\" class=\"r\">")
                    .append(Html.escape(reference.label())).append("</text>\n");
        }
        return out.append("</svg>\n").toString();
    }
}
