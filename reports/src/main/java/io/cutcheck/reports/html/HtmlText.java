package io.cutcheck.reports.html;

/** Escaping for text and attribute values placed into the report's HTML. */
final class HtmlText {

    private HtmlText() {}

    static String escape(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder(text.length() + 16);
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

    /** A string safe for an {@code id} attribute and a URL fragment. */
    static String anchor(String prefix, Object name) {
        return prefix + String.valueOf(name).replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** Seconds after the run's start, as the charts show them. */
    static String offset(Long at, long start) {
        return at == null ? "—" : String.format(java.util.Locale.ROOT, "%.3f s", (at - start) / 1000.0);
    }

    static String millis(Long ms) {
        if (ms == null) {
            return "—";
        }
        return ms < 10_000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.2f s", ms / 1000.0);
    }
}
