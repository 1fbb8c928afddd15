package io.cutcheck.nemesis.disk;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The fault-injecting file system, independent of any FUSE binding: every operation takes a
 * mount path ({@code "/a/b"}) and either succeeds or throws {@link FsException} with the errno
 * the application will see. See the package documentation for what is modelled.
 *
 * <p>One lock guards the page cache, the journal and the backing directory; injected delays
 * sleep before it is taken.
 */
public final class FaultFs {
  private final Backing backing;
  private final PageCache cache = new PageCache();
  private final NamespaceJournal journal = new NamespaceJournal();
  private final ActiveFaults faults = new ActiveFaults();

  public FaultFs(Path backingDirectory) throws IOException {
    if (!Files.isDirectory(backingDirectory)) {
      throw new IOException("not a directory: " + backingDirectory);
    }
    this.backing = new Backing(backingDirectory);
  }

  // ---- control ----

  public void setFaults(List<DiskFault> rules, long seed) {
    faults.set(List.copyOf(rules), seed);
  }

  public void clearFaults() {
    faults.set(List.of(), 0);
  }

  public synchronized FsStatus status() {
    return new FsStatus(faults.current(), cache.fileCount(), cache.pageCount(), journal.size());
  }

  /** Simulates a power loss: drops (or, torn, partly keeps) all that is not durable. */
  public synchronized CrashReport crash(Crash crash) throws IOException {
    Random random = new Random(crash.seed());
    int files = cache.fileCount();
    long pages = cache.pageCount();
    long kept = 0;
    if (crash.torn()) {
      for (Map.Entry<String, DirtyFile> e : cache.all().entrySet()) {
        try (BackingFile file = BackingFile.forWriting(backing.resolve(e.getKey()))) {
          kept += e.getValue().persistSome(file, random);
        }
      }
    }
    cache.clear();
    int pending = journal.size();
    int keep = crash.torn() ? random.nextInt(pending + 1) : 0;
    int undone = journal.crash(keep, backing);
    return new CrashReport(files, pages - kept, kept, undone, keep);
  }

  /** Makes everything durable, like sync(2): on demand and on a clean unmount. */
  public synchronized void sync() throws IOException {
    for (Map.Entry<String, DirtyFile> e : cache.all().entrySet()) {
      try (BackingFile file = BackingFile.forWriting(backing.resolve(e.getKey()))) {
        e.getValue().flush(file);
      }
    }
    cache.clear();
    journal.commitAll(backing);
    forceDirectory(backing.root());
  }

  /** Syncs and removes the stash; the backing directory is then a plain copy of the mount. */
  public synchronized void close() throws IOException {
    sync();
    backing.removeStash();
  }

  // ---- reading ----

  public synchronized FileAttributes getattr(String path) throws FsException {
    try {
      Map<String, Object> a = Files.readAttributes(backing.resolve(path), "unix:*", LinkOption.NOFOLLOW_LINKS);
      DirtyFile dirty = cache.get(path);
      long size = dirty != null ? dirty.size() : ((Number) a.get("size")).longValue();
      return new FileAttributes((Integer) a.get("mode"), size, ((Number) a.get("ino")).longValue(),
          (Integer) a.get("nlink"), (Integer) a.get("uid"), (Integer) a.get("gid"),
          nanos(a.get("lastAccessTime")), nanos(a.get("lastModifiedTime")), nanos(a.get("ctime")));
    } catch (IOException e) {
      throw FsException.of(e);
    }
  }

