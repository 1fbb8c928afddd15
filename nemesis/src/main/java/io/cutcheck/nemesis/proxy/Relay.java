package io.cutcheck.nemesis.proxy;

import io.cutcheck.nemesis.proxy.toxic.Stream;
import io.cutcheck.nemesis.proxy.toxic.StreamEnd;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Last handler of a link's source channel: writes what the toxics pass on to the destination,
 * flushes at the end of each batch, and, once the stream's end arrives and everything before it
 * is written, tells the connection this direction is done.
 */
final class Relay extends ChannelInboundHandlerAdapter {

    private final ProxyConnection connection;
    private final Stream stream;
    private final Flow flow;

    Relay(ProxyConnection connection, Stream stream, Flow flow) {
        this.connection = connection;
        this.stream = stream;
        this.flow = flow;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf chunk = (ByteBuf) msg;
        flow.forwarded(chunk.readableBytes());
        Channel destination = flow.destination();
        if (destination == null || !destination.isActive()) {
            chunk.release();
            return;
        }
        destination.write(chunk, destination.voidPromise());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        Channel destination = flow.destination();
        if (destination != null) {
            destination.flush();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event != StreamEnd.INSTANCE) {
            ctx.fireUserEventTriggered(event);
            return;
        }
        Channel destination = flow.destination();
        if (destination == null || !destination.isActive()) {
            connection.directionEnded(stream);
            return;
        }
        destination.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(written -> connection.directionEnded(stream));
    }

    /** A failure inside a toxic leaves the link in an unknown state: the connection goes. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        connection.close();
    }
}
