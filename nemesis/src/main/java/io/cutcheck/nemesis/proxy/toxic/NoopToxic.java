package io.cutcheck.nemesis.proxy.toxic;

import io.netty.buffer.ByteBuf;

/** {@link ToxicKind#NOOP}: passes data through unchanged. */
final class NoopToxic extends ToxicHandler {

    NoopToxic(Toxic toxic, LinkControl link) {
        super(toxic, link);
    }

    @Override
    protected void onData(ByteBuf chunk) {
        emit(chunk);
    }
}
