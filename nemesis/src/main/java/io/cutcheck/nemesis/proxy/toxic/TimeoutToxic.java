package io.cutcheck.nemesis.proxy.toxic;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@link ToxicKind#TIMEOUT}: drops every chunk, and {@code timeout} ms after it starts on the
 * link ends the stream (0: never). Removing it ends the stream too, as Toxiproxy does: the
 * data it dropped is gone, so the connection cannot go on.
 */
final class TimeoutToxic extends ToxicHandler {

    private ScheduledFuture<?> timer;

    TimeoutToxic(Toxic toxic, LinkControl link) {
        super(toxic, link);
    }

    @Override
    protected void start() {
        long timeout = toxic().attribute("timeout");
        if (timeout > 0) {
            timer = schedule(this::endStream, TimeUnit.MILLISECONDS.toNanos(timeout));
        }
    }

    @Override
    protected void onData(ByteBuf chunk) {
        drop(chunk);
    }

    @Override
    protected void release() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    @Override
    protected void onRemoved() {
        release();
        endStream();
    }
}
