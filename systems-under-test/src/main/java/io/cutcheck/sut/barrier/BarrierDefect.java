package io.cutcheck.sut.barrier;

import io.cutcheck.sut.node.BadConfigException;
import io.cutcheck.sut.node.Defect;
import io.cutcheck.sut.storage.StorageDefect;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The deliberate defects of the barrier system; the storage-level ones come from {@link StorageDefect}. */
public enum BarrierDefect {
    NONE("none", "the system as designed"),
    COMMIT_BEFORE_ALL_ACKS("commit-before-all-acks",
            "the coordinator writes the metadata once the sources have acknowledged, before the operators and sinks"),
    NO_BARRIER_ALIGNMENT("no-barrier-alignment",
            "operators and sinks snapshot on the first barrier and keep processing the other channels unaligned"),
    METADATA_BEFORE_PARTS_DURABLE("metadata-before-parts-durable",
            "tasks acknowledge their part before writing it, so the metadata can name parts that never became durable"),
    RESTORE_PENDING_CHECKPOINT("restore-pending-checkpoint",
            "recovery restores the last triggered checkpoint even if its metadata was never written"),
    SINK_COMMIT_BEFORE_COMPLETE("sink-commit-before-complete",
            "the sink commits its transaction at the snapshot instead of on the coordinator's completion notice");

    private final String wire;
    private final String description;

    BarrierDefect(String wire, String description) {
        this.wire = wire;
        this.description = description;
    }

    public String wire() {
        return wire;
    }

    /** The barrier defect a node config names; storage defects map to NONE here; anything else is refused. */
    public static BarrierDefect of(Optional<String> defect) {
        if (defect.isEmpty() || StorageDefect.of(defect) != StorageDefect.NONE) {
            return NONE;
        }
        return Arrays.stream(values()).filter(d -> d != NONE && d.wire.equals(defect.get())).findFirst()
                .orElseThrow(() -> new BadConfigException("unknown defect for system barrier: " + defect.get()));
    }

    /** Every defect this system accepts, system-level then storage-level. */
    public static List<Defect> registry() {
        List<Defect> all = new ArrayList<>();
        for (BarrierDefect d : values()) {
            if (d != NONE) {
                all.add(new Defect("barrier", d.wire, d.description));
            }
        }
        for (StorageDefect d : StorageDefect.values()) {
            if (d != StorageDefect.NONE) {
                all.add(new Defect("barrier", d.wire(), d.description()));
            }
        }
        return all;
    }
}
