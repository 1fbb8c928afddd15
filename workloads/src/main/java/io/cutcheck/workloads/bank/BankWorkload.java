package io.cutcheck.workloads.bank;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Bank transfers for the marker system (PROTOCOL.md section 6): peer {@code i} reads input
 * partition {@code i}, which holds only transfers out of its own accounts, to any other account
 * of any peer. Transfer ids ({@code t-0000042}) are unique in the plan.
 */
public final class BankWorkload implements Workload {

    public static final String NAME = "bank";
    public static final int MAX_AMOUNT = 10;
    static final Duration APPEND_TIMEOUT = Duration.ofSeconds(5);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int partitions(WorkloadSettings settings) {
        return BankOptions.of(settings).peers();
    }

    @Override
    public Schedule<Op> operations(WorkloadSettings settings, long seed) {
        BankOptions bank = BankOptions.of(settings);
        SplittableRandom random = new SplittableRandom(seed);
        List<Planned<Op>> plan = new ArrayList<>();
        long nextId = 0;
        for (Planned<Integer> batch : Pacing.batches(settings, random)) {
            int peer = random.nextInt(bank.peers());
            List<ObjectNode> transfers = new ArrayList<>(batch.what());
            for (int i = 0; i < batch.what(); i++) {
                transfers.add(transfer(bank, peer, nextId++, random));
            }
            JsonNode value = AppendBatch.of(peer, transfers).toJson();
            plan.add(new Planned<>(batch.atMillis(), Op.invoke(plan.size() % settings.concurrency(), AppendClient.APPEND, value)));
        }
        return new Schedule<>(plan);
    }

    private static ObjectNode transfer(BankOptions bank, int peer, long id, SplittableRandom random) {
        int fromAccount = random.nextInt(bank.accounts());
        int toPeer = random.nextInt(bank.peers());
        int toAccount = random.nextInt(bank.accounts());
        if (toPeer == peer && toAccount == fromAccount) {
            toAccount = (toAccount + 1) % bank.accounts();
        }
        ObjectNode transfer = JsonNodeFactory.instance.objectNode();
        transfer.put("id", String.format("t-%07d", id));
        transfer.put("from", bank.account(peer, fromAccount));
        transfer.put("to", bank.account(toPeer, toAccount));
        transfer.put("amount", 1 + random.nextInt(MAX_AMOUNT));
        return transfer;
    }

    @Override
    public Client client(int process, URI inputLog, WorkloadSettings settings) {
        return new AppendClient(inputLog, APPEND_TIMEOUT);
    }

    @Override
    public Map<String, JsonNode> options(WorkloadSettings settings) {
        return BankOptions.of(settings).toJson();
    }

    /** The bank's own checkers; the generic ones (committed restore, progress…) come from the harness. */
    @Override
    public List<Checker> checkers() {
        return List.of(new AcknowledgedAppendsChecker(), new BankSnapshotChecker(), new FinalBalancesChecker());
    }
}
