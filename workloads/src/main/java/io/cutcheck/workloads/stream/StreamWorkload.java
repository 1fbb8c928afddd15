package io.cutcheck.workloads.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutcheck.harness.checker.Checker;
import io.cutcheck.harness.client.Client;
import io.cutcheck.harness.history.Op;
import io.cutcheck.harness.schedule.Planned;
import io.cutcheck.harness.schedule.Schedule;
import io.cutcheck.harness.workload.Workload;
import io.cutcheck.harness.workload.WorkloadSettings;
import io.cutcheck.workloads.append.AcknowledgedAppendsChecker;
import io.cutcheck.workloads.append.AppendBatch;
import io.cutcheck.workloads.append.AppendClient;
import io.cutcheck.workloads.append.Pacing;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Keyed stream records for the barrier system (PROTOCOL.md section 6): clients append batches of
 * {@code {"key":"k17","value":5}} records to random input partitions; operators count and sum per
 * key; the sink writes one output record per input record.
 *
 * <p>One input partition per worker node, and at least two, so that sources interleave and
 * barrier alignment matters. Keys are {@code k0 … k<keys-1>}, values 1 to 9.
 */
public final class StreamWorkload implements Workload {

    public static final String NAME = "stream";
    /** Distinct keys; enough that every operator owns several, few enough that counts grow. */
    public static final int KEYS = 64;
    static final int MAX_VALUE = 9;
    static final Duration APPEND_TIMEOUT = Duration.ofSeconds(5);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int partitions(WorkloadSettings settings) {
        return Math.max(2, settings.nodes());
    }

    @Override
    public Schedule<Op> operations(WorkloadSettings settings, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int partitions = partitions(settings);
        List<Planned<Op>> plan = new ArrayList<>();
        for (Planned<Integer> batch : Pacing.batches(settings, random)) {
            List<ObjectNode> records = new ArrayList<>(batch.what());
            for (int i = 0; i < batch.what(); i++) {
                ObjectNode record = JsonNodeFactory.instance.objectNode();
                record.put("key", "k" + random.nextInt(KEYS));
                record.put("value", 1 + random.nextInt(MAX_VALUE));
                records.add(record);
            }
            JsonNode value = AppendBatch.of(random.nextInt(partitions), records).toJson();
            int process = plan.size() % settings.concurrency();
            plan.add(new Planned<>(batch.atMillis(), Op.invoke(process, AppendClient.APPEND, value)));
        }
        return new Schedule<>(plan);
    }

    @Override
    public Client client(int process, URI inputLog, WorkloadSettings settings) {
        return new AppendClient(inputLog, APPEND_TIMEOUT);
    }

    @Override
    public Map<String, JsonNode> options(WorkloadSettings settings) {
        return Map.of("keys", IntNode.valueOf(KEYS));
    }

    /** The stream's own checkers; the generic ones (committed restore, progress…) come from the harness. */
    @Override
    public List<Checker> checkers() {
        return List.of(new AcknowledgedAppendsChecker(), new ExactlyOnceChecker(), new ConsistentCutChecker());
    }
}
