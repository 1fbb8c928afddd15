package io.cutcheck.sut.marker;

import io.cutcheck.sut.http.JsonHttpClient;
import java.io.IOException;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Asks the recovery leader for a round, and keeps asking until it is heard: once when this peer
 * starts (until the leader halts it) and whenever one of its channels breaks.
 */
final class RecoveryRequester implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RecoveryRequester.class.getName());

    private final String node;
    private final long incarnation;
    private final JsonHttpClient leader;
    private final LongSupplier currentEpoch;
    private final Thread thread = new Thread(this::run, "recovery-requester");
    private final Object lock = new Object();
    private long wantedForEpoch = 0;
    private boolean wanted = true;     // a fresh peer asks until the leader halts it
    private volatile boolean closed;

    RecoveryRequester(String node, long incarnation, String leaderControlUrl, LongSupplier currentEpoch) {
        this.node = node;
        this.incarnation = incarnation;
        this.leader = new JsonHttpClient(leaderControlUrl);
        this.currentEpoch = currentEpoch;
        thread.setDaemon(true);
    }

    RecoveryRequester start() {
        thread.start();
        return this;
    }

    /** A channel of {@code epoch} broke. */
    void ask(long epoch) {
        synchronized (lock) {
            wanted = true;
            wantedForEpoch = epoch;
            lock.notifyAll();
        }
    }

    private void run() {
        while (!closed) {
            long epoch;
            synchronized (lock) {
                while (!wanted && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                epoch = wantedForEpoch;
            }
            // Heard when the leader took it, or when a newer round already halted this peer.
            boolean heard = currentEpoch.getAsLong() > epoch;
            if (!heard) {
                try {
                    heard = leader.post("/marker/recover",
                            Map.of("node", node, "incarnation", incarnation, "epoch", epoch)).ok();
                } catch (IOException e) {
                    LOG.fine("leader unreachable: " + e.getMessage());
                }
            }
            synchronized (lock) {
                if (heard && wantedForEpoch == epoch) {
                    wanted = false;
                }
            }
            if (!heard) {
                sleep();
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
