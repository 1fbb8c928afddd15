package io.cutcheck.nemesis.proxy.toxic;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.TimeUnit;

/**
 * {@link ToxicKind#LATENCY}: each chunk leaves {@code latency ± jitter} ms after it arrived,
 * and never before the chunk ahead of it, so order is kept.
 */
final class LatencyToxic extends ToxicHandler {

    private final DelayLine line = new DelayLine(this);

    LatencyToxic(Toxic toxic, LinkControl link) {
        super(toxic, link);
    }

    @Override
    protected void onData(ByteBuf chunk) {
        line.offer(chunk, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis()));
    }

    @Override
    protected void onEnd() {
        line.offer(StreamEnd.INSTANCE, System.nanoTime());
    }

    @Override
    protected void release() {
        line.releaseAll();
    }

    /** latency plus a uniform draw in [-jitter, +jitter). */
    private long delayMillis() {
        long latency = toxic().attribute("latency");
        long jitter = toxic().attribute("jitter");
        if (jitter > 0) {
            latency += (long) (link.nextRandom() * 2 * jitter) - jitter;
        }
        return Math.max(0, latency);
    }
}
