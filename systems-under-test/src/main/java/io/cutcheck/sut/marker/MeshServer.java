package io.cutcheck.sut.marker;

import io.cutcheck.sut.wire.FrameChannel;
import io.cutcheck.sut.wire.FrameServer;
import java.io.EOFException;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * Accepts the incoming channels on the peer's data port. Each connection starts with a
 * {@link MeshMessage.Hello} naming the sender and its epoch; every later frame is handed on with
 * them, in order. The peer drops what belongs to an epoch it is not in.
 */
final class MeshServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(MeshServer.class.getName());

    /** Receives what arrives; called from the connection's reader thread. */
    interface Receiver {
        void message(String sender, long epoch, MeshMessage message);

        void broken(String sender, long epoch);
    }

    private final FrameServer server;
    private final Receiver receiver;
    private volatile boolean closed;

    MeshServer(String host, int port, Receiver receiver) {
        this.receiver = receiver;
        this.server = new FrameServer(host, port, "mesh", this::read);
    }

    private void read(FrameChannel channel) {
        String sender = null;
        long epoch = -1;
        try (channel) {
            MeshMessage first = MeshCodec.decode(channel.receive());
            if (!(first instanceof MeshMessage.Hello hello)) {
                throw new IOException("connection did not start with hello");
            }
            sender = hello.node();
            epoch = hello.epoch();
            while (!closed) {
                receiver.message(sender, epoch, MeshCodec.decode(channel.receive()));
            }
        } catch (EOFException e) {
            // the sender closed the channel
        } catch (IOException e) {
            if (!closed) {
                LOG.fine("channel from " + sender + " broke: " + e.getMessage());
            }
        } finally {
            if (sender != null && !closed) {
                receiver.broken(sender, epoch);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        server.close();
    }
}
