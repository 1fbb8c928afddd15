package io.cutcheck.harness.runtime.docker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.Test;
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
}
