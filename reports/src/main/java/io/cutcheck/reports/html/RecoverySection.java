package io.cutcheck.reports.html;

import static io.cutcheck.reports.html.HtmlText.escape;
import static io.cutcheck.reports.html.HtmlText.millis;
import static io.cutcheck.reports.html.HtmlText.offset;

import io.cutcheck.reports.figures.RecoveryModel;
import io.cutcheck.reports.figures.RestoreEpisode;
import io.cutcheck.reports.figures.RunFigures;
import java.util.Locale;

/**
 * Recovery time: each measured recovery beside the model R = T/2 + C, and each checkpoint's cost,
 * with a chart of each (drawn by the page's script into {@code chart-recovery} and
 * {@code chart-durations}).
 */
final class RecoverySection {

    private RecoverySection() {}

    static void render(StringBuilder html, RunFigures figures) {
        RecoveryModel model = figures.recovery();
        html.append("<section id=\"recovery\">\n<h2>Recovery time</h2>\n")
            .append("<p class=\"lede\">A failure costs the work done since the restored checkpoint's cut, which is ")
            .append("redone, plus the time to restore. The simple model expects <b>R = T/2 + C</b>: on average half a ")
            .append("checkpoint interval <i>T</i> of lost work plus about one checkpoint's cost <i>C</i>.</p>\n")
            .append("<div class=\"figures\">\n");
        figure(html, "T, checkpoint interval", millis(model.intervalMs()), switch (model.intervalSource()) {
            case "spec" -> "from the test spec";
            case "observed" -> "median gap of the interval triggers";
            default -> "none set, no interval trigger seen";
        });
        figure(html, "C, checkpoint cost", millis(model.checkpointCostMs()),
                "median trigger → commit of " + model.checkpointDurations().count() + " committed");
        figure(html, "Model R = T/2 + C", millis(model.modelMs()), "expected per failure");
        figure(html, "Measured R", figures.restores().isEmpty() ? "—" : millis(Math.round(model.measured().mean())),
                figures.restores().isEmpty() ? "no restore happened"
                        : "mean of " + model.measured().count() + ", max " + millis(model.measured().max()));
        html.append("</div>\n<div class=\"chart-row\">\n")
            .append("<div class=\"chart-box\"><h3>Each recovery against the model</h3>")
            .append("<div id=\"chart-recovery\" class=\"chart\"></div></div>\n")
            .append("<div class=\"chart-box\"><h3>Checkpoint cost (trigger → all acks → commit)</h3>")
            .append("<div id=\"chart-durations\" class=\"chart\"></div></div>\n</div>\n");
        if (!figures.restores().isEmpty()) {
            episodes(html, figures);
        }
        html.append("</section>\n");
    }

    private static void episodes(StringBuilder html, RunFigures figures) {
        long start = figures.window().start();
        html.append("<div class=\"table-wrap\"><table class=\"data\">\n<thead><tr><th>#</th><th>from checkpoint</th>")
            .append("<th>nodes</th><th>failure</th><th>resumed</th><th>lost work</th><th>restore</th>")
            .append("<th>recovery R</th><th>R / model</th></tr></thead>\n<tbody>\n");
        int number = 0;
        for (RestoreEpisode e : figures.restores()) {
            number++;
            long modelMs = figures.recovery().modelMs();
            html.append("<tr><td>").append(number).append("</td><td>")
                .append(e.checkpoint() == null ? "empty state" : "<a class=\"to-checkpoint\" href=\"#cp-" + e.checkpoint()
                        + "\" data-checkpoint=\"" + e.checkpoint() + "\">" + e.checkpoint() + "</a>")
                .append("</td><td class=\"nodes\">").append(escape(String.join(", ", e.nodes()))).append("</td>")
                .append("<td>").append(offset(e.failureAt(), start)).append("</td>")
                .append("<td>").append(offset(e.finishedAt(), start)).append("</td>")
                .append("<td>").append(millis(e.lostWorkMs())).append("</td>")
                .append("<td>").append(millis(e.restoreMs())).append("</td>")
                .append("<td><b>").append(millis(e.recoveryMs())).append("</b></td>")
                .append("<td>").append(modelMs == 0 ? "—"
                        : String.format(Locale.ROOT, "%.2f×", (double) e.recoveryMs() / modelMs)).append("</td></tr>\n");
        }
        html.append("</tbody></table></div>\n");
    }

    private static void figure(StringBuilder html, String name, String value, String note) {
        html.append("<div class=\"figure\"><div class=\"figure-name\">").append(escape(name))
            .append("</div><div class=\"figure-value\">").append(escape(value))
            .append("</div><div class=\"figure-note\">").append(escape(note)).append("</div></div>\n");
    }
}
