package io.cutcheck.nemesis.proxy.toxic;

import io.netty.buffer.ByteBuf;

/**
 * {@link ToxicKind#LIMIT_DATA}: passes the first {@code bytes} bytes of the link, then ends
 * the stream. The count survives updates of the toxic, as Toxiproxy keeps its state.
 */
final class LimitDataToxic extends ToxicHandler {

    private long passed;

    LimitDataToxic(Toxic toxic, LinkControl link) {
        super(toxic, link);
    }

    @Override
    protected void onData(ByteBuf chunk) {
        long remaining = Math.max(0, toxic().attribute("bytes") - passed);
        if (remaining < chunk.readableBytes()) {
            ByteBuf allowed = chunk.readRetainedSlice((int) remaining);
            drop(chunk);
            chunk = allowed;
        }
        if (chunk.isReadable()) {
            passed += chunk.readableBytes();
            emit(chunk);
        } else {
            chunk.release();
        }
        if (toxic().attribute("bytes") - passed <= 0) {
            endStream();
        }
    }
}
