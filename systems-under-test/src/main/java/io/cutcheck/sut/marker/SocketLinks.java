package io.cutcheck.sut.marker;

import io.cutcheck.sut.wire.Dialer;
import io.cutcheck.sut.wire.Frame;
import io.cutcheck.sut.wire.FrameChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The outgoing channels of one epoch: one FIFO frame connection per other peer, dialled at the
 * address this peer's node config gives and opened with a {@link MeshMessage.Hello}. A send that
 * fails marks the channel broken and reports it once.
 */
final class SocketLinks implements MeshLinks {

    private final Map<String, FrameChannel> channels = new LinkedHashMap<>();
    private final long epoch;
    private final BiConsumer<String, Long> onBroken;

    private SocketLinks(long epoch, BiConsumer<String, Long> onBroken) {
        this.epoch = epoch;
        this.onBroken = onBroken;
    }

    /** Dials every peer, retrying until {@code deadlineMs}; fails if one stays unreachable. */
    static SocketLinks dial(String self, long epoch, Map<String, InetSocketAddress> peers, long deadlineMs,
                            BiConsumer<String, Long> onBroken) throws IOException {
        SocketLinks links = new SocketLinks(epoch, onBroken);
        try {
            for (Map.Entry<String, InetSocketAddress> peer : peers.entrySet()) {
                InetSocketAddress address = peer.getValue();
                FrameChannel channel = Dialer.dial(address.getHostString(), address.getPort(), 100,
                        () -> System.currentTimeMillis() < deadlineMs);
                links.channels.put(peer.getKey(), channel);
                channel.sendNow(frame(new MeshMessage.Hello(self, epoch)));
            }
        } catch (IOException | RuntimeException e) {
            links.close();
            throw e;
        }
        return links;
    }

    private static Frame frame(MeshMessage message) {
        byte[] bytes = MeshCodec.encode(message);
        return new Frame(bytes, bytes.length);
    }

    @Override
    public void send(String peer, MeshMessage message) {
        FrameChannel channel = channels.get(peer);
        if (channel != null) {
            try {
                channel.send(frame(message));
            } catch (IOException e) {
                broken(peer);
            }
        }
    }

    @Override
    public void sendAll(MeshMessage message) {
        Frame frame = frame(message);
        for (Map.Entry<String, FrameChannel> e : Map.copyOf(channels).entrySet()) {
            try {
                e.getValue().send(frame);
            } catch (IOException ex) {
                broken(e.getKey());
            }
        }
    }

    @Override
    public void flush() {
        for (Map.Entry<String, FrameChannel> e : Map.copyOf(channels).entrySet()) {
            try {
                e.getValue().flush();
            } catch (IOException ex) {
                broken(e.getKey());
            }
        }
    }

    private void broken(String peer) {
        FrameChannel channel = channels.remove(peer);
        if (channel != null) {
            channel.close();
            onBroken.accept(peer, epoch);
        }
    }

    @Override
    public void close() {
        channels.values().forEach(FrameChannel::close);
        channels.clear();
    }
}
