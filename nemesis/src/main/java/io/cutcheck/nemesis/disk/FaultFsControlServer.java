package io.cutcheck.nemesis.disk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The helper's control API on 127.0.0.1, JSON bodies:
 *
 * <ul>
 *   <li>{@code GET /status} → {@link FsStatus}
 *   <li>{@code PUT /faults} with a {@link FaultRequest} → 204; {@code DELETE /faults} → 204
 *   <li>{@code POST /crash} with a {@link Crash} → {@link CrashReport}
 *   <li>{@code POST /sync} → 204 (everything durable, like sync(2))
 * </ul>
 *
 * Bad requests get 400 with {@code {"error": "..."}}.
 */
final class FaultFsControlServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;

  private FaultFsControlServer(HttpServer server) {
    this.server = server;
  }

  static FaultFsControlServer start(FaultFs fs, int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    server.setExecutor(Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "faultfs-control");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/status", ex -> handle(ex, "GET", () -> fs.status()));
    server.createContext("/faults", ex -> {
      if (ex.getRequestMethod().equals("DELETE")) {
        handle(ex, "DELETE", () -> {
          fs.clearFaults();
          return null;
        });
      } else {
        handle(ex, "PUT", () -> {
          FaultRequest request = JSON.readValue(ex.getRequestBody(), FaultRequest.class);
          fs.setFaults(request.faults(), request.seed());
          return null;
        });
      }
    });
    server.createContext("/crash", ex -> handle(ex, "POST",
        () -> fs.crash(JSON.readValue(ex.getRequestBody(), Crash.class))));
    server.createContext("/sync", ex -> handle(ex, "POST", () -> {
      fs.sync();
      return null;
    }));
    server.start();
    return new FaultFsControlServer(server);
  }

  int port() {
    return server.getAddress().getPort();
  }

  private interface Action {
    Object run() throws Exception;
  }

  private static void handle(HttpExchange ex, String method, Action action) throws IOException {
    try (ex) {
      if (!ex.getRequestMethod().equals(method)) {
        reply(ex, 405, Map.of("error", "use " + method));
        return;
      }
      Object result;
      try {
        result = action.run();
      } catch (IllegalArgumentException | com.fasterxml.jackson.core.JacksonException e) {
        reply(ex, 400, Map.of("error", oneLine(e)));
        return;
      } catch (Exception e) {
        reply(ex, 500, Map.of("error", oneLine(e)));
        return;
      }
      if (result == null) {
        ex.sendResponseHeaders(204, -1);
      } else {
        reply(ex, 200, result);
      }
    }
  }

  private static String oneLine(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse("");
  }

  private static void reply(HttpExchange ex, int code, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
