package io.cutcheck.sut.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A slow one-way link on loopback: forwards each accepted connection to {@code target}, delivering
 * every byte {@code delayMs} after it arrived, in order. It stands in for the harness's proxies,
 * so that messages are in flight long enough for snapshots to cut through them. When either side
 * breaks, both are closed.
 */
public final class DelayProxy implements AutoCloseable {
    private static final byte[] END = new byte[0];

    private record Chunk(long dueNanos, byte[] bytes) {
    }

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final long delayNanos;

    public DelayProxy(InetSocketAddress target, long delayMs) throws IOException {
        this.server = new ServerSocket(0, 64, java.net.InetAddress.getLoopbackAddress());
        this.target = target;
        this.delayNanos = delayMs * 1_000_000L;
        daemon("proxy-accept-" + port(), this::accept).start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket in = server.accept();
                Socket out = new Socket();
                try {
                    out.connect(target, 1000);
                } catch (IOException e) {
                    in.close();
                    out.close();
                    continue;
                }
                in.setTcpNoDelay(true);
                out.setTcpNoDelay(true);
                BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
                daemon("proxy-read-" + port(), () -> read(in, out, queue)).start();
                daemon("proxy-write-" + port(), () -> write(in, out, queue)).start();
            } catch (IOException e) {
                // closed, or one failed accept: keep serving until closed
            }
        }
    }

    private void read(Socket in, Socket out, BlockingQueue<Chunk> queue) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream stream = in.getInputStream()) {
            int n;
            while ((n = stream.read(buffer)) >= 0) {
                queue.add(new Chunk(System.nanoTime() + delayNanos, java.util.Arrays.copyOf(buffer, n)));
            }
        } catch (IOException e) {
            // the sender broke: pass the end on after the bytes already in transit
        }
        queue.add(new Chunk(System.nanoTime() + delayNanos, END));
    }

    private void write(Socket in, Socket out, BlockingQueue<Chunk> queue) {
        try (in; out; OutputStream stream = out.getOutputStream()) {
            while (true) {
                Chunk chunk = queue.take();
                long wait = chunk.dueNanos() - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
                }
                if (chunk.bytes() == END) {
                    return;
                }
                stream.write(chunk.bytes());
                stream.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the receiver broke or the proxy closed: closing both sides tells the sender
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
