package io.cutcheck.nemesis.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

/** The stand-alone server as its own process: serves the Java client; bad input exits 2 with one line. */
@org.junit.jupiter.api.Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class ToxiproxyServerMainIT {

    private final List<Process> started = new ArrayList<>();

    @TempDir
    Path directory;

    @AfterEach
    void killAll() throws InterruptedException {
        for (Process process : started) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void serves_the_toxiproxy_api_until_stopped() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path config = directory.resolve("proxies.json");
        Files.writeString(config, "[{\"name\":\"from-config\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:5432\"}]");
        Process server = start("--host", "127.0.0.1", "--port", Integer.toString(port), "--config", config.toString());
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));

        assertThat(out.readLine()).isEqualTo("toxiproxy API listening on http://127.0.0.1:" + port);
        ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", port);
        assertThat(client.version()).contains(ApiRoutes.VERSION);
        assertThat(client.getProxy("from-config").isEnabled()).isTrue();
        assertThat(client.createProxy("db", "127.0.0.1:0", "127.0.0.1:5432").isEnabled()).isTrue();

        server.destroy(); // SIGTERM: the shutdown hook stops the server
        assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void bad_input_exits_2_with_one_line() throws Exception {
        Process bad = start("--port", "nope");

        assertThat(bad.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).isEqualTo(2);
        String stderr = new String(bad.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(stderr.lines()).containsExactly("toxiproxy: port is not a number: nope", ToxiproxyServerMain.USAGE);
    }

    @Test
    void a_bad_config_exits_2_with_one_line() throws Exception {
        Path config = directory.resolve("proxies.json");
        Files.writeString(config, "[{\"name\":\"no-upstream\"}]");
        Process bad = start("--host", "127.0.0.1", "--port", "0", "--config", config.toString());

        assertThat(bad.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).isEqualTo(2);
        String stderr = new String(bad.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(stderr.lines()).containsExactly("toxiproxy: config " + config + ": missing required field: upstream at proxy 1");
    }

    @Test
    void a_port_in_use_exits_2_with_one_line() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Process busy = start("--host", "127.0.0.1", "--port", Integer.toString(taken.getLocalPort()));

            assertThat(busy.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(busy.exitValue()).isEqualTo(2);
            String stderr = new String(busy.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(stderr.lines()).hasSize(1).allMatch(line -> line.startsWith("toxiproxy: cannot listen on 127.0.0.1:"));
        }
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                ToxiproxyServerMain.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        started.add(process);
        return process;
    }
}
