package io.cutcheck.sut.marker;

import java.util.List;

/**
 * The global snapshot's metadata, written by the initiator: the snapshot is committed exactly
 * when this file is durable. Format {@code version} 1.
 */
public record Manifest(int version, long id, String initiator, String reason, long triggeredAt,
                       long committedAt, List<Entry> parts) {

    public static final int VERSION = 1;

    /** One peer's part: its file, size and CRC32C ({@code bytes} -1 when unknown at commit, a defect). */
    public record Entry(String node, String path, long bytes, long crc32c) {
    }

    public Manifest {
        parts = List.copyOf(parts);
    }

    public long sizeBytes() {
        return parts.stream().mapToLong(p -> Math.max(0, p.bytes())).sum();
    }
}
