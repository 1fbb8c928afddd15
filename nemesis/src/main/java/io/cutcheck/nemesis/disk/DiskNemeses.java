package io.cutcheck.nemesis.disk;

import io.cutcheck.harness.nemesis.NemesisKind;
import java.util.List;

/**
 * The disk faults by kind, with one sentence each, for the CLI's registry and help. All of them
 * act through the run's {@link FaultDisks}, mounted over every node's data directory.
 */
public final class DiskNemeses {

    private DiskNemeses() {}

    public static final String SLOW_DISK = "slow-disk";
    public static final String DISK_ERRORS = "disk-errors";
    public static final String DISK_FULL = "disk-full";

    /** Every write request +10 ms, every fsync (of files and directories) +250 ms, every rename +50 ms. */
    static final List<DiskFault> SLOW = List.of(
            DiskFault.delay(DiskOp.WRITE, 10), DiskFault.delay(DiskOp.FSYNC, 250), DiskFault.delay(DiskOp.RENAME, 50));

    /**
     * A failing disk: EIO on most fsyncs (4 in 5), dropping the file's unsynced writes as Linux
     * drops pages whose writeback failed; EIO on writes and renames with probability 1/20.
     */
    static final List<DiskFault> ERRORS = List.of(
            DiskFault.error(DiskOp.FSYNC, Errno.EIO, 0.8).losingUnsynced(),
            DiskFault.error(DiskOp.WRITE, Errno.EIO, 0.05),
            DiskFault.error(DiskOp.RENAME, Errno.EIO, 0.05));

    /** ENOSPC on every write. */
    static final List<DiskFault> FULL = List.of(DiskFault.error(DiskOp.WRITE, Errno.ENOSPC, 1.0));

    public static final String FAMILY = "disk";

    public static final List<NemesisKind> KINDS = List.of(
            NemesisKind.of(SLOW_DISK, FAMILY, "slow disk: write +10 ms, fsync +250 ms, rename +50 ms (FUSE)",
                    () -> new RuleNemesis(SLOW_DISK, SLOW)),
            NemesisKind.of(DISK_ERRORS, FAMILY,
                    "failing disk: EIO on fsync (4/5, unsynced data dropped), on write and rename (1/20) (FUSE)",
                    () -> new RuleNemesis(DISK_ERRORS, ERRORS)),
            NemesisKind.of(DISK_FULL, FAMILY, "full disk: ENOSPC on every write (FUSE)",
                    () -> new RuleNemesis(DISK_FULL, FULL)),
            NemesisKind.of(LoseUnsyncedNemesis.KIND, FAMILY,
                    "power loss: kill nodes, drop their unsynced writes (some torn), restart (FUSE)",
                    LoseUnsyncedNemesis::new));
}
