package io.cutcheck.harness.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.nemesis.Fault;
import io.cutcheck.harness.spec.TestSpec;
import io.cutcheck.harness.system.NodeSlot;
import java.util.List;
import java.util.Map;

/**
 * {@code test.json}: the full spec (seed included), the nodes as laid out, the fault schedule as
 * planned, and the workload's options, so a saved run can be checked again or replayed.
 *
 * @param format the store format version ({@link StoreLayout#FORMAT})
 * @param committer the node that commits checkpoints and takes triggers
 * @param startedAt wall-clock ms when the run began
 */
public record TestManifest(int format, TestSpec spec, List<NodeSlot> nodes, String committer,
                           List<Fault> faultSchedule, Map<String, JsonNode> workloadOptions, long startedAt) {
    public TestManifest {
        nodes = List.copyOf(nodes);
        faultSchedule = List.copyOf(faultSchedule);
        workloadOptions = Map.copyOf(workloadOptions);
    }
}
