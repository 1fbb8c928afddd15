package io.cutcheck.reports.html;

import static io.cutcheck.reports.html.HtmlText.escape;

import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.history.OpType;
import io.cutcheck.harness.observe.FaultRecord;
import io.cutcheck.reports.RunReport;
import io.cutcheck.reports.figures.RunFigures;

/** The row of figures at the top: checkpoints, restores, faults, anomalies, operations. */
final class SummarySection {

    private SummarySection() {}

    static void render(StringBuilder html, RunReport report, RunFigures figures) {
        long anomalies = report.results().stream().mapToLong(r -> r.anomalies().size()).sum();
        long unhealed = report.observations().faults().stream().filter(f -> f.healedAt() == null).count();
        html.append("<section id=\"summary\" class=\"cards\">\n");
        card(html, "Checkpoints", figures.checkpoints().committed() + "",
                "committed · " + figures.checkpoints().aborted() + " aborted · "
                        + figures.checkpoints().pending() + " pending", "");
        card(html, "Restores", figures.restores().size() + "",
                figures.restores().isEmpty() ? "no recovery" : "mean recovery "
                        + HtmlText.millis(Math.round(figures.recovery().measured().mean())), "");
        card(html, "Faults", report.observations().faults().size() + "",
                kinds(report) + (unhealed > 0 ? " · " + unhealed + " never healed" : ""), "");
        card(html, "Anomalies", anomalies + "", anomalies == 0 ? "none found" : "<a href=\"#anomalies\">see below</a>",
                anomalies > 0 ? "bad" : report.verdict() == Validity.VALID ? "good" : "");
        card(html, "Operations", figures.operations().count(OpType.OK) + "",
                "ok · " + figures.operations().count(OpType.FAIL) + " fail · "
                        + figures.operations().count(OpType.INFO) + " info", "");
        html.append("</section>\n");
    }

    private static String kinds(RunReport report) {
        return report.observations().faults().stream().map(FaultRecord::kind).distinct().sorted()
                .reduce((a, b) -> a + ", " + b).map(HtmlText::escape).orElse("none");
    }

    private static void card(StringBuilder html, String title, String figure, String noteHtml, String tone) {
        html.append("<div class=\"card ").append(tone).append("\"><div class=\"card-title\">").append(escape(title))
            .append("</div><div class=\"card-figure\">").append(escape(figure))
            .append("</div><div class=\"card-note\">").append(noteHtml).append("</div></div>\n");
    }
}
