package io.cutcheck.sut.marker;

import io.cutcheck.sut.storage.CheckpointMetadata;
import io.cutcheck.sut.storage.PartInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A snapshot this peer initiated whose manifest is not written yet: collects the peers' receipts
 * and decides when the manifest may be written. Correct rule: once every peer's part is durable.
 */
public final class PendingSnapshot {

    /** What the initiator does after a receipt. */
    public enum Decision { WAIT, WRITE_MANIFEST, IGNORE }

    /** A peer's report that its part is durable, and the input position the part holds. */
    public record Receipt(PartInfo part, int partition, long position) {
    }

    private final long id;
    private final String initiator;
    private final String reason;
    private final long triggeredAt;
    private final Set<String> peers;
    private final boolean manifestBeforePartsDurable;
    private final Map<String, Receipt> receipts = new LinkedHashMap<>();
    private boolean decided;
    private Long acksCompleteAt;

    public PendingSnapshot(long id, String initiator, String reason, long triggeredAt, Set<String> peers,
                           MarkerDefect defect) {
        this.id = id;
        this.initiator = initiator;
        this.reason = reason;
        this.triggeredAt = triggeredAt;
        this.peers = new TreeSet<>(peers);
        this.manifestBeforePartsDurable = defect == MarkerDefect.MANIFEST_BEFORE_PARTS_DURABLE;
    }

    /** Right after the initiator recorded its state: only the defect writes the manifest now. */
    public Decision onInitiated() {
        if (manifestBeforePartsDurable) {
            decided = true;
            return Decision.WRITE_MANIFEST;
        }
        return Decision.WAIT;
    }

    public Decision onReceipt(Receipt receipt, long now) {
        String node = receipt.part().node();
        if (decided || !peers.contains(node)) {
            return Decision.IGNORE;
        }
        receipts.put(node, receipt);
        boolean all = receipts.keySet().containsAll(peers);
        if (all) {
            acksCompleteAt = now;
        }
        if (all) {
            decided = true;
            return Decision.WRITE_MANIFEST;
        }
        return Decision.WAIT;
    }

    /**
     * The manifest naming every peer's part. Only the defect writes one before all receipts are
     * in; a part without a receipt is then named by its file alone, with size -1.
     */
    public CheckpointMetadata manifest(long committedAt) {
        List<PartInfo> parts = peers.stream().map(node -> {
            Receipt receipt = receipts.get(node);
            return receipt == null
                    ? new PartInfo(node, "checkpoints/" + id + "/" + node + ".part", -1, 0)
                    : receipt.part();
        }).toList();
        Map<Integer, Long> positions = new TreeMap<>();
        receipts.values().forEach(r -> positions.put(r.partition(), r.position()));
        return new CheckpointMetadata(1, id, reason, triggeredAt,
                acksCompleteAt == null ? committedAt : acksCompleteAt, committedAt, parts, positions);
    }

    public long id() {
        return id;
    }

    public String reason() {
        return reason;
    }

    public long triggeredAt() {
        return triggeredAt;
    }

    public Long acksCompleteAt() {
        return acksCompleteAt;
    }

    public List<String> peers() {
        return List.copyOf(peers);
    }
}
