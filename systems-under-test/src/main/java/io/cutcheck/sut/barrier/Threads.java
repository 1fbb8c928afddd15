package io.cutcheck.sut.barrier;

/** The barrier nodes' threads: daemons, so a node that fails exits; sleeps that keep the interrupt. */
final class Threads {

    private Threads() {}

    static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    static void sleep(long ms) {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
