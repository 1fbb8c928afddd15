package io.cutcheck.nemesis.process;

import io.cutcheck.harness.nemesis.Nemesis;
import java.util.Map;
import java.util.function.Supplier;

/** The process faults by kind, with one sentence each, for the CLI's registry and help. */
public final class ProcessNemeses {

    private ProcessNemeses() {}

    public static final Map<String, Supplier<Nemesis>> BY_KIND = Map.of(
            KillNemesis.KIND, KillNemesis::new,
            PauseNemesis.KIND, PauseNemesis::new,
            MidCheckpointKillNemesis.KIND, MidCheckpointKillNemesis::atTrigger,
            MidCheckpointKillNemesis.AFTER_ACK_KIND, MidCheckpointKillNemesis::afterAck,
            MidCheckpointKillNemesis.AFTER_COMMIT_KIND, MidCheckpointKillNemesis::afterCommit);

    public static final Map<String, String> DESCRIPTIONS = Map.of(
            KillNemesis.KIND, "crash nodes with SIGKILL, restart them when the fault heals",
            PauseNemesis.KIND, "freeze nodes with SIGSTOP, thaw them with SIGCONT when the fault heals",
            MidCheckpointKillNemesis.KIND, "trigger a checkpoint, crash nodes while it is in flight, restart them later",
            MidCheckpointKillNemesis.AFTER_ACK_KIND,
            "crash each node as soon as it next acknowledges its part of a checkpoint, restart them later",
            MidCheckpointKillNemesis.AFTER_COMMIT_KIND,
            "crash nodes as soon as a checkpoint begun under the fault commits, restart them later");
}
