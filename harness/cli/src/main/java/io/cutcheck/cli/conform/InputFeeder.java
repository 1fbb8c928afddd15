package io.cutcheck.cli.conform;

import io.cutcheck.harness.client.Client;
import io.cutcheck.harness.history.Op;
import io.cutcheck.harness.history.OpType;
import io.cutcheck.harness.schedule.Planned;
import io.cutcheck.harness.workload.Workload;
import io.cutcheck.harness.workload.WorkloadSettings;
import java.net.URI;
import java.util.List;

/**
 * A little input, through the workload's own plan and client, so the checkpoints the kit judges
 * hold real state in the workload's encoding: the plan of a short run, appended as fast as the
 * input log takes it, in two halves (before the first kill, and between the kills).
 */
final class InputFeeder {

    private final List<Planned<Op>> plan;
    private final Workload workload;
    private final WorkloadSettings settings;
    private final URI inputLog;

    InputFeeder(Workload workload, WorkloadSettings settings, long seed, URI inputLog) {
        this.plan = workload.operations(settings, seed).items();
        this.workload = workload;
        this.settings = settings;
        this.inputLog = inputLog;
    }

    /** Appends the first or second half of the plan; the number of records appended. */
    int feed(boolean firstHalf) {
        List<Planned<Op>> half = firstHalf ? plan.subList(0, plan.size() / 2) : plan.subList(plan.size() / 2, plan.size());
        int records = 0;
        try (Client client = workload.client(0, inputLog, settings)) {
            for (Planned<Op> planned : half) {
                Op done = client.invoke(planned.what());
                if (done.type() != OpType.OK) {
                    throw new IllegalStateException("the input log refused an append: " + done.error());
                }
                records += done.value().path("count").asInt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot append to the input log: " + e.getMessage(), e);
        }
        return records;
    }
}
