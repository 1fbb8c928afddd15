package io.cutcheck.reports.html;

import static io.cutcheck.reports.html.HtmlText.escape;
import static io.cutcheck.reports.html.HtmlText.millis;
import static io.cutcheck.reports.html.HtmlText.offset;

import io.cutcheck.harness.observe.CheckpointObservation;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Every checkpoint, one row each with the anchor {@code cp-<id>} the anomalies link to; times are
 * seconds after the run's start, as on the timeline.
 */
final class CheckpointTable {

    private CheckpointTable() {}

    static void render(StringBuilder html, List<CheckpointObservation> checkpoints, long start, Set<Long> flagged) {
        html.append("<details class=\"table-details\" open><summary>All checkpoints (").append(checkpoints.size())
            .append(")</summary>\n<div class=\"table-wrap\"><table class=\"data checkpoints\">\n<thead><tr>")
            .append("<th>id</th><th>reason</th><th>status</th><th>triggered</th><th>all acks</th>")
            .append("<th>committed / aborted</th><th>duration</th><th>size</th><th>nodes</th></tr></thead>\n<tbody>\n");
        checkpoints.stream().sorted(Comparator.comparingLong(CheckpointObservation::id)).forEach(c -> {
            Long end = c.committedAt() != null ? c.committedAt() : c.abortedAt();
            String status = c.status() == null ? "pending" : c.status();
            html.append("<tr id=\"cp-").append(c.id()).append("\" class=\"").append(flagged.contains(c.id()) ? "flagged" : "")
                .append("\"><td><a href=\"#cp-").append(c.id()).append("\" class=\"to-checkpoint\" data-checkpoint=\"")
                .append(c.id()).append("\">").append(c.id()).append("</a></td>")
                .append("<td>").append(escape(c.reason())).append("</td>")
                .append("<td><span class=\"status ").append(escape(status)).append("\">").append(escape(status))
                .append("</span></td>")
                .append("<td>").append(offset(c.triggeredAt(), start)).append("</td>")
                .append("<td>").append(offset(c.acksCompleteAt(), start)).append("</td>")
                .append("<td>").append(offset(end, start)).append("</td>")
                .append("<td>").append(end == null || c.triggeredAt() == null ? "—" : millis(end - c.triggeredAt()))
                .append("</td>")
                .append("<td>").append(c.sizeBytes() == null ? "—" : escape(bytes(c.sizeBytes()))).append("</td>")
                .append("<td class=\"nodes\">").append(escape(String.join(", ", c.nodes()))).append("</td></tr>\n");
        });
        html.append("</tbody></table></div></details>\n");
    }

    private static String bytes(long size) {
        if (size < 1024) {
            return size + " B";
        }
        return size < 1024 * 1024 ? String.format(java.util.Locale.ROOT, "%.1f KiB", size / 1024.0)
                : String.format(java.util.Locale.ROOT, "%.1f MiB", size / (1024.0 * 1024));
    }
}
