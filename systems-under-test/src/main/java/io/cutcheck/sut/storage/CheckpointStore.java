package io.cutcheck.sut.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One node's checkpoint storage under {@code dataDir/checkpoints/<id>/}: parts ({@code <node>.part}) and,
 * on the committing node, the metadata ({@code _metadata}). A checkpoint is committed exactly when its
 * metadata file is durable and readable; nothing else is ever returned as committed.
 */
public final class CheckpointStore {
    public static final String METADATA = "_metadata";
    private final Path dataDir;
    private final Path root;
    private final DurableWriter writer;

    public CheckpointStore(Path dataDir, DurableWriter writer) {
        this.dataDir = dataDir;
        this.root = dataDir.resolve("checkpoints");
        this.writer = writer;
    }

    public Path dataDir() {
        return dataDir;
    }

    public DurableWriter writer() {
        return writer;
    }

    /** Writes this node's part durably and returns what the metadata must record about it. */
    public PartInfo writePart(long id, String node, byte[] payload) throws IOException {
        writer.createDirectory(root);
        writer.createDirectory(dir(id));
        byte[] file = PartFormatV1.encode(payload);
        Path path = partPath(id, node);
        writer.write(path, file);
        return new PartInfo(node, dataDir.relativize(path).toString(), file.length, PartFormatV1.crc(file, 0, file.length));
    }

    /** What {@link #writePart} will record for this payload, computed without writing it. */
    public PartInfo describePart(long id, String node, byte[] payload) {
        byte[] file = PartFormatV1.encode(payload);
        return new PartInfo(node, dataDir.relativize(partPath(id, node)).toString(), file.length,
                PartFormatV1.crc(file, 0, file.length));
    }

    /** Reads a part back, verifying its own checksum and, when given, the size and checksum the metadata recorded. */
    public byte[] readPart(long id, String node, Optional<PartInfo> expected) throws CorruptCheckpointException {
        Path path = partPath(id, node);
        byte[] file;
        try {
            file = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new CorruptCheckpointException("part " + path + " is missing");
        } catch (IOException e) {
            throw new CorruptCheckpointException("part " + path + " unreadable: " + e.getMessage());
        }
        if (expected.isPresent()) {
            PartInfo info = expected.get();
            if (file.length != info.sizeBytes()) {
                throw new CorruptCheckpointException("part " + path + ": size " + file.length + ", metadata says " + info.sizeBytes());
            }
            if (PartFormatV1.crc(file, 0, file.length) != info.crc32c()) {
                throw new CorruptCheckpointException("part " + path + ": checksum differs from the metadata");
            }
        }
        return PartFormatV1.decode(file, "part " + path);
    }

    public boolean hasPart(long id, String node) {
        return Files.isRegularFile(partPath(id, node));
    }

    /** Commits checkpoint {@code metadata.id()}: the metadata file is durable when this returns. */
    public Path writeMetadata(CheckpointMetadata metadata) throws IOException {
        writer.createDirectory(root);
        writer.createDirectory(dir(metadata.id()));
        Path path = metadataPath(metadata.id());
        writer.write(path, MetadataReader.writeCurrent(metadata));
        return path;
    }

    public Optional<CheckpointMetadata> readMetadata(long id) throws CorruptCheckpointException {
        Path path = metadataPath(id);
        try {
            return Optional.of(MetadataReader.read(Files.readAllBytes(path), path.toString()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (CorruptCheckpointException e) {
            throw e;
        } catch (IOException e) {
            throw new CorruptCheckpointException(path + " unreadable: " + e.getMessage());
        }
    }

    /** Committed checkpoints, oldest first; torn metadata counts as not committed. */
    public List<CheckpointMetadata> committed() {
        List<CheckpointMetadata> result = new ArrayList<>();
        for (long id : ids()) {
            try {
                readMetadata(id).ifPresent(result::add);
            } catch (CorruptCheckpointException e) {
                // a torn metadata file was never committed
            }
        }
        return result;
    }

    public Optional<CheckpointMetadata> newestCommitted() {
        List<CheckpointMetadata> all = committed();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Ids of every checkpoint directory present (committed, pending, aborted or half-written), ascending. */
    public List<Long> ids() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d+")).map(Long::parseLong)
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Retention on the committing node: keeps the newest {@code retain} committed checkpoints and deletes
     * every other directory up to the newest committed one (older committed, aborted, half-written).
     * Directories above it may belong to a checkpoint in flight and stay.
     */
    public List<Long> retainCommitted(int retain) throws IOException {
        List<Long> committedIds = committed().stream().map(CheckpointMetadata::id).toList();
        if (committedIds.isEmpty()) {
            return List.of();
        }
        Set<Long> keep = Set.copyOf(committedIds.subList(Math.max(0, committedIds.size() - retain), committedIds.size()));
        long newest = committedIds.get(committedIds.size() - 1);
        for (long id : ids()) {
            if (id <= newest && !keep.contains(id)) {
                delete(id);
            }
        }
        return keep.stream().sorted().toList();
    }

    /** Retention on a node holding parts only: keeps {@code keep}, deletes other directories up to {@code upTo}. */
    public void retainParts(Set<Long> keep, long upTo) throws IOException {
        for (long id : ids()) {
            if (id <= upTo && !keep.contains(id)) {
                delete(id);
            }
        }
    }

    /** Deletes every directory above {@code id}: checkpoints abandoned by a restore to {@code id}. */
    public void discardAbove(long id) throws IOException {
        for (long other : ids()) {
            if (other > id) {
                delete(other);
            }
        }
    }

    public void delete(long id) throws IOException {
        Path dir = dir(id);
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    public Path metadataPath(long id) {
        return dir(id).resolve(METADATA);
    }

    public long sizeOnDisk(long id) {
        Path dir = dir(id);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private Path dir(long id) {
        return root.resolve(Long.toString(id));
    }

    private Path partPath(long id, String node) {
        return dir(id).resolve(node + ".part");
    }
}
