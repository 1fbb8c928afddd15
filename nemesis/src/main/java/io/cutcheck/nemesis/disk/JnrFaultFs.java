package io.cutcheck.nemesis.disk;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import jnr.ffi.Pointer;
import jnr.ffi.types.off_t;
import jnr.ffi.types.size_t;
import ru.serce.jnrfuse.FuseFillDir;
import ru.serce.jnrfuse.FuseStubFS;
import ru.serce.jnrfuse.struct.FileStat;
import ru.serce.jnrfuse.struct.FuseFileInfo;
import ru.serce.jnrfuse.struct.Statvfs;
import ru.serce.jnrfuse.struct.Timespec;

/**
 * The jnr-fuse (libfuse2) binding of {@link FaultFs}: translates each callback, nothing more.
 * File handles are not used; every call names its path, which libfuse keeps current across
 * renames.
 */
final class JnrFaultFs extends FuseStubFS {
  private static final long UTIME_NOW = (1L << 30) - 1;
  private static final long UTIME_OMIT = (1L << 30) - 2;

  private final FaultFs fs;
  private final ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[128 * 1024]);

  JnrFaultFs(FaultFs fs) {
    this.fs = fs;
  }

  private interface Call {
    void run() throws FsException;
  }

  private static int call(Call call) {
    try {
      call.run();
      return 0;
    } catch (FsException e) {
      return e.errno().negative();
    } catch (RuntimeException e) {
      // a bug, not an injected fault: the application sees EIO, the helper's log says why
      System.err.println("faultfs: unexpected " + e);
      return Errno.EIO.negative();
    }
  }

  @Override
  public int getattr(String path, FileStat stat) {
    return call(() -> {
      FileAttributes a = fs.getattr(path);
      stat.st_mode.set(a.mode());
      stat.st_size.set(a.size());
      stat.st_ino.set(a.inode());
      stat.st_nlink.set(a.links());
      stat.st_uid.set(a.uid());
      stat.st_gid.set(a.gid());
      stat.st_blksize.set(DirtyFile.PAGE);
      stat.st_blocks.set((a.size() + 511) / 512);
      time(stat.st_atim, a.accessNanos());
      time(stat.st_mtim, a.modifyNanos());
      time(stat.st_ctim, a.changeNanos());
    });
  }

  private static void time(Timespec t, long nanos) {
    t.tv_sec.set(Math.floorDiv(nanos, 1_000_000_000L));
    t.tv_nsec.set(Math.floorMod(nanos, 1_000_000_000L));
  }

  @Override
  public int readdir(String path, Pointer buf, FuseFillDir filter, @off_t long offset, FuseFileInfo fi) {
    return call(() -> {
      filter.apply(buf, ".", null, 0);
      filter.apply(buf, "..", null, 0);
      for (String name : fs.readdir(path)) {
        filter.apply(buf, name, null, 0);
      }
    });
  }

  @Override
  public int opendir(String path, FuseFileInfo fi) {
    return call(() -> fs.getattr(path));
  }

  @Override
  public int open(String path, FuseFileInfo fi) {
    return call(() -> fs.open(path));
  }

  @Override
  public int create(String path, long mode, FuseFileInfo fi) {
    return call(() -> fs.create(path, (int) mode));
  }

  @Override
  public int read(String path, Pointer buf, @size_t long size, @off_t long offset, FuseFileInfo fi) {
    byte[] bytes = buffer((int) size);
    try {
      int n = fs.read(path, offset, bytes, (int) size);
      buf.put(0, bytes, 0, n);
      return n;
    } catch (FsException e) {
      return e.errno().negative();
    } catch (RuntimeException e) {
      System.err.println("faultfs: unexpected " + e);
      return Errno.EIO.negative();
    }
  }

  @Override
  public int write(String path, Pointer buf, @size_t long size, @off_t long offset, FuseFileInfo fi) {
    byte[] bytes = buffer((int) size);
    buf.get(0, bytes, 0, (int) size);
    try {
      return fs.write(path, offset, bytes, (int) size);
    } catch (FsException e) {
      return e.errno().negative();
    } catch (RuntimeException e) {
      System.err.println("faultfs: unexpected " + e);
      return Errno.EIO.negative();
    }
  }

  private byte[] buffer(int size) {
    byte[] bytes = buffers.get();
    if (bytes.length < size) {
      bytes = new byte[size];
      buffers.set(bytes);
    }
    return bytes;
  }

  @Override
  public int truncate(String path, @off_t long size) {
    return call(() -> fs.truncate(path, size));
  }

  @Override
  public int ftruncate(String path, @off_t long size, FuseFileInfo fi) {
    return call(() -> fs.truncate(path, size));
  }

  @Override
  public int fsync(String path, int isdatasync, FuseFileInfo fi) {
    return call(() -> fs.fsync(path));
  }

  @Override
  public int fsyncdir(String path, FuseFileInfo fi) {
    return call(() -> fs.fsyncdir(path));
  }

  @Override
  public int flush(String path, FuseFileInfo fi) {
    return 0;
  }

  @Override
  public int release(String path, FuseFileInfo fi) {
    return 0;
  }

  @Override
  public int releasedir(String path, FuseFileInfo fi) {
    return 0;
  }

  @Override
  public int access(String path, int mask) {
    return call(() -> fs.getattr(path));
  }

  @Override
  public int mkdir(String path, long mode) {
    return call(() -> fs.mkdir(path, (int) mode));
  }

  @Override
  public int rmdir(String path) {
    return call(() -> fs.rmdir(path));
  }

  @Override
  public int unlink(String path) {
    return call(() -> fs.unlink(path));
  }

  @Override
  public int rename(String from, String to) {
    return call(() -> fs.rename(from, to));
  }

  @Override
  public int chmod(String path, long mode) {
    return call(() -> fs.chmod(path, (int) mode));
  }

  @Override
  public int chown(String path, long uid, long gid) {
    return call(() -> fs.chown(path, uid, gid));
  }

  @Override
  public int utimens(String path, Timespec[] times) {
    return call(() -> fs.utimens(path, fileTime(times[0]), fileTime(times[1])));
  }

  private static FileTime fileTime(Timespec t) {
    long nsec = t.tv_nsec.longValue();
    if (nsec == UTIME_OMIT) {
      return null;
    }
    if (nsec == UTIME_NOW) {
      return FileTime.fromMillis(System.currentTimeMillis());
    }
    return FileTime.from(t.tv_sec.get() * 1_000_000_000L + nsec, TimeUnit.NANOSECONDS);
  }

  @Override
  public int statfs(String path, Statvfs stat) {
    try {
      FileStore store = Files.getFileStore(fs.backingRoot());
      long block = DirtyFile.PAGE;
      stat.f_bsize.set(block);
      stat.f_frsize.set(block);
      stat.f_blocks.set(store.getTotalSpace() / block);
      stat.f_bfree.set(store.getUnallocatedSpace() / block);
      stat.f_bavail.set(store.getUsableSpace() / block);
      stat.f_namemax.set(255);
      return 0;
    } catch (IOException e) {
      return Errno.EIO.negative();
    }
  }
}
