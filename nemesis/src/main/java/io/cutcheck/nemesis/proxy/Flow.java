package io.cutcheck.nemesis.proxy;

import io.cutcheck.nemesis.proxy.toxic.LinkControl;
import io.netty.channel.Channel;
import java.util.Random;

/**
 * Flow control for one direction of one connection: the source is read only while the
 * destination is writable and the toxics between them hold less than {@link #HIGH_WATER} bytes,
 * so a latency or a bandwidth of 0 cannot make the proxy buffer without bound. Confined to the
 * connection's event loop.
 */
final class Flow implements LinkControl {

    static final long HIGH_WATER = 4L << 20;
    static final long LOW_WATER = HIGH_WATER / 2;

    private final ProxyConnection connection;
    private final Random random;
    private Channel source;
    private Channel destination;
    private boolean destinationWritable = true;
    private long held;
    private boolean inputEnded;

    Flow(ProxyConnection connection, Random random) {
        this.connection = connection;
        this.random = random;
    }

    /** Both ends are connected: reading may begin. */
    void connect(Channel source, Channel destination) {
        this.source = source;
        this.destination = destination;
        update();
    }

    /** Where the relay writes, or null before the upstream connection is made. */
    Channel destination() {
        return destination;
    }

    /** The source has nothing more to give: it is not read again. */
    void inputEnded() {
        inputEnded = true;
        update();
    }

    void received(int bytes) {
        held += bytes;
        update();
    }

    void forwarded(int bytes) {
        held -= bytes;
        update();
    }

    void destinationWritabilityChanged(boolean writable) {
        destinationWritable = writable;
        update();
    }

    @Override
    public void dropped(int bytes) {
        held -= bytes;
        update();
    }

    @Override
    public double nextRandom() {
        return random.nextDouble();
    }

    @Override
    public void resetBothEnds() {
        connection.reset();
    }

    private void update() {
        if (source == null) {
            return;
        }
        boolean reading = source.config().isAutoRead();
        boolean room = reading ? held < HIGH_WATER : held <= LOW_WATER;
        boolean read = destination != null && destinationWritable && room && !inputEnded;
        if (read != reading) {
            source.config().setAutoRead(read);
        }
    }
}
