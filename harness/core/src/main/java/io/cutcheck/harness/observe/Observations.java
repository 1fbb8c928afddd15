package io.cutcheck.harness.observe;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.history.Op;
import java.util.List;
import java.util.Map;

/**
 * Everything a run observed, as checkers read it; also what {@code analyze} rebuilds from a
 * saved store directory.
 *
 * @param workload the workload's name ({@code stream}, {@code bank})
 * @param workloadOptions the workload's parameters a checker may need (e.g. initial balances);
 *     never which system or defect ran
 * @param history the client operations, invoke and completion lines, in order
 * @param events the nodes' lifecycle events in the order received
 * @param faults the faults as executed
 * @param checkpoints every checkpoint seen, by id
 * @param contents checkpoint id → node → that node's part ({@code GET /checkpoints/{id}/content}),
 *     for the committed checkpoints the harness fetched
 * @param input input partition → its records in offset order, read after the run
 * @param output the committed output in commit order ({@code GET /output} entries)
 * @param collected the input log's declared partitions, and whether input and output were read whole
 * @param finalState node → the node's live state read after draining (e.g. {@code /balances})
 * @param drained whether the drain phase saw all input processed and a final checkpoint commit
 */
public record Observations(String workload, Map<String, JsonNode> workloadOptions, List<Op> history,
                           List<NodeEvent> events, List<FaultRecord> faults,
                           List<CheckpointObservation> checkpoints,
                           Map<Long, Map<String, JsonNode>> contents,
                           Map<Integer, List<JsonNode>> input, List<JsonNode> output,
                           Collected collected, Map<String, JsonNode> finalState, boolean drained) {
    public Observations {
        workloadOptions = Map.copyOf(workloadOptions);
        history = List.copyOf(history);
        events = List.copyOf(events);
        faults = List.copyOf(faults);
        checkpoints = List.copyOf(checkpoints);
        contents = Map.copyOf(contents);
        input = Map.copyOf(input);
        output = List.copyOf(output);
        java.util.Objects.requireNonNull(collected, "collected");
        finalState = Map.copyOf(finalState);
    }
}
