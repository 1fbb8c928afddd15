package io.cutcheck.sut.storage;

/** One node's part of a checkpoint as the metadata lists it: file (relative to that node's dataDir), size, CRC32C. */
public record PartInfo(String node, String file, long sizeBytes, long crc32c) {
}
