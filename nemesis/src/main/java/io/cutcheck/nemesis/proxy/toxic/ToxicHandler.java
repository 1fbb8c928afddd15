package io.cutcheck.nemesis.proxy.toxic;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One toxic on one link: a Netty handler in the pipeline of the link's source channel, between
 * the ingress and the relay. It sees the link's data as {@code channelRead(ByteBuf)} and its
 * end as {@link StreamEnd}, and passes both on, changed, later or not at all.
 *
 * <p>Rules every kind follows, as Toxiproxy's toxics do: the coin against toxicity is flipped
 * when the handler starts (link open, toxic added or updated) and a losing flip makes it pass
 * everything through; an update or removal first releases whatever is held ("never drop data on
 * the floor"); once a toxic has ended the stream, later data is dropped. All methods run on the
 * link's event loop.
 */
public abstract class ToxicHandler extends ChannelInboundHandlerAdapter {

    protected final LinkControl link;
    private Toxic toxic;
    private ChannelHandlerContext ctx;
    private boolean acting;
    private boolean ended;

    protected ToxicHandler(Toxic toxic, LinkControl link) {
        this.toxic = toxic;
        this.link = link;
    }

    /** The toxic's current settings. */
    public final Toxic toxic() {
        return toxic;
    }

    /** Applies new settings in place: releases what is held, flips the coin again, restarts. */
    public final void reconfigure(Toxic updated) {
        if (acting) {
            release();
        }
        toxic = updated;
        begin();
    }

    /** Called when the toxic acts on this link (won the coin flip): arm timers here. */
    protected void start() {
    }

    /** A chunk of data arrived; the handler owns it. */
    protected abstract void onData(ByteBuf chunk);

    /** The stream ended upstream of this toxic. By default the end passes on at once. */
    protected void onEnd() {
        endStream();
    }

    /** Pass on everything held now and cancel timers (update or removal). */
    protected void release() {
    }

    /** The toxic was removed from the link. By default it releases what it holds. */
    protected void onRemoved() {
        release();
    }

    /** Passes a chunk to the next handler and asks the relay to flush it. */
    protected final void emit(ByteBuf chunk) {
        if (ended) {
            drop(chunk);
            return;
        }
        ctx.fireChannelRead(chunk);
        ctx.fireChannelReadComplete();
    }

    /** Ends the stream here: the end goes on, later data is dropped. */
    protected final void endStream() {
        if (!ended) {
            ended = true;
            ctx.fireUserEventTriggered(StreamEnd.INSTANCE);
        }
    }

    /** Discards a chunk. */
    protected final void drop(ByteBuf chunk) {
        link.dropped(chunk.readableBytes());
        chunk.release();
    }

    /** Schedules a task on the link's event loop. */
    protected final ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        return ctx.executor().schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    @Override
    public final void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
        begin();
    }

    @Override
    public final void handlerRemoved(ChannelHandlerContext context) {
        if (acting) {
            onRemoved();
        }
    }

    @Override
    public final void channelRead(ChannelHandlerContext context, Object msg) {
        ByteBuf chunk = (ByteBuf) msg;
        if (ended) {
            drop(chunk);
        } else if (acting) {
            onData(chunk);
        } else {
            context.fireChannelRead(chunk);
        }
    }

    @Override
    public final void userEventTriggered(ChannelHandlerContext context, Object event) {
        if (event != StreamEnd.INSTANCE) {
            context.fireUserEventTriggered(event);
        } else if (ended) {
            return;
        } else if (acting) {
            onEnd();
        } else {
            endStream();
        }
    }

    private void begin() {
        acting = link.nextRandom() < toxic.toxicity();
        if (acting) {
            start();
        }
    }
}
