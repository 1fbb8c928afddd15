package io.cutcheck.nemesis.disk;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The backing directory: where mount paths live on the real disk, plus a hidden stash
 * ({@value #STASH}) holding what an unlink or a replacing rename took away, until the change is
 * durable or undone. The stash is on the same file system, so stashing is a rename, and it is
 * invisible through the mount.
 */
final class Backing {
  static final String STASH = ".cutcheck-faultfs-stash";

  private final Path root;
  private final Path stash;
  private final AtomicLong nextStashed = new AtomicLong();

  /** Opens {@code root}; a stash left by a killed helper is emptied (its changes count as durable). */
  Backing(Path root) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.stash = this.root.resolve(STASH);
    if (Files.exists(stash, LinkOption.NOFOLLOW_LINKS)) {
      deleteTree(stash);
    }
    Files.createDirectories(stash);
  }

  Path root() {
    return root;
  }

  /** The backing path of a mount path such as {@code /a/b}; the stash cannot be reached. */
  Path resolve(String mountPath) throws NoSuchFileException {
    String relative = mountPath.startsWith("/") ? mountPath.substring(1) : mountPath;
    if (relative.equals(STASH) || relative.startsWith(STASH + "/")) {
      throw new NoSuchFileException(mountPath);
    }
    return relative.isEmpty() ? root : root.resolve(relative);
  }

  boolean isStash(Path directory, String name) {
    return directory.equals(root) && name.equals(STASH);
  }

  long inode(Path path) throws IOException {
    return ((Number) Files.getAttribute(path, "unix:ino", LinkOption.NOFOLLOW_LINKS)).longValue();
  }

  /** Moves {@code path} into the stash; returns its stash name. */
  String stash(Path path) throws IOException {
    String name = Long.toString(nextStashed.incrementAndGet());
    move(path, stash.resolve(name));
    return name;
  }

  void unstash(String name, Path to) throws IOException {
    move(stash.resolve(name), to);
  }

  void dropStashed(String name) throws IOException {
    deleteTree(stash.resolve(name));
  }

  void move(Path from, Path to) throws IOException {
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
  }

  void deleteTree(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(path, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** Removes the stash itself: on a clean unmount, after everything was made durable. */
  void removeStash() throws IOException {
    deleteTree(stash);
  }
}
