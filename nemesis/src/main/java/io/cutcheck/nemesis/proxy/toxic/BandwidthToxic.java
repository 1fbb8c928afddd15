package io.cutcheck.nemesis.proxy.toxic;

import io.netty.buffer.ByteBuf;

/**
 * {@link ToxicKind#BANDWIDTH}: data leaves at {@code rate} KB/s (1 KB = 1000 bytes), in pieces
 * of at most 100 ms worth so slow rates trickle instead of stalling. Rate 0 holds everything,
 * the end included, until the toxic is updated or removed.
 */
final class BandwidthToxic extends ToxicHandler {

    private static final long SLICE_MILLIS = 100;

    private final DelayLine line = new DelayLine(this);

    BandwidthToxic(Toxic toxic, LinkControl link) {
        super(toxic, link);
    }

    @Override
    protected void onData(ByteBuf chunk) {
        long rate = toxic().attribute("rate"); // bytes per millisecond
        if (rate <= 0) {
            line.offer(chunk, DelayLine.NEVER);
            return;
        }
        long maxPiece = rate * SLICE_MILLIS;
        while (chunk.readableBytes() > maxPiece) {
            offerPiece(chunk.readRetainedSlice((int) maxPiece), rate);
        }
        offerPiece(chunk, rate);
    }

    private void offerPiece(ByteBuf piece, long rate) {
        long start = Math.max(System.nanoTime(), line.lastDueNanos());
        line.offer(piece, start + piece.readableBytes() * 1_000_000L / rate);
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
