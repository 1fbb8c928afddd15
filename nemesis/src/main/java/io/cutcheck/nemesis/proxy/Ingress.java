package io.cutcheck.nemesis.proxy;

import io.cutcheck.nemesis.proxy.toxic.StreamEnd;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;

/**
 * First handler of a link's source channel: counts what enters the link, turns the end of the
 * input (the peer's FIN, a read error, or the opposite direction finishing) into one
 * {@link StreamEnd} that toxics can order after their data, and reports the channel's
 * writability to the opposite direction, whose destination it is.
 *
 * <p>Channels run with half-closure allowed, so a peer's FIN does not close the channel: it stays
 * open, its pipeline and the data its toxics hold intact, until both directions are done.
 */
final class Ingress extends ChannelInboundHandlerAdapter {

    private final Flow flow;
    private final Flow opposite;
    private ChannelHandlerContext ctx;
    private boolean ended;

    Ingress(Flow flow, Flow opposite) {
        this.flow = flow;
        this.opposite = opposite;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    /** Ends this link's input: nothing more is read, the end travels down the toxics. */
    void endInput() {
        if (!ended) {
            ended = true;
            flow.inputEnded();
            ctx.fireUserEventTriggered(StreamEnd.INSTANCE);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        ByteBuf chunk = (ByteBuf) msg;
        if (ended) {
            chunk.release();
            return;
        }
        flow.received(chunk.readableBytes());
        context.fireChannelRead(chunk);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) {
        if (event instanceof ChannelInputShutdownEvent) {
            endInput();
        } else {
            context.fireUserEventTriggered(event);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        endInput();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        opposite.destinationWritabilityChanged(context.channel().isWritable());
        context.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        // A read error ends the input as a FIN does: Toxiproxy treats both as the end.
        endInput();
    }
}
