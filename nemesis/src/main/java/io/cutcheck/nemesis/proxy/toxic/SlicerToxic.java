package io.cutcheck.nemesis.proxy.toxic;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.TimeUnit;

/**
 * {@link ToxicKind#SLICER}: cuts each chunk into pieces of {@code average_size ±
 * size_variation} bytes sent {@code delay} µs apart, each flushed on its own, as a network that
 * delivers data in small segments would.
 */
final class SlicerToxic extends ToxicHandler {

    private final DelayLine line = new DelayLine(this);

    SlicerToxic(Toxic toxic, LinkControl link) {
        super(toxic, link);
    }

    @Override
    protected void onData(ByteBuf chunk) {
        long average = Math.max(1, toxic().attribute("average_size"));
        long variation = Math.max(0, Math.min(toxic().attribute("size_variation"), average - 1));
        long gap = TimeUnit.MICROSECONDS.toNanos(Math.max(0, toxic().attribute("delay")));
        // Like Toxiproxy, wait the delay after a chunk's last slice too before the next chunk's first.
        long due = Math.max(System.nanoTime(), line.lastDueNanos() + gap);
        while (chunk.readableBytes() > average + variation) {
            long size = average + Math.round((link.nextRandom() * 2 - 1) * variation);
            line.offer(chunk.readRetainedSlice((int) Math.max(1, size)), due);
            due += gap;
        }
        line.offer(chunk, due);
    }

    @Override
    protected void onEnd() {
        line.offer(StreamEnd.INSTANCE, System.nanoTime());
    }

    @Override
    protected void release() {
        line.releaseAll();
    }
}
