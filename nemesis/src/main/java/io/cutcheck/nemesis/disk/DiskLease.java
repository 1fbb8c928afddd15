package io.cutcheck.nemesis.disk;

import io.cutcheck.harness.nemesis.Fixture;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One disk nemesis's share of the run's {@link FaultDisks}, as the fixture the run asks for data
 * directories and closes after the nodes stop. Closing is idempotent; the last lease closed
 * unmounts the disks.
 */
public final class DiskLease implements Fixture {

    private final FaultDisks disks;
    private boolean closed;

    DiskLease(FaultDisks disks) {
        this.disks = disks;
    }

    FaultDisks disks() {
        return disks;
    }

    /** The node writes into its fault disk, mounted over the data directory it would have used. */
    @Override
    public Path dataDir(String node, Path dataDir) throws IOException {
        return disks.mountOver(node, dataDir);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        disks.release();
    }
}
