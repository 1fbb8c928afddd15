package io.cutcheck.harness.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.dockerclient.TransportConfig;

class DockerConnectionTest {

    @Test
    void aDaemonThatDoesNotAnswerIsOneLineThatSaysWhatToRun() {
        TransportConfig nowhere = TransportConfig.builder().dockerHost(URI.create("unix:///nonexistent/docker.sock")).build();
        assertThatThrownBy(() -> DockerConnection.open(nowhere))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("no Docker daemon answers at unix:///nonexistent/docker.sock")
                .hasMessageEndingWith("start one with scripts/docker-up.sh")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aPlainDockerHostOrTheDefaultSocketIsUsedWithoutDiscovery(@TempDir Path dir) throws IOException {
        Path socket = Files.createFile(dir.resolve("docker.sock"));
        Path none = dir.resolve("none.sock");
        assertThat(DockerConnection.plainHost(Map.of(), socket)).hasValue(URI.create("unix://" + socket));
        assertThat(DockerConnection.plainHost(Map.of(), none)).isEmpty();
        assertThat(DockerConnection.plainHost(Map.of("DOCKER_HOST", "unix:///run/user/1000/docker.sock"), none))
                .hasValue(URI.create("unix:///run/user/1000/docker.sock"));
        assertThat(DockerConnection.plainHost(Map.of("DOCKER_HOST", "tcp://10.0.0.5:2375"), socket))
                .hasValue(URI.create("tcp://10.0.0.5:2375"));
        assertThat(DockerConnection.plainHost(Map.of("DOCKER_HOST", "tcp://10.0.0.5:2376", "DOCKER_TLS_VERIFY", "1"), socket))
                .as("TLS is left to the discovery").isEmpty();
        assertThat(DockerConnection.plainHost(Map.of("DOCKER_HOST", "ssh://me@box"), socket)).isEmpty();
    }
}
