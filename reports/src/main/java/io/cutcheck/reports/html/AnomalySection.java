package io.cutcheck.reports.html;

import static io.cutcheck.reports.html.HtmlText.escape;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.reports.RunReport;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every anomaly with its explanation and evidence, each linking into the timeline: to its
 * checkpoint ({@code #cp-<id>}, which the page's script zooms to) and to its node's lane.
 */
final class AnomalySection {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AnomalySection() {}

    static void render(StringBuilder html, RunReport report) {
        html.append("<section id=\"anomalies\">\n<h2>Anomalies</h2>\n");
        int number = 0;
        for (CheckResult result : report.results()) {
            for (Anomaly anomaly : result.anomalies()) {
                number++;
                article(html, number, result, anomaly);
            }
        }
        if (report.results().isEmpty()) {
            html.append("<p class=\"empty\">No checker ran, so nothing was judged.</p>\n");
        } else if (number == 0) {
            html.append("<p class=\"empty\">No anomaly: every invariant held on what was observed.</p>\n");
        }
        html.append("</section>\n");
    }

    private static void article(StringBuilder html, int number, CheckResult result, Anomaly anomaly) {
        String tone = result.validity() == Validity.UNKNOWN ? "unknown" : "invalid";
        html.append("<article class=\"anomaly ").append(tone).append("\" id=\"anomaly-").append(number).append("\">\n")
            .append("<h3><span class=\"anomaly-type\">").append(escape(anomaly.type())).append("</span>")
            .append("<span class=\"checker-tag\">").append(escape(result.checker())).append("</span></h3>\n")
            .append("<p>").append(escape(anomaly.explanation())).append("</p>\n")
            .append("<p class=\"links\">");
        if (anomaly.checkpoint() != null) {
            html.append("<a class=\"to-checkpoint\" href=\"#cp-").append(anomaly.checkpoint())
                .append("\" data-checkpoint=\"").append(anomaly.checkpoint()).append("\">checkpoint ")
                .append(anomaly.checkpoint()).append(" in the timeline</a>");
        }
        if (anomaly.node() != null) {
            html.append("<a class=\"to-node\" href=\"#timeline\" data-node=\"").append(escape(anomaly.node()))
                .append("\">node ").append(escape(anomaly.node())).append("</a>");
        }
        html.append("</p>\n");
        evidence(html, anomaly.evidence());
        html.append("</article>\n");
    }

    private static void evidence(StringBuilder html, Map<String, Object> evidence) {
        if (evidence.isEmpty()) {
            return;
        }
        html.append("<table class=\"evidence\"><tbody>\n");
        new TreeMap<>(evidence).forEach((key, value) -> html.append("<tr><th>").append(escape(key))
                .append("</th><td><code>").append(escape(json(value))).append("</code></td></tr>\n"));
        html.append("</tbody></table>\n");
    }

    private static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
