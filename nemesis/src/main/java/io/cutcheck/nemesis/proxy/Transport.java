package io.cutcheck.nemesis.proxy;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.Locale;

/** The Netty transport the server runs on: event loops and the channel classes that go with them. */
enum Transport {
    /** Linux's epoll through Netty's native library: fewer copies and system calls. */
    EPOLL {
        @Override
        EventLoopGroup newGroup(int threads, String name) {
            return new EpollEventLoopGroup(threads, new DefaultThreadFactory(name, true));
        }

        @Override
        Class<? extends ServerChannel> serverChannel() {
            return EpollServerSocketChannel.class;
        }

        @Override
        Class<? extends Channel> socketChannel() {
            return EpollSocketChannel.class;
        }
    },
    /** Java's NIO selectors: everywhere. */
    NIO {
        @Override
        EventLoopGroup newGroup(int threads, String name) {
            return new NioEventLoopGroup(threads, new DefaultThreadFactory(name, true));
        }

        @Override
        Class<? extends ServerChannel> serverChannel() {
            return NioServerSocketChannel.class;
        }

        @Override
        Class<? extends Channel> socketChannel() {
            return NioSocketChannel.class;
        }
    };

    /** The system property that forces a transport ({@code nio} or {@code epoll}). */
    static final String PROPERTY = "cutcheck.toxiproxy.transport";

    abstract EventLoopGroup newGroup(int threads, String name);

    abstract Class<? extends ServerChannel> serverChannel();

    abstract Class<? extends Channel> socketChannel();

    /** Epoll where Netty's native library loads, NIO elsewhere or when the property asks for it. */
    static Transport best() {
        String forced = System.getProperty(PROPERTY, "");
        if (!forced.isEmpty()) {
            return valueOf(forced.toUpperCase(Locale.ROOT));
        }
        return Epoll.isAvailable() ? EPOLL : NIO;
    }
}