  public synchronized List<String> readdir(String path) throws FsException {
    try {
      Path dir = backing.resolve(path);
      List<String> names = new ArrayList<>();
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
        for (Path entry : entries) {
          String name = entry.getFileName().toString();
          if (!backing.isStash(dir, name)) {
            names.add(name);
          }
        }
      }
      return names;
    } catch (IOException e) {
      throw FsException.of(e);
    }
  }

  public synchronized int read(String path, long position, byte[] dst, int len) throws FsException {
    try (BackingFile file = BackingFile.forReading(backing.resolve(path))) {
      DirtyFile dirty = cache.get(path);
      if (dirty != null) {
        return dirty.read(position, dst, 0, len, file);
      }
      int done = 0;
      while (done < len) {
        int n = file.read(position + done, dst, done, len - done);
        if (n <= 0) {
          break;
        }
        done += n;
      }
      return done;
    } catch (IOException e) {
      throw FsException.of(e);
    }
  }

  /** Checks that {@code path} is a file that can be opened. */
  public synchronized void open(String path) throws FsException {
    FileAttributes attributes = getattr(path);
    if (attributes.isDirectory()) {
      throw new FsException(Errno.EISDIR, path);
    }
  }

  // ---- data changes: held in the page cache until fsync ----

  public int write(String path, long position, byte[] src, int len) throws FsException {
    inject(DiskOp.WRITE, path);
    synchronized (this) {
      try (BackingFile file = BackingFile.forReading(backing.resolve(path))) {
        dirty(path, file).write(position, src, 0, len, file);
        return len;
      } catch (IOException e) {
        throw FsException.of(e);
      }
    }
  }

  public synchronized void truncate(String path, long size) throws FsException {
    try (BackingFile file = BackingFile.forReading(backing.resolve(path))) {
      dirty(path, file).truncate(size);
    } catch (IOException e) {
      throw FsException.of(e);
    }
  }

  public void fsync(String path) throws FsException {
    inject(DiskOp.FSYNC, path);
    synchronized (this) {
      try (BackingFile file = BackingFile.forWriting(backing.resolve(path))) {
        DirtyFile dirty = cache.get(path);
        if (dirty != null) {
          dirty.flush(file);
          cache.remove(path);
        } else {
          file.force();
        }
      } catch (IOException e) {
        throw FsException.of(e);
      }
    }
  }

  public void fsyncdir(String path) throws FsException {
    inject(DiskOp.FSYNC, path);
    synchronized (this) {
      try {
        Path dir = backing.resolve(path);
        journal.commitThrough(backing.inode(dir), backing);
        forceDirectory(dir);
      } catch (IOException e) {
        throw FsException.of(e);
      }
    }
  }

  // ---- directory changes: applied at once, journalled until a directory fsync ----

  public synchronized void create(String path, int mode) throws FsException {
    try {
      Path file = backing.resolve(path);
      Files.createFile(file);
      Files.setPosixFilePermissions(file, PosixMode.permissions(mode));
      journal.append(new NamespaceChange.Created(path, backing.inode(file.getParent())));
    } catch (IOException e) {
      throw FsException.of(e);
    }
  }

  public synchronized void mkdir(String path, int mode) throws FsException {
    try {
      Path dir = backing.resolve(path);
      Files.createDirectory(dir);
      Files.setPosixFilePermissions(dir, PosixMode.permissions(mode));
      journal.append(new NamespaceChange.Created(path, backing.inode(dir.getParent())));
    } catch (IOException e) {
      throw FsException.of(e);
    }
  }

  public synchronized void unlink(String path) throws FsException {
    remove(path, false);
  }

  public synchronized void rmdir(String path) throws FsException {
    remove(path, true);
  }

  public void rename(String from, String to) throws FsException {
    inject(DiskOp.RENAME, from);
    if (from.equals(to)) {
      getattr(from);
      return;
    }
    synchronized (this) {
      try {
        Path source = backing.resolve(from);
        Path target = backing.resolve(to);
        FileAttributes sourceAttributes = getattr(from);
        if (to.startsWith(from + "/")) {
          throw new FsException(Errno.EINVAL, "cannot move " + from + " into itself");
        }
        String replaced = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
          checkReplaceable(sourceAttributes, getattr(to), to);
          if (sourceAttributes.isDirectory() && !readdir(to).isEmpty()) {
            throw new FsException(Errno.ENOTEMPTY, to);
          }
          cache.removeTree(to);
          replaced = backing.stash(target);
        }
        backing.move(source, target);
        cache.move(from, to);
        journal.append(new NamespaceChange.Renamed(from, to, replaced,
            Set.copyOf(List.of(backing.inode(source.getParent()), backing.inode(target.getParent())))));
      } catch (IOException e) {
        throw FsException.of(e);
      }
    }
  }

  // ---- metadata: applied to the backing directory at once, not modelled ----

  public synchronized void chmod(String path, int mode) throws FsException {
    try {
      Files.setPosixFilePermissions(backing.resolve(path), PosixMode.permissions(mode));
    } catch (IOException e) {
      throw FsException.of(e);
    }
  }

  public synchronized void chown(String path, long uid, long gid) throws FsException {
    try {
      Path p = backing.resolve(path);
      if (uid != -1 && uid != 0xffffffffL) {
        Files.setAttribute(p, "unix:uid", (int) uid, LinkOption.NOFOLLOW_LINKS);
      }
      if (gid != -1 && gid != 0xffffffffL) {
        Files.setAttribute(p, "unix:gid", (int) gid, LinkOption.NOFOLLOW_LINKS);
      }
    } catch (IOException e) {
      throw FsException.of(e);
    }
  }

  /** Sets access and modification times; a null time leaves that one unchanged. */
  public synchronized void utimens(String path, FileTime access, FileTime modify) throws FsException {
    try {
      Files.getFileAttributeView(backing.resolve(path), java.nio.file.attribute.BasicFileAttributeView.class)
          .setTimes(modify, access, null);
    } catch (IOException e) {
      throw FsException.of(e);
    }
  }

  public Path backingRoot() {
    return backing.root();
  }

  // ---- helpers ----

  private void remove(String path, boolean directory) throws FsException {
    try {
      Path p = backing.resolve(path);
      FileAttributes attributes = getattr(path);
      if (directory && !attributes.isDirectory()) {
        throw new FsException(Errno.ENOTDIR, path);
      }
      if (!directory && attributes.isDirectory()) {
        throw new FsException(Errno.EISDIR, path);
      }
      if (directory && !readdir(path).isEmpty()) {
        throw new FsException(Errno.ENOTEMPTY, path);
      }
      long parent = backing.inode(p.getParent());
      cache.removeTree(path);
      journal.append(new NamespaceChange.Removed(path, backing.stash(p), parent));
    } catch (IOException e) {
      throw FsException.of(e);
    }
  }

  private static void checkReplaceable(FileAttributes source, FileAttributes target, String to)
      throws FsException, IOException {
    if (source.isDirectory() && !target.isDirectory()) {
      throw new FsException(Errno.ENOTDIR, to);
    }
    if (!source.isDirectory() && target.isDirectory()) {
      throw new FsException(Errno.EISDIR, to);
    }
  }

  private DirtyFile dirty(String path, BackingFile file) throws IOException {
    DirtyFile dirty = cache.get(path);
    if (dirty == null) {
      dirty = new DirtyFile(file.length());
      cache.put(path, dirty);
    }
    return dirty;
  }

  /** Applies the faults in force: sleeps, and throws the error of a rule that fires. */
  private void inject(DiskOp op, String path) throws FsException {
    Optional<DiskFault> fired;
    try {
      fired = faults.apply(op, path);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FsException(Errno.EIO, "interrupted");
    }
    if (fired.isPresent()) {
      if (fired.get().losesUnsynced()) {
        synchronized (this) {
          cache.remove(path);
        }
      }
      throw new FsException(fired.get().error(), "injected on " + op + " " + path);
    }
  }


  private static void forceDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  private static long nanos(Object time) {
    FileTime t = (FileTime) time;
    return t.to(java.util.concurrent.TimeUnit.NANOSECONDS);
  }
}
