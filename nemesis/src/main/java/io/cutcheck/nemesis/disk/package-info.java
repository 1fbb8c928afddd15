/**
 * Disk faults through FUSE: a file system that mirrors a backing directory, is mounted over a
 * node's data directory, and slows, fails or "loses power" on command.
 *
 * <h2>Pieces</h2>
 *
 * <ul>
 *   <li>{@link io.cutcheck.nemesis.disk.FaultFs}: the fault logic, independent of any FUSE
 *       binding (a thin adapter binds it to jnr-fuse and libfuse2).
 *   <li>{@link io.cutcheck.nemesis.disk.FaultFsMain}: the helper process that mounts it and serves
 *       its control API; never run inside the JVM under test (its GC pauses would stall that JVM's
 *       own I/O, and a callback touching the mount could deadlock).
 *   <li>{@link io.cutcheck.nemesis.disk.FaultFsMount}: the harness's handle: mount (waits until
 *       live), set and clear {@link io.cutcheck.nemesis.disk.DiskFault}s, crash, sync, unmount.
 *       {@link io.cutcheck.nemesis.disk.StaleMounts} clears what a killed run left mounted.
 *   <li>{@link io.cutcheck.nemesis.disk.FaultDisks}: a run's disks, one mount per node over its
 *       data directory (backing directory in the store), shared by the run's disk nemeses through
 *       {@link io.cutcheck.nemesis.disk.DiskLease}s, their fixtures.
 *   <li>The nemeses ({@link io.cutcheck.nemesis.disk.DiskNemeses}): {@code slow-disk},
 *       {@code disk-errors}, {@code disk-full} ({@link io.cutcheck.nemesis.disk.RuleNemesis}: rules
 *       in force while the fault lasts) and {@code lose-unsynced}
 *       ({@link io.cutcheck.nemesis.disk.LoseUnsyncedNemesis}: kill, crash the disk, restart).
 *       {@link io.cutcheck.nemesis.disk.SteadyDisk} keeps rules for a whole run, for benchmarks.
 * </ul>
 *
 * <h2>Faults</h2>
 *
 * A {@link io.cutcheck.nemesis.disk.DiskFault} adds latency to, and/or fails with an errno (EIO,
 * ENOSPC, …) with a probability, every {@link io.cutcheck.nemesis.disk.DiskOp} (write, fsync,
 * rename) on paths matching a regular expression. The errno reaches the application's system
 * call unchanged. Delays sleep in the FUSE worker thread before the operation, so they add up
 * per request: a write(2) larger than 128 KiB arrives as several requests, each delayed; the
 * FSYNC delay applies to directory fsyncs too.
 *
 * <h2>What a crash models</h2>
 *
 * The backing directory holds what is durable; what is not yet durable lives in the helper's
 * memory and is lost (or, torn, partly kept) by {@link io.cutcheck.nemesis.disk.FaultFsMount#crash}.
 *
 * <ul>
 *   <li><b>File data</b> is held in a page cache of 4 KiB pages until fsync or fdatasync of that
 *       file (both behave as fsync). Reads see the cached pages; the size seen includes unsynced
 *       appends and truncations. fsync writes the file's pages and size to the backing file and
 *       forces it. A crash drops every unsynced page and size change: the file reads back as at
 *       its last fsync. A failed (injected) fsync leaves the data unsynced (still lost on crash).
 *   <li><b>Directory entries</b> (create, mkdir, rename, unlink, rmdir) are applied to the backing
 *       directory at once and journalled. They become durable in order, as a journaling file
 *       system's metadata does: fsync of a directory makes durable every pending change up to and
 *       including the last one that edited that directory (directories are told apart by inode,
 *       so this follows a directory across renames). A crash undoes the pending ones, newest first:
 *       a created file disappears (even if its data was fsynced), a renamed file goes back to its
 *       old name and the file it replaced comes back, an unlinked file reappears. So: a rename
 *       whose directory was not fsynced is undone; a rename of a file whose data was not fsynced
 *       leaves, after the crash, the new name with the old (often empty) content.
 *   <li><b>Torn crash</b> (seeded): each dirty page reaches the backing file with probability 1/2
 *       (a kept page beyond the durable end extends the file; the gap reads as zeros), and an
 *       oldest-first prefix of random length of the pending directory changes is kept.
 *   <li><b>sync and unmount</b>: {@code sync} makes everything durable, and so does a clean
 *       unmount (SIGTERM or fusermount -u of the helper), as a real file system would.
 * </ul>
 *
 * <h2>What is not modelled</h2>
 *
 * <ul>
 *   <li>fsync of a file never makes its name durable: stricter than ext4, where any fsync commits
 *       the whole metadata journal, and as strict as POSIX allows.
 *   <li>Metadata other than names and sizes (mode, owner, times) is written to the backing
 *       directory at once and always survives a crash. Symbolic and hard links, extended
 *       attributes, mknod and fallocate are not supported (the call fails with ENOSYS).
 *   <li>Exactly what Linux shows after a failed fsync: it may keep serving the failed pages from
 *       its cache until they are evicted. Here a failed fsync either leaves the data dirty (a retry
 *       can persist it) or, with {@code losesUnsynced}, drops it at once, so the file reverts to its
 *       durable content and a retried fsync "succeeds" with nothing to write.
 *   <li>Write ordering within a file beyond whole 4 KiB pages; torn pages inside one page; lost
 *       or reordered writes that were fsynced; corruption of durable data; read errors and read
 *       latency.
 *   <li>The kernel's own caches: the mount disables attribute and entry caching, and each open
 *       drops the kernel page cache of the file; a process that keeps a file open across a crash
 *       may still see the pre-crash pages, so kill the processes using the mount before crashing.
 *   <li>A SIGKILL of the helper is not a modelled crash: the pending changes stay as applied and
 *       the unsynced pages are lost; the next helper on the same backing directory starts with an
 *       empty journal.
 *   <li>Memory: unsynced pages live on the helper's heap (-Xmx, 512 MiB by default).
 * </ul>
 *
 * <p>While mounted, the backing directory holds a hidden {@code .cutcheck-faultfs-stash} with what
 * pending unlinks and replacing renames took away; it is invisible through the mount and removed
 * by a clean unmount.
 */
package io.cutcheck.nemesis.disk;
