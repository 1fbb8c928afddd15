package io.cutcheck.sut.wire;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.BooleanSupplier;

/** Dials a peer, retrying every {@code retryMs} while {@code keepTrying} holds (the peer may be restarting). */
public final class Dialer {
    private Dialer() {
    }

    public static FrameChannel dial(String host, int port, long retryMs, BooleanSupplier keepTrying) throws IOException {
        return dial(host, port, retryMs, keepTrying, FrameChannel.SOCKET_BUFFER);
    }

    /** As {@link #dial(String, int, long, BooleanSupplier)}, with {@code socketBuffer} bytes of kernel buffer per direction. */
    public static FrameChannel dial(String host, int port, long retryMs, BooleanSupplier keepTrying, int socketBuffer)
            throws IOException {
        IOException last = null;
        while (keepTrying.getAsBoolean()) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(host, port), 2000);
                return new FrameChannel(socket, socketBuffer);
            } catch (IOException e) {
                last = e;
                socket.close();
                try {
                    Thread.sleep(retryMs);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while dialing " + host + ":" + port, ie);
                }
            }
        }
        throw new IOException("gave up dialing " + host + ":" + port, last);
    }
}
