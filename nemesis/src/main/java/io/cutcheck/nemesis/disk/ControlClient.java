package io.cutcheck.nemesis.disk;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Speaks the helper's control API ({@link FaultFsControlServer}) over loopback HTTP. */
final class ControlClient {
  private static final ObjectMapper JSON = FaultFsControlServer.JSON;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  ControlClient(int port) {
    this.base = URI.create("http://127.0.0.1:" + port);
  }

  FsStatus status() throws IOException {
    return JSON.readValue(send("GET", "/status", null), FsStatus.class);
  }

  void setFaults(FaultRequest request) throws IOException {
    send("PUT", "/faults", request);
  }

  void clearFaults() throws IOException {
    send("DELETE", "/faults", null);
  }

  CrashReport crash(Crash crash) throws IOException {
    return JSON.readValue(send("POST", "/crash", crash), CrashReport.class);
  }

  void sync() throws IOException {
    send("POST", "/sync", null);
  }

  private String send(String method, String path, Object body) throws IOException {
    HttpRequest.BodyPublisher publisher = body == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
    HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
        .header("Content-Type", "application/json").method(method, publisher).build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IOException("fault fs " + method + " " + path + " answered " + response.statusCode()
            + ": " + response.body());
      }
      return response.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while calling the fault fs", e);
    }
  }
}
