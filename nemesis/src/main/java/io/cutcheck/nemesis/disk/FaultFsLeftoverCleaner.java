package io.cutcheck.nemesis.disk;

import io.cutcheck.harness.cleanup.LeftoverCleaner;
import java.nio.file.Path;

/**
 * The fault file systems of a dead harness, unmounted by its watchdog. The watchdog kills every
 * process of the run, the mount helpers among them, often before a helper has ended its own
 * mount on seeing its parent gone; the kernel then keeps the mount, dead, until it is unmounted.
 */
public final class FaultFsLeftoverCleaner implements LeftoverCleaner {

    @Override
    public int cleanAfter(long harnessPid) throws Exception {
        int removed = 0;
        for (Path mountpoint : StaleMounts.ownedBy(harnessPid)) {
            if (Unmounter.unmount(mountpoint)) {
                removed++;
            }
        }
        return removed;
    }
}
