package io.cutcheck.nemesis.disk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control API over real loopback HTTP, on a file system that is not mounted. */
class FaultFsControlServerTest {
  @TempDir Path backing;
  FaultFs fs;
  FaultFsControlServer server;
  ControlClient client;

  @BeforeEach
  void start() throws IOException {
    fs = new FaultFs(backing);
    server = FaultFsControlServer.start(fs, 0);
    client = new ControlClient(server.port());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void faultsRoundTripAndClear() throws IOException {
    DiskFault slow = DiskFault.delay(DiskOp.FSYNC, 20).onPaths("/ckpt");
    DiskFault full = DiskFault.error(DiskOp.WRITE, Errno.ENOSPC, 0.5);
    client.setFaults(new FaultRequest(List.of(slow, full), 3));

    assertThat(client.status().faults()).containsExactly(slow, full);

    client.clearFaults();
    assertThat(client.status().faults()).isEmpty();
  }

  @Test
  void crashReportsWhatWasLost() throws Exception {
    fs.create("/a", 0644);
    fs.write("/a", 0, new byte[10_000], 10_000);

    CrashReport report = client.crash(Crash.clean());

    assertThat(report).isEqualTo(new CrashReport(1, 3, 0, 1, 0));
    assertThat(client.status().pendingChanges()).isZero();
  }

  @Test
  void badRequestsGet400WithOneLine() throws Exception {
    HttpResponse<String> response = put("{\"faults\":[{\"op\":\"FSYNC\",\"probability\":2,\"error\":\"EIO\"}]}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("probability must be in [0, 1]").doesNotContain("\n");

    assertThat(put("{\"faults\":[{\"op\":\"FLY\"}]}").statusCode()).isEqualTo(400);
    client.sync();
  }

  @Test
  void aMinimalRuleNeedsOnlyOpErrorAndProbability() throws Exception {
    assertThat(put("{\"faults\":[{\"op\":\"WRITE\",\"error\":\"EIO\",\"probability\":1}]}").statusCode())
        .isEqualTo(204);
    assertThat(client.status().faults()).containsExactly(DiskFault.error(DiskOp.WRITE, Errno.EIO, 1));
  }

  private HttpResponse<String> put(String json) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/faults"))
            .PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
