package io.cutcheck.reports.html;

import static io.cutcheck.reports.html.HtmlText.escape;
import static io.cutcheck.reports.html.HtmlText.millis;
import static io.cutcheck.reports.html.HtmlText.offset;

import io.cutcheck.harness.observe.FaultRecord;
import java.util.List;

/** The faults as executed, in the order they started, as drawn in the bands over the charts. */
final class FaultTable {

    private FaultTable() {}

    static void render(StringBuilder html, List<FaultRecord> faults, long start) {
        html.append("<section id=\"faults\">\n<h2>Faults</h2>\n");
        if (faults.isEmpty()) {
            html.append("<p class=\"empty\">No fault was injected.</p>\n</section>\n");
            return;
        }
        html.append("<div class=\"table-wrap\"><table class=\"data\">\n<thead><tr><th>#</th><th>kind</th>")
            .append("<th>targets</th><th>started</th><th>healed</th><th>lasted</th><th>error</th></tr></thead>\n<tbody>\n");
        for (FaultRecord f : faults) {
            html.append("<tr id=\"fault-").append(f.id()).append("\"><td>").append(f.id()).append("</td>")
                .append("<td><span class=\"fault-kind\">").append(escape(f.kind())).append("</span></td>")
                .append("<td>").append(escape(String.join(", ", f.targets()))).append("</td>")
                .append("<td>").append(offset(f.startedAt(), start)).append("</td>")
                .append("<td>").append(f.healedAt() == null ? "<span class=\"status aborted\">never</span>"
                        : offset(f.healedAt(), start)).append("</td>")
                .append("<td>").append(f.healedAt() == null ? "—" : millis(f.healedAt() - f.startedAt())).append("</td>")
                .append("<td>").append(f.error() == null ? "" : escape(f.error())).append("</td></tr>\n");
        }
        html.append("</tbody></table></div>\n</section>\n");
    }
}
