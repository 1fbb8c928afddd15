package io.cutcheck.cli.selfcheck;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The self-check's table: for every defect variant of the reference systems, the faults that
 * expose it, and the correct systems under every nemesis. This is the one place that says which
 * faults find which bug; the checkers know nothing of defects.
 *
 * <p>Random kills find the defects that every checkpoint or every restore shows; the ones whose
 * window is the few milliseconds between a checkpoint's trigger and its commit get
 * {@code kill-mid-checkpoint}, a crash aimed at that window. A window that is milliseconds wide
 * even so (an acknowledgement before the part is written) is widened the way it is in production:
 * a slow disk under the crash ({@code slow-disk+kill-after-ack}). Defects that a crash of the
 * committing node cannot show aim at the other nodes ({@code non-coordinator}). The storage
 * defects need the disk nemesis: a crash that loses what was never fsynced, or fsyncs that fail.
 */
public final class Recipes {

    static final List<String> ANY = List.of("one", "coordinator", "minority");
    static final List<String> COORDINATOR = List.of("coordinator");
    static final List<String> WORKERS = List.of("non-coordinator");

    /**
     * A fault of the fsync-error rows exposes the defect when a checkpoint begun under it commits
     * with a part whose fsync failed (4 in 5): the crash right after the commit makes recovery
     * need that part. A crash at the ack instead aborted the checkpoint unless the target acked
     * last, and half the seeds missed in CI.
     */
    static final long FSYNC_ERROR_FAULTS_MS = 1500;

    private Recipes() {}

    public static final List<Recipe> DEFECTS = List.of(
            new Recipe("barrier", "commit-before-all-acks", List.of("kill-mid-checkpoint"), WORKERS, 500, 1500, 800,
                    "a worker dies after the sources acked: the metadata names parts that never came"),
            new Recipe("barrier", "no-barrier-alignment", List.of("pause"), WORKERS, 500, 1200, 700,
                    "a paused operator wakes to barriers and records queued on every channel: unaligned, "
                            + "it snapshots at the first barrier and takes the others' pre-barrier records after"),
            new Recipe("barrier", "metadata-before-parts-durable", List.of("slow-disk+kill-after-ack"), WORKERS,
                    500, 1500, 800, "a task on a slow disk dies between its ack and its part's write; "
                            + "recovery then finds the part missing"),
            defect("barrier", "restore-pending-checkpoint", List.of("kill-mid-checkpoint"), COORDINATOR,
                    "a crash while a checkpoint is pending makes recovery pick it"),
            defect("barrier", "sink-commit-before-complete", List.of("kill-mid-checkpoint"), COORDINATOR,
                    "the coordinator dies after the sink committed: the replay duplicates output"),
            // a barrier checkpoint on the fault disk takes 1-1.5 s: faults 3 s apart leave one time to
            // commit before the first crash (2 s apart, the first crash aborted it on some seeds)
            new Recipe("barrier", "rename-without-fsync", List.of("lose-unsynced"), ANY, 500, 3000, 1000,
                    "a crash loses the contents of a part renamed in place without fsync"),
            new Recipe("barrier", "ignore-fsync-error", List.of("disk-errors+kill-after-commit"), WORKERS,
                    500, FSYNC_ERROR_FAULTS_MS, 1000, "a failed fsync drops the part yet it is acknowledged as durable; "
                            + "a crash right after its checkpoint commits makes recovery need it"),
            defect("barrier", "manifest-without-dir-fsync", List.of("lose-unsynced"), ANY,
                    "a crash loses a rename the directory was never fsynced for"),
            defect("marker", "no-channel-state", List.of("latency"), ANY,
                    "slow links keep money in flight at every cut; no snapshot records it"),
            defect("marker", "record-after-forward", List.of("kill", "pause"), ANY,
                    "post-cut messages leak into the recorded state"),
            defect("marker", "manifest-before-parts-durable", List.of("kill-mid-checkpoint", "kill"), WORKERS,
                    "a peer dies before its part is durable, after the manifest named it"),
            defect("marker", "restore-mixed-snapshots", List.of("kill-mid-checkpoint", "kill"), WORKERS,
                    "a restarted peer forgot the commits it was told of; the others did not: they restore "
                            + "different snapshots"),
            defect("marker", "rename-without-fsync", List.of("lose-unsynced"), ANY,
                    "a crash loses the contents of a part renamed in place without fsync"),
            new Recipe("marker", "ignore-fsync-error", List.of("disk-errors+kill-after-commit"), WORKERS,
                    500, FSYNC_ERROR_FAULTS_MS, 1000, "a failed fsync drops the part yet it is acknowledged as durable; "
                            + "a crash right after its checkpoint commits makes recovery need it"),
            defect("marker", "manifest-without-dir-fsync", List.of("lose-unsynced"), ANY,
                    "a crash loses a rename the directory was never fsynced for"));

    /**
     * The correct systems, one row per system and family of nemesis kinds (processes, network,
     * disks, ...): each must be valid on every seed. The kinds of a family take turns, one fault
     * every second, so a 10 s run meets each of them at least once.
     */
    public static List<Recipe> correct(List<String> systems, Collection<List<String>> families) {
        List<List<String>> all = new ArrayList<>(families);
        List<String> compound = compoundKinds();
        if (!compound.isEmpty()) {
            all.add(compound);
        }
        List<Recipe> rows = new ArrayList<>();
        for (String system : systems) {
            for (List<String> kinds : all) {
                rows.add(new Recipe(system, null, kinds, ANY, 500, 1000, 700,
                        "the system as designed stays valid under " + String.join(", ", kinds)));
            }
        }
        return rows;
    }

    /**
     * The faults at once ({@code a+b}) that defect rows aim with: no family holds them, and a
     * correct system must stand them too, or the row that catches a defect proves nothing.
     */
    static List<String> compoundKinds() {
        return DEFECTS.stream().flatMap(r -> r.kinds().stream()).filter(k -> k.contains("+")).distinct().sorted()
                .toList();
    }

    private static Recipe defect(String system, String defect, List<String> kinds, List<String> targets, String why) {
        return new Recipe(system, defect, kinds, targets, 500, 2000, 1000, why);
    }
}
