package io.cutcheck.reports.html;

import static io.cutcheck.reports.html.HtmlText.escape;

import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.reports.RunReport;
import java.time.Duration;
import java.util.Locale;
import java.util.TreeMap;

/** Each checker's verdict (with how much it judged, when that was not all) and statistics, then how long each phase took. */
final class CheckerTable {

    private CheckerTable() {}

    static void render(StringBuilder html, RunReport report) {
        html.append("<section id=\"checkers\">\n<h2>Checkers</h2>\n");
        if (report.results().isEmpty()) {
            html.append("<p class=\"empty\">No checker ran.</p>\n");
        } else {
            html.append("<div class=\"table-wrap\"><table class=\"data\">\n<thead><tr><th>checker</th><th>verdict</th>")
                .append("<th>anomalies</th><th>statistics</th></tr></thead>\n<tbody>\n");
            for (CheckResult result : report.results()) {
                String word = result.validity().name().toLowerCase(Locale.ROOT);
                html.append("<tr><td>").append(escape(result.checker())).append("</td>")
                    .append("<td><span class=\"status ").append(word).append("\">").append(word).append("</span>")
                    .append(coverage(result)).append("</td>")
                    .append("<td>").append(result.anomalies().size()).append("</td><td class=\"stats\">");
                new TreeMap<>(result.stats()).forEach((k, v) -> html.append("<span class=\"stat\"><b>").append(escape(k))
                        .append("</b> ").append(escape(v)).append("</span> "));
                html.append("</td></tr>\n");
            }
            html.append("</tbody></table></div>\n");
        }
        phases(html, report);
    }

    /** A partial judgement says so beside its verdict, as on the command line. */
    private static String coverage(CheckResult result) {
        if (result.coverage() == null || result.coverage().complete()) {
            return "";
        }
        return " <span class=\"coverage\">(" + escape(result.coverage().describe()) + ")</span>";
    }

    private static void phases(StringBuilder html, RunReport report) {
        html.append("<h3>Phases</h3>\n<div class=\"phases\">\n");
        long total = Math.max(1, report.totalTime().toMillis());
        for (var phase : report.phases().entrySet()) {
            Duration time = phase.getValue();
            double share = 100.0 * time.toMillis() / total;
            html.append("<div class=\"phase phase-").append(escape(phase.getKey())).append("\" style=\"flex-grow:")
                .append(String.format(Locale.ROOT, "%.2f", share)).append("\" title=\"")
                .append(escape(phase.getKey())).append("\"><b>").append(escape(phase.getKey())).append("</b> ")
                .append(escape(HtmlText.millis(time.toMillis()))).append("</div>\n");
        }
        html.append("</div>\n</section>\n");
    }
}
