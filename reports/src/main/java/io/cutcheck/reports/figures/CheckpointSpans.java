package io.cutcheck.reports.figures;

import io.cutcheck.harness.observe.CheckpointObservation;
import io.cutcheck.harness.observe.NodeEvent;
import io.cutcheck.harness.observe.Observations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cuts each checkpoint into the spans the timeline draws: one for the checkpoint as a whole
 * (trigger → all acks → commit or abort) and one per node that took part. Node times come from
 * the node's lifecycle events; where a node reported none, its span falls back to the
 * checkpoint's own times, so a system with sparse events still gets a readable timeline. The
 * committing node acknowledges nothing: its part ends when it commits.
 */
public final class CheckpointSpans {

    private static final Set<String> PART_BEGINS = Set.of("triggered", "barrier-received", "marker-received");
    private static final Set<String> PART_ACKED = Set.of("ack-sent", "snapshot-written");

    private CheckpointSpans() {}

    public static List<NodeSpan> of(Observations observations) {
        Map<Long, List<NodeEvent>> eventsByCheckpoint = observations.events().stream()
                .filter(e -> e.checkpoint() != null)
                .collect(Collectors.groupingBy(NodeEvent::checkpoint));
        List<NodeSpan> spans = new ArrayList<>();
        observations.checkpoints().stream()
                .sorted(Comparator.comparingLong(CheckpointObservation::id))
                .forEach(c -> spans.addAll(spansOf(c, eventsByCheckpoint.getOrDefault(c.id(), List.of()))));
        return List.copyOf(spans);
    }

    private static List<NodeSpan> spansOf(CheckpointObservation c, List<NodeEvent> events) {
        long lastSeen = events.stream().mapToLong(NodeEvent::time).max().orElse(0);
        Long start = firstNonNull(c.triggeredAt(), events.stream().map(NodeEvent::time).min(Long::compare).orElse(null));
        if (start == null) {
            return List.of(); // nothing tells when it happened: nothing to draw
        }
        long end = firstNonNull(c.committedAt(), c.abortedAt(), c.committedSeenAt(), c.abortedSeenAt(),
                lastSeen > 0 ? lastSeen : null, c.acksCompleteAt(), start);
        String status = c.status() == null ? "pending" : c.status();
        List<NodeSpan> spans = new ArrayList<>();
        spans.add(new NodeSpan(c.id(), NodeSpan.CHECKPOINT_LANE, start, c.acksCompleteAt(), end, status));
        Set<String> nodes = new LinkedHashSet<>(c.nodes());
        events.forEach(e -> nodes.add(e.node()));
        for (String node : nodes) {
            List<NodeEvent> own = events.stream().filter(e -> node.equals(e.node())).toList();
            long nodeStart = own.stream().filter(e -> PART_BEGINS.contains(e.type()))
                    .mapToLong(NodeEvent::time).min().orElse(start);
            Long ack = own.stream().filter(e -> PART_ACKED.contains(e.type()))
                    .map(NodeEvent::time).min(Long::compare)
                    .or(() -> own.stream().filter(e -> "committed".equals(e.type())).map(NodeEvent::time).findFirst())
                    .orElse(own.isEmpty() ? c.acksCompleteAt() : null);
            spans.add(new NodeSpan(c.id(), node, nodeStart, ack, Math.max(end, ack == null ? end : ack), status));
        }
        return spans;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
