package io.cutcheck.nemesis.proxy;

import io.cutcheck.nemesis.proxy.toxic.StreamEnd;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Last handler of a link's source channel: writes what the toxics pass on to the destination,
 * flushes at the end of each batch, and closes the destination once the stream has ended and
 * everything before the end is written.
 */
final class Relay extends ChannelInboundHandlerAdapter {

    private final Flow flow;

    Relay(Flow flow) {
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
        if (destination == null) {
            ctx.close();
            return;
        }
        // Closing the destination ends the opposite direction, whose source it is; that direction
        // then closes this source after its own toxics let go of their data, as in Toxiproxy.
        destination.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
