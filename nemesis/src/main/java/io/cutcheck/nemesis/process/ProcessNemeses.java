package io.cutcheck.nemesis.process;

import io.cutcheck.harness.nemesis.NemesisKind;
import java.util.List;

/** The process faults by kind, with one sentence each, for the CLI's registry and help. */
public final class ProcessNemeses {

    private ProcessNemeses() {}

    public static final String FAMILY = "process";

    public static final List<NemesisKind> KINDS = List.of(
            NemesisKind.of(KillNemesis.KIND, FAMILY, "crash nodes with SIGKILL, restart them when the fault heals",
                    KillNemesis::new),
            NemesisKind.of(PauseNemesis.KIND, FAMILY,
                    "freeze nodes with SIGSTOP, thaw them with SIGCONT when the fault heals", PauseNemesis::new),
            NemesisKind.of(MidCheckpointKillNemesis.KIND, FAMILY,
                    "trigger a checkpoint, crash nodes while it is in flight, restart them later",
                    MidCheckpointKillNemesis::atTrigger),
            NemesisKind.of(MidCheckpointKillNemesis.AFTER_ACK_KIND, FAMILY,
                    "crash each node as soon as it next acknowledges its part of a checkpoint, restart them later",
                    MidCheckpointKillNemesis::afterAck),
            NemesisKind.of(MidCheckpointKillNemesis.AFTER_COMMIT_KIND, FAMILY,
                    "crash nodes as soon as a checkpoint begun under the fault commits, restart them later",
                    MidCheckpointKillNemesis::afterCommit));
}
