package io.cutcheck.nemesis.proxy;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/** The Netty transport the server runs on: event loops and the channel classes that go with them. */
enum Transport {
    NIO;

    EventLoopGroup newGroup(int threads, String name) {
        return new NioEventLoopGroup(threads, new DefaultThreadFactory(name, true));
    }

    Class<? extends ServerChannel> serverChannel() {
        return NioServerSocketChannel.class;
    }

    Class<? extends Channel> socketChannel() {
        return NioSocketChannel.class;
    }
}
