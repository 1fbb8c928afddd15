package io.cutcheck.reports.html;

import static io.cutcheck.reports.html.HtmlText.escape;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.reports.RunReport;
import java.time.Instant;
import java.util.Locale;

/** The page's header: the verdict, the test, where the run is stored and the spec it ran. */
final class PageHeader {

    private PageHeader() {}

    static void render(StringBuilder html, RunReport report) {
        Validity verdict = report.verdict();
        String word = verdict.name().toLowerCase(Locale.ROOT);
        html.append("<header class=\"page-header verdict-").append(word).append("\">\n")
            .append("<div class=\"header-inner\">\n")
            .append("<div class=\"brand\">cutcheck run report</div>\n")
            .append("<h1><span class=\"test-name\">").append(escape(report.testName())).append("</span>")
            .append("<span class=\"verdict-badge\" id=\"verdict\">").append(verdict.name()).append("</span></h1>\n")
            .append("<p class=\"verdict-text\">").append(escape(sentence(report, verdict))).append("</p>\n")
            .append("<dl class=\"run-facts\">\n");
        fact(html, "Store", "<code>" + escape(report.storeDir()) + "</code>");
        fact(html, "Workload", escape(report.observations().workload()));
        if (report.spec().has("seed")) {
            fact(html, "Seed", "<code>" + escape(report.spec().get("seed").asText()) + "</code>");
        }
        fact(html, "Run time", escape(HtmlText.millis(report.totalTime().toMillis())));
        fact(html, "Written", escape(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        html.append("</dl>\n")
            .append("<details class=\"spec\"><summary>Test spec (<code>test.json</code>)</summary><pre>")
            .append(escape(pretty(report))).append("</pre></details>\n")
            .append("</div>\n</header>\n");
    }

    private static String sentence(RunReport report, Validity verdict) {
        long anomalies = report.results().stream().mapToLong(r -> r.anomalies().size()).sum();
        return switch (verdict) {
            case VALID -> "Every checker found the run valid.";
            case INVALID -> anomalies + (anomalies == 1 ? " anomaly" : " anomalies")
                    + " found: the system violated a checkpointing invariant.";
            case UNKNOWN -> report.results().isEmpty()
                    ? "No checker ran, so the run could not be judged."
                    : "Some checker lacked the evidence to decide; see the anomalies.";
        };
    }

    private static void fact(StringBuilder html, String name, String valueHtml) {
        html.append("<div><dt>").append(name).append("</dt><dd>").append(valueHtml).append("</dd></div>\n");
    }

    private static String pretty(RunReport report) {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report.spec());
        } catch (JsonProcessingException e) {
            return report.spec().toString();
        }
    }
}
