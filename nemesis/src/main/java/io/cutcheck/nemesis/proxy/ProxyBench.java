package io.cutcheck.nemesis.proxy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/**
 * Measures what one embedded proxy (no toxics) costs on loopback against a direct connection:
 * round-trip latency of a small request and response (p50, p99), and the throughput of one bulk
 * stream. Run: {@code java -cp ... io.cutcheck.nemesis.proxy.ProxyBench [--round-trips N]
 * [--megabytes N] [--runs N]}. Numbers on a shared machine are noisy: take the best of the runs.
 */
public final class ProxyBench {

    private static final int MESSAGE = 64;

    private ProxyBench() {
    }

    public static void main(String[] args) throws Exception {
        int roundTrips = 20_000;
        int megabytes = 1024;
        int runs = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--round-trips" -> roundTrips = Integer.parseInt(args[i + 1]);
                case "--megabytes" -> megabytes = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                default -> {
                    System.err.println("proxy-bench: unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        try (ServerSocket echo = serve(ProxyBench::echo);
             ServerSocket sink = serve(ProxyBench::sink);
             ToxiproxyServer server = ToxiproxyServer.start("127.0.0.1", 0)) {
            int echoProxy = createProxy(server, "echo", echo.getLocalPort());
            int sinkProxy = createProxy(server, "sink", sink.getLocalPort());
            System.out.printf("cores %d, %d round trips of %d B, %d MiB stream, best of %d runs%n",
                    Runtime.getRuntime().availableProcessors(), roundTrips, MESSAGE, megabytes, runs);
            for (int run = 1; run <= runs; run++) {
                long[] direct = roundTrips(echo.getLocalPort(), roundTrips);
                long[] proxied = roundTrips(echoProxy, roundTrips);
                double directRate = stream(sink.getLocalPort(), megabytes);
                long cpuBefore = proxyCpuNanos();
                double proxiedRate = stream(sinkProxy, megabytes);
                double proxyCpuSeconds = (proxyCpuNanos() - cpuBefore) / 1e9;
                System.out.printf("run %d: round trip p50 direct %.1f µs, proxied %.1f µs, added %.1f µs;"
                                + " p99 direct %.1f µs, proxied %.1f µs, added %.1f µs%n",
                        run, micros(direct, 50), micros(proxied, 50), micros(proxied, 50) - micros(direct, 50),
                        micros(direct, 99), micros(proxied, 99), micros(proxied, 99) - micros(direct, 99));
                System.out.printf("run %d: stream direct %.2f GB/s, proxied %.2f GB/s, ratio %.2f;"
                                + " proxy CPU %.2f s for %d MiB = %.2f GB/s per core%n",
                        run, directRate, proxiedRate, proxiedRate / directRate,
                        proxyCpuSeconds, megabytes, ((long) megabytes << 20) / proxyCpuSeconds / 1e9);
            }
        }
    }

    /** Sorted round-trip times in nanoseconds, after a warm-up of a quarter as many. */
    private static long[] roundTrips(int port, int count) throws IOException {
        try (Socket socket = connect(port)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] message = new byte[MESSAGE];
            long[] samples = new long[count];
            for (int i = -count / 4; i < count; i++) {
                long start = System.nanoTime();
                out.write(message);
                in.readNBytes(message, 0, MESSAGE);
                if (i >= 0) {
                    samples[i] = System.nanoTime() - start;
                }
            }
            Arrays.sort(samples);
            return samples;
        }
    }

    /** GB/s (10^9 bytes) of one stream to the sink, until the sink acknowledges the last byte. */
    private static double stream(int port, int megabytes) throws IOException {
        long total = (long) megabytes << 20;
        byte[] block = new byte[256 * 1024];
        try (Socket socket = connect(port)) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            long start = System.nanoTime();
            out.writeLong(total);
            for (long sent = 0; sent < total; sent += block.length) {
                out.write(block, 0, (int) Math.min(block.length, total - sent));
            }
            out.flush();
            if (socket.getInputStream().read() != 1) {
                throw new IOException("the sink did not acknowledge the stream");
            }
            return total / ((System.nanoTime() - start) / 1e9) / 1e9;
        }
    }

    /**
     * CPU time of the proxy's event loops: on a shared machine wall-clock throughput says more
     * about the neighbours than about the proxy, while CPU per byte does not.
     */
    private static long proxyCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("toxiproxy-link")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static double micros(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1000.0;
    }

    private interface Service {
        void serve(Socket socket) throws IOException;
    }

    private static ServerSocket serve(Service service) throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket socket = listener.accept();
                    Thread worker = new Thread(() -> {
                        try (socket) {
                            socket.setTcpNoDelay(true);
                            service.serve(socket);
                        } catch (IOException ignored) {
                            // the bench closed the connection
                        }
                    });
                    worker.setDaemon(true);
                    worker.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return listener;
    }

    private static void echo(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            out.write(buffer, 0, n);
        }
    }

    private static void sink(Socket socket) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] buffer = new byte[256 * 1024];
        while (true) {
            long remaining = in.readLong();
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    return;
                }
                remaining -= n;
            }
            socket.getOutputStream().write(1);
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        socket.setTcpNoDelay(true);
        return socket;
    }

    /** Creates a proxy through the HTTP API, as any client would, and returns its port. */
    private static int createProxy(ToxiproxyServer server, String name, int upstreamPort) throws Exception {
        String body = "{\"name\":\"" + name + "\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:" + upstreamPort + "\"}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/proxies"))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("creating proxy " + name + ": " + response.statusCode() + " " + response.body());
        }
        String listen = ApiJson.MAPPER.readTree(response.body()).get("listen").asText();
        return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
    }
}
