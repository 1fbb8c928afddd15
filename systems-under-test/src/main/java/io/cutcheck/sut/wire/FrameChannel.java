package io.cutcheck.sut.wire;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;

/**
 * One FIFO TCP connection carrying binary frames: a 4-byte big-endian length, then that many bytes.
 * Sending is thread-safe; one thread receives. {@link #send} buffers, {@link #flush} pushes to the peer.
 */
public final class FrameChannel implements AutoCloseable {
    public static final int MAX_FRAME = 64 * 1024 * 1024;
    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private volatile boolean closed;

    /** Kernel buffer per direction: bounded, so a barrier never waits behind megabytes of queued records. */
    public static final int SOCKET_BUFFER = 256 * 1024;

    public FrameChannel(Socket socket) throws IOException {
        this(socket, SOCKET_BUFFER);
    }

    /**
     * {@code socketBuffer} bytes of kernel buffer per direction (the kernel doubles it). What sits there
     * is in flight: a barrier or marker sent now waits until the peer has read all of it.
     */
    public FrameChannel(Socket socket, int socketBuffer) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        socket.setSendBufferSize(socketBuffer);
        socket.setReceiveBufferSize(socketBuffer);
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 64 * 1024));
    }

    public void send(Frame frame) throws IOException {
        synchronized (out) {
            out.writeInt(frame.length());
            out.write(frame.bytes(), 0, frame.length());
        }
    }

    public void flush() throws IOException {
        synchronized (out) {
            out.flush();
        }
    }

    public void sendNow(Frame frame) throws IOException {
        synchronized (out) {
            send(frame);
            out.flush();
        }
    }

    /** Blocks for the next frame; throws {@link EOFException} when the peer closed the connection. */
    public byte[] receive() throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("bad frame length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    public void setReceiveTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    public String remote() {
        return String.valueOf(socket.getRemoteSocketAddress());
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // closing a broken socket: nothing left to do
        }
    }
}
