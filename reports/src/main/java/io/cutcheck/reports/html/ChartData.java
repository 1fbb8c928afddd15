package io.cutcheck.reports.html;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Restore;
import io.cutcheck.harness.observe.CheckpointObservation;
import io.cutcheck.harness.observe.FaultRecord;
import io.cutcheck.harness.observe.NodeEvent;
import io.cutcheck.reports.RunReport;
import io.cutcheck.reports.figures.NodeSpan;
import io.cutcheck.reports.figures.OperationSeries;
import io.cutcheck.reports.figures.RestoreEpisode;

import io.cutcheck.reports.figures.RunFigures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The data the page's script draws, as one JSON document embedded in the page. Times are seconds
 * after the run's start, as every chart's x axis shows them.
 */
final class ChartData {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ChartData() {}

    /** The JSON text, safe to place inside a {@code <script>} element. */
    static String json(RunReport report, RunFigures figures) {
        try {
            return MAPPER.writeValueAsString(build(report, figures))
                    .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode build(RunReport report, RunFigures figures) {
        long start = figures.window().start();
        ObjectNode root = NODES.objectNode();
        root.put("duration", seconds(figures.window().end(), start));
        root.set("lanes", lanes(report, figures));
        root.set("spans", spans(figures.spans(), start));
        root.set("faults", faults(report.observations().faults(), figures.window().end(), start));
        root.set("restores", restoreMarks(report, start));
        root.set("episodes", episodes(figures.restores(), start));
        root.put("operations", figures.operations().completed().size());
        root.set("series", series(figures.series()));
        root.set("durations", durations(report.observations().checkpoints()));
        ObjectNode recovery = root.putObject("recovery");
        recovery.put("intervalMs", figures.recovery().intervalMs());
        recovery.put("checkpointCostMs", figures.recovery().checkpointCostMs());
        recovery.put("modelMs", figures.recovery().modelMs());
        root.set("anomalyCheckpoints", anomalyCheckpoints(report.results()));
        return root;
    }

    // The whole-checkpoint lane first, then every node that took part or restored, by name.
    private static ArrayNode lanes(RunReport report, RunFigures figures) {
        Set<String> nodes = new java.util.TreeSet<>();
        figures.spans().stream().map(NodeSpan::node).filter(n -> !NodeSpan.CHECKPOINT_LANE.equals(n)).forEach(nodes::add);
        report.observations().events().stream().map(NodeEvent::node).forEach(nodes::add);
        Set<String> lanes = new LinkedHashSet<>();
        lanes.add(NodeSpan.CHECKPOINT_LANE);
        lanes.addAll(nodes);
        return MAPPER.valueToTree(new ArrayList<>(lanes));
    }

    private static ArrayNode spans(List<NodeSpan> spans, long start) {
        ArrayNode list = NODES.arrayNode();
        for (NodeSpan span : spans) {
            ObjectNode item = list.addObject();
            item.put("checkpoint", span.checkpoint());
            item.put("node", span.node());
            item.put("start", seconds(span.startAt(), start));
            if (span.ackAt() != null) {
                item.put("ack", seconds(span.ackAt(), start));
            }
            item.put("end", seconds(span.endAt(), start));
            item.put("status", span.status());
        }
        return list;
    }

    private static ArrayNode faults(List<FaultRecord> faults, long end, long start) {
        ArrayNode list = NODES.arrayNode();
        for (FaultRecord fault : faults) {
            ObjectNode item = list.addObject();
            item.put("id", fault.id());
            item.put("kind", fault.kind());
            item.put("targets", String.join(", ", fault.targets()));
            item.put("start", seconds(fault.startedAt(), start));
            item.put("end", seconds(fault.healedAt() == null ? end : fault.healedAt(), start));
            item.put("healed", fault.healedAt() != null);
        }
        return list;
    }

    private static ArrayNode restoreMarks(RunReport report, long start) {
        ArrayNode list = NODES.arrayNode();
        for (Restore restored : Restore.recoveries(report.observations())) {
            ObjectNode item = list.addObject();
            item.put("node", restored.node());
            item.put("time", seconds(restored.restoredAt(), start));
            if (restored.checkpoint() != null) {
                item.put("checkpoint", restored.checkpoint());
            }
        }
        return list;
    }

    private static ArrayNode episodes(List<RestoreEpisode> episodes, long start) {
        ArrayNode list = NODES.arrayNode();
        for (RestoreEpisode e : episodes) {
            ObjectNode item = list.addObject();
            if (e.checkpoint() != null) {
                item.put("checkpoint", e.checkpoint());
            }
            item.put("finished", seconds(e.finishedAt(), start));
            item.put("lostWorkMs", e.lostWorkMs());
            item.put("restoreMs", e.restoreMs());
        }
        return list;
    }

    private static ObjectNode series(OperationSeries series) {
        ObjectNode node = NODES.objectNode();
        node.put("bucketMs", series.bucketMs());
        ArrayNode buckets = node.putArray("buckets");
        for (OperationSeries.Bucket b : series.buckets()) {
            ArrayNode row = buckets.addArray();
            row.add((b.startMs() + series.bucketMs() / 2.0) / 1000.0);
            row.add(b.ok()).add(b.fail()).add(b.info());
            row.add(round(b.p50Ms())).add(round(b.p95Ms())).add(round(b.maxMs()));
        }
        return node;
    }

    // Each committed checkpoint's cost, split at the moment all parts were acknowledged.
    private static ArrayNode durations(List<CheckpointObservation> checkpoints) {
        ArrayNode list = NODES.arrayNode();
        checkpoints.stream()
                .filter(c -> c.committed() && c.triggeredAt() != null && c.committedAt() != null)
                .sorted(Comparator.comparingLong(CheckpointObservation::id))
                .forEach(c -> {
                    long acks = c.acksCompleteAt() == null ? c.committedAt() : c.acksCompleteAt();
                    list.addArray().add(c.id()).add(acks - c.triggeredAt()).add(c.committedAt() - acks);
                });
        return list;
    }

    private static ArrayNode anomalyCheckpoints(List<CheckResult> results) {
        Set<Long> ids = new java.util.TreeSet<>();
        results.forEach(r -> r.anomalies().stream().map(Anomaly::checkpoint).filter(id -> id != null).forEach(ids::add));
        return MAPPER.valueToTree(new ArrayList<>(ids));
    }

    private static double seconds(long at, long start) {
        return Math.round(at - start) / 1000.0;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
