package io.cutcheck.sut.marker;

/** A peer's report that its part of a snapshot is durable: where, how big, and its CRC32C. */
public record PartReceipt(String node, String path, long bytes, long crc32c) {
}
