package io.cutcheck.sut.marker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A snapshot this peer initiated whose manifest is not written yet: collects the peers' receipts
 * and decides when the manifest may be written. Correct rule: once every peer's part is durable.
 */
public final class PendingSnapshot {

    /** What the initiator does after a receipt. */
    public enum Decision { WAIT, WRITE_MANIFEST, IGNORE }

    private final long id;
    private final String initiator;
    private final String reason;
    private final long triggeredAt;
    private final Set<String> peers;
    private final boolean manifestBeforePartsDurable;
    private final Map<String, PartReceipt> receipts = new LinkedHashMap<>();
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

    public Decision onReceipt(PartReceipt receipt, long now) {
        if (decided || !peers.contains(receipt.node())) {
            return Decision.IGNORE;
        }
        receipts.put(receipt.node(), receipt);
        boolean all = receipts.keySet().containsAll(peers);
        if (all) {
            acksCompleteAt = now;
        }
        // The defect trusts its own durable part as if it stood for every peer's.
        if (all || (manifestBeforePartsDurable && receipt.node().equals(initiator))) {
            decided = true;
            return Decision.WRITE_MANIFEST;
        }
        return Decision.WAIT;
    }

    /** The manifest to write, naming every peer's part (those without a receipt yet by name only). */
    public Manifest manifest(long committedAt) {
        List<Manifest.Entry> parts = peers.stream().map(node -> {
            PartReceipt receipt = receipts.get(node);
            return receipt == null ? new Manifest.Entry(node, null, -1, -1)
                    : new Manifest.Entry(node, receipt.path(), receipt.bytes(), receipt.crc32c());
        }).toList();
        return new Manifest(Manifest.VERSION, id, initiator, reason, triggeredAt, committedAt, parts);
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
