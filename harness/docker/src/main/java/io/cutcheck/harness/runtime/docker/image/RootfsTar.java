package io.cutcheck.harness.runtime.docker.image;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Writes a Docker build context as a tar stream: named small files, plus optionally a directory tree with modes and symbolic links kept. */
final class RootfsTar {

    /** A small file of the context (a Dockerfile, a jar). */
    record Entry(String name, byte[] content) {}

    private RootfsTar() {}

    /**
     * @param files small files at the top of the context
     * @param tree a directory to add under {@code treeName}/, if present
     */
    static void write(List<Entry> files, Optional<Path> tree, String treeName, OutputStream out) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Entry file : files) {
                TarArchiveEntry entry = new TarArchiveEntry(file.name());
                entry.setSize(file.content().length);
                entry.setMode(0100644);
                tar.putArchiveEntry(entry);
                tar.write(file.content());
                tar.closeArchiveEntry();
            }
            if (tree.isPresent()) {
                addTree(tar, tree.get(), treeName);
            }
            tar.finish();
        }
    }

    private static void addTree(TarArchiveOutputStream tar, Path root, String treeName) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk.sorted()::iterator) {
                String relative = root.relativize(path).toString();
                String name = relative.isEmpty() ? treeName + "/" : treeName + "/" + relative;
                TarArchiveEntry entry;
                boolean regular = false;
                if (Files.isSymbolicLink(path)) {
                    entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
                    entry.setLinkName(Files.readSymbolicLink(path).toString());
                    entry.setMode(0120777);
                } else if (Files.isDirectory(path)) {
                    entry = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
                    entry.setMode(040000 | permissions(path) | (relative.equals("tmp") ? 01000 : 0));
                } else {
                    regular = true;
                    entry = new TarArchiveEntry(name);
                    entry.setSize(Files.size(path));
                    entry.setMode(0100000 | permissions(path));
                }
                tar.putArchiveEntry(entry);
                if (regular) {
                    Files.copy(path, tar);
                }
                tar.closeArchiveEntry();
            }
        }
    }

    private static int permissions(Path path) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        int bits = 0;
        for (PosixFilePermission p : permissions) {
            bits |= 1 << (8 - p.ordinal()); // OWNER_READ is 0400 ... OTHERS_EXECUTE is 01
        }
        return bits;
    }
}
