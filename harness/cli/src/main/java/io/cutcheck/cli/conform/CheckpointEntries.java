package io.cutcheck.cli.conform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Section 2, the {@code /checkpoints} list and its entries, as {@link CheckpointWatch} polls them:
 * ordered by id, a positive id, a known status and reason, the time fields the status implies,
 * nodes of the system. A node's entry is the committing node's when it names a {@code reason} or
 * a {@code metadataPath}: only the node that triggered a checkpoint knows its reason, and the
 * harness tells the committing entry of a committed checkpoint by its metadataPath. At most one
 * node may list an id so, with its nodes and committedAt once committed and sizeBytes 0 while
 * pending; every other node's entry lists just itself in {@code nodes}.
 */
final class CheckpointEntries {

    static final Set<String> STATUSES = Set.of("pending", "committed", "aborted");
    static final Set<String> REASONS = Set.of("interval", "records", "external", "final");

    private final KitCluster cluster;
    private final Set<String> names;
    private final Findings list = new Findings(Rules.CHECKPOINT_LIST);
    private final Findings entries = new Findings(Rules.COMMIT_ENTRY);
    private final Map<Long, String> committingNode = new ConcurrentHashMap<>();
    private final Set<Long> seen = ConcurrentHashMap.newKeySet();
    private final Set<Long> ownByCommitter = ConcurrentHashMap.newKeySet();
    private final Set<Long> committedByCommitting = ConcurrentHashMap.newKeySet();

    CheckpointEntries(KitCluster cluster) {
        this.cluster = cluster;
        this.names = Set.copyOf(cluster.members().stream().map(KitCluster.Member::name).toList());
    }

    /** The answer must be a JSON array; false when it is not. */
    boolean list(KitCluster.Member m, JsonNode body, Http.Call call) {
        return list.require(call.status() == 200 && body != null && body.isArray(), m.name() + " answered GET"
                + " /checkpoints with " + call.status() + (body == null ? ", not JSON" : ", not a JSON array"), call);
    }

    void ordered(KitCluster.Member m, long id, long previous, Http.Call call) {
        list.require(id > previous, m.name() + ": " + id + " listed after " + previous + " (not ordered by id)", call);
    }

    /** The shape of one entry; false when it is too broken to follow its status. */
    boolean judge(KitCluster.Member m, JsonNode e, Http.Call call) {
        String shown = m.name() + " lists " + e.path("id") + " " + e.path("status");
        String evidence = CheckpointWatch.evidence(call, e);
        if (!e.path("id").isIntegralNumber() || e.path("id").asLong() <= 0) {
            list.problem(shown + ": id is not a positive integer", evidence);
            return false;
        }
        String status = e.path("status").asText("");
        if (!STATUSES.contains(status)) {
            list.problem(shown + ": status is none of pending, committed, aborted", evidence);
            return false;
        }
        long id = e.path("id").asLong();
        seen.add(id);
        JsonNode reason = e.path("reason");
        if (!(reason.isNull() || reason.isMissingNode() || (reason.isTextual() && REASONS.contains(reason.asText())))) {
            list.problem(shown + ": reason is none of interval, records, external, final, null", evidence);
        }
        boolean committed = e.hasNonNull("committedAt");
        boolean aborted = e.hasNonNull("abortedAt");
        if (status.equals("pending") ? committed || aborted : status.equals("committed") ? aborted : committed) {
            list.problem(shown + ": committedAt/abortedAt do not match status " + status, evidence);
        }
        if (!e.path("nodes").isArray() || !allKnown(e.path("nodes"))) {
            list.problem(shown + ": nodes is not a list of the system's nodes", evidence);
        }
        // the committing node's entry is the one that knows the trigger's reason (or the metadata's path)
        boolean committing = e.hasNonNull("metadataPath") || e.hasNonNull("reason");
        if (committing) {
            if (m.committer()) {
                ownByCommitter.add(id);
            }
            String other = committingNode.putIfAbsent(id, m.name());
            if (other != null && !other.equals(m.name())) {
                entries.problem(id + " is listed with a reason or metadataPath by both " + other + " and " + m.name(),
                        evidence);
            }
            if (status.equals("committed")) {
                committedByCommitting.add(id);
            }
            if (status.equals("committed") && (e.path("nodes").isEmpty() || e.path("committedAt").isNull())) {
                entries.problem(shown + ": committed on its committing node without nodes or committedAt", evidence);
            }
            if (status.equals("pending") && e.path("sizeBytes").asLong(0) != 0) {
                entries.problem(shown + ": sizeBytes is not 0 while pending", evidence);
            }
        } else {
            JsonNode nodes = e.path("nodes");
            if (!(nodes.isArray() && nodes.size() == 1 && m.name().equals(nodes.get(0).asText()))) {
                entries.problem(shown + ": an entry of a node that did not trigger it (reason and metadataPath null)"
                        + " must list nodes [\"" + m.name() + "\"]", evidence);
            }
        }
        return true;
    }

    private boolean allKnown(JsonNode nodes) {
        for (JsonNode n : nodes) {
            if (!n.isTextual() || !names.contains(n.asText())) {
                return false;
            }
        }
        return true;
    }

    Set<Long> seen() {
        return Set.copyOf(seen);
    }

    Set<Long> ownByCommitter() {
        return Set.copyOf(ownByCommitter);
    }

    /** The list and entry rules; {@code committed}: every id some node listed committed, and where. */
    List<Outcome> outcomes(Map<Long, String> committed, String note) {
        committed.forEach((id, node) -> {
            if (!committedByCommitting.contains(id)) {
                entries.problem(node + " listed " + id + " committed, but no node listed it committed with a"
                        + " reason or metadataPath", "GET " + cluster.member(node).control().resolve("/checkpoints"));
            }
        });
        return List.of(list.outcome(note + ", " + Report.count(seen.size(), "checkpoint")),
                entries.outcome(Report.count(committingNode.size(), "checkpoint") + " with a committing entry"));
    }
}
