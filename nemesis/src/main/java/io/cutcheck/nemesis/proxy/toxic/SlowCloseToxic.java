package io.cutcheck.nemesis.proxy.toxic;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.TimeUnit;

/** {@link ToxicKind#SLOW_CLOSE}: data passes at once; the end waits {@code delay} ms. */
final class SlowCloseToxic extends ToxicHandler {

    private final DelayLine line = new DelayLine(this);

    SlowCloseToxic(Toxic toxic, LinkControl link) {
        super(toxic, link);
    }

    @Override
    protected void onData(ByteBuf chunk) {
        line.offer(chunk, System.nanoTime());
    }

    @Override
    protected void onEnd() {
        line.offer(StreamEnd.INSTANCE, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(toxic().attribute("delay")));
    }

    @Override
    protected void release() {
        line.releaseAll();
    }
}
