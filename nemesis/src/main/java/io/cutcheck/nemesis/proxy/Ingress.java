package io.cutcheck.nemesis.proxy;

import io.cutcheck.nemesis.proxy.toxic.StreamEnd;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * First handler of a link's source channel: counts what enters the link, turns the channel's
 * close (or a read error) into {@link StreamEnd} so toxics can order it after their data, and
 * reports the channel's writability to the opposite direction, whose destination it is.
 */
final class Ingress extends ChannelInboundHandlerAdapter {

    private final Flow flow;
    private final Flow opposite;

    Ingress(Flow flow, Flow opposite) {
        this.flow = flow;
        this.opposite = opposite;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        flow.received(((ByteBuf) msg).readableBytes());
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ctx.fireUserEventTriggered(StreamEnd.INSTANCE);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        opposite.destinationWritabilityChanged(ctx.channel().isWritable());
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A read error ends the source as a close does (Toxiproxy treats both as the end).
        ctx.close();
    }
}
