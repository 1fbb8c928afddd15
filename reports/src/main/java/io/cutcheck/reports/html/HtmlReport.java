package io.cutcheck.reports.html;

import static io.cutcheck.reports.html.HtmlText.escape;

import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.reports.RunReport;
import io.cutcheck.reports.figures.RunFigures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes {@code report.html}: one self-contained page (style, data, chart library and script all
 * inlined, nothing fetched when viewed) with the verdict, the anomalies, a timeline of every
 * checkpoint per node under the fault bands, throughput and latency over time, and recovery time
 * against the model. Tables are plain HTML so the page reads even with scripts off; the charts
 * are drawn by {@code report.js} from the embedded data.
 */
public final class HtmlReport {

    public static final String FILE_NAME = "report.html";
    private static final String RESOURCES = "/io/cutcheck/reports/html/";

    // Records every script error on the page element, so a broken page shows in its DOM too.
    private static final String ERROR_TRAP = "window.addEventListener('error', function (e) {"
            + " var root = document.documentElement;"
            + " root.setAttribute('data-errors', (root.getAttribute('data-errors') || '') + e.message + '\\n'); });";

    private HtmlReport() {}

    public static Path write(RunReport report, RunFigures figures) throws IOException {
        Files.createDirectories(report.storeDir());
        Path file = report.storeDir().resolve(FILE_NAME);
        Files.writeString(file, render(report, figures), StandardCharsets.UTF_8);
        return file;
    }

    public static String render(RunReport report, RunFigures figures) {
        StringBuilder html = new StringBuilder(1_200_000);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .append("<title>").append(escape(report.verdict().name())).append(" · ").append(escape(report.testName()))
            .append(" · cutcheck</title>\n<style>\n").append(ClasspathText.read(RESOURCES + "report.css"))
            .append("</style>\n<script>").append(ERROR_TRAP).append("</script>\n</head>\n<body>\n");
        PageHeader.render(html, report);
        nav(html);
        html.append("<main>\n");
        SummarySection.render(html, report, figures);
        AnomalySection.render(html, report);
        timeline(html, report, figures);
        operations(html, figures);
        RecoverySection.render(html, figures);
        FaultTable.render(html, report.observations().faults(), figures.window().start());
        CheckerTable.render(html, report);
        html.append("</main>\n<footer>cutcheck · charts by Apache ECharts ").append(escape(ChartLibrary.version()))
            .append(" (inlined)</footer>\n")
            .append("<script id=\"report-data\" type=\"application/json\">").append(ChartData.json(report, figures))
            .append("</script>\n<script>\n").append(ChartLibrary.script()).append("\n</script>\n<script>\n")
            .append(ClasspathText.read(RESOURCES + "report.js")).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void nav(StringBuilder html) {
        html.append("<nav class=\"sections\"><a href=\"#summary\">Summary</a><a href=\"#anomalies\">Anomalies</a>")
            .append("<a href=\"#timeline\">Checkpoint timeline</a><a href=\"#operations\">Throughput &amp; latency</a>")
            .append("<a href=\"#recovery\">Recovery</a><a href=\"#faults\">Faults</a><a href=\"#checkers\">Checkers</a></nav>\n");
    }

    private static void timeline(StringBuilder html, RunReport report, RunFigures figures) {
        html.append("<section id=\"timeline\">\n<h2>Checkpoint timeline</h2>\n")
            .append("<p class=\"lede\">One lane per node, the top lane the checkpoint as a whole. A solid bar runs from ")
            .append("the trigger (or the node's first barrier or marker) to the node's acknowledgement, the faint bar on to ")
            .append("the commit or abort. Shaded bands are faults; ▼ marks a node restoring from the checkpoint named beside ")
            .append("it. Drag the slider or scroll to zoom.</p>\n")
            .append("<div class=\"legend\"><span class=\"swatch committed\"></span>committed")
            .append("<span class=\"swatch aborted\"></span>aborted<span class=\"swatch pending\"></span>pending")
            .append("<span class=\"swatch fault\"></span>fault<span class=\"swatch restore\"></span>restore")
            .append("<span class=\"swatch flagged\"></span>named by an anomaly</div>\n")
            .append("<div id=\"chart-timeline\" class=\"chart chart-timeline\"></div>\n");
        Set<Long> flagged = new TreeSet<>();
        report.results().forEach(r -> r.anomalies().stream().map(Anomaly::checkpoint).filter(Objects::nonNull)
                .forEach(flagged::add));
        CheckpointTable.render(html, report.observations().checkpoints(), figures.window().start(), flagged);
        html.append("</section>\n");
    }

    private static void operations(StringBuilder html, RunFigures figures) {
        html.append("<section id=\"operations\">\n<h2>Throughput &amp; latency</h2>\n")
            .append("<p class=\"lede\">Client operations completed per second by outcome (ok: took place; fail: did ")
            .append("not; info: unknown), and the latency of the operations completed in each ")
            .append(escape(HtmlText.millis(figures.series().bucketMs()))).append(" bucket. Faults are shaded.</p>\n")
            .append("<div id=\"chart-throughput\" class=\"chart\"></div>\n")
            .append("<div id=\"chart-latency\" class=\"chart\"></div>\n</section>\n");
    }
}
