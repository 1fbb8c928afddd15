package io.cutcheck.harness.workload;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.checker.Checker;
import io.cutcheck.harness.client.Client;
import io.cutcheck.harness.history.Op;
import io.cutcheck.harness.schedule.Schedule;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A workload, one per file in the {@code workloads} module, all the same shape (as Maelstrom's):
 * the operations to perform, the client that performs them, and the checkers that judge them.
 *
 * <p>Rules: {@link #operations} is pure (same settings and seed, same plan). Clients talk to the
 * harness's input log (and, if the workload reads results, the output store or nodes) only
 * through the SUT protocol. {@link #checkers()} judge observations only.
 */
public interface Workload {

    /** The name users select it by. */
    String name();

    /** Input partitions the input log needs, given the number of nodes the system runs. */
    int partitions(WorkloadSettings settings);

    /** The plan of client invocations for the run phase. */
    Schedule<Op> operations(WorkloadSettings settings, long seed);

    /** A client for one logical process, talking to the harness's input log at {@code inputLog}. */
    Client client(int process, URI inputLog, WorkloadSettings settings);

    /** Parameters checkers need and nodes get as {@code options} (e.g. accounts, initial balance). */
    Map<String, JsonNode> options(WorkloadSettings settings);

    List<Checker> checkers();
}
