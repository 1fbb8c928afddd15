package io.cutcheck.nemesis.proxy.toxic;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@link ToxicKind#RESET_PEER}: on the first data (or the end) it drops what arrives and,
 * {@code timeout} ms later (0: at once), resets both ends of the connection with a TCP RST.
 */
final class ResetPeerToxic extends ToxicHandler {

    private ScheduledFuture<?> timer;

    ResetPeerToxic(Toxic toxic, LinkControl link) {
        super(toxic, link);
    }

    @Override
    protected void onData(ByteBuf chunk) {
        drop(chunk);
        arm();
    }

    @Override
    protected void onEnd() {
        arm();
    }

    private void arm() {
        if (timer == null) {
            timer = schedule(link::resetBothEnds, TimeUnit.MILLISECONDS.toNanos(toxic().attribute("timeout")));
        }
    }

    @Override
    protected void release() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
