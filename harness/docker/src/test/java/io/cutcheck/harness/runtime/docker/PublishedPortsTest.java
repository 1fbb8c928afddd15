package io.cutcheck.harness.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.ExposedPort;
import java.net.InetSocketAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

class PublishedPortsTest {

    private final PublishedPorts ports = new PublishedPorts("127.0.0.1", 7100, 21000, 7101, 21001);

    @Test
    void eachContainerPortMapsToItsFixedHostPort() {
        assertThat(ports.onHost(7100)).isEqualTo(InetSocketAddress.createUnresolved("127.0.0.1", 21000));
        assertThat(ports.onHost(7101)).isEqualTo(InetSocketAddress.createUnresolved("127.0.0.1", 21001));
        assertThat(ports.controlUri()).isEqualTo(URI.create("http://127.0.0.1:21000"));
        assertThatThrownBy(() -> ports.onHost(8080)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBindingsNameTheHostPortsSoARestartPublishesTheSameOnes() {
        assertThat(ports.exposed()).containsExactly(ExposedPort.tcp(7100), ExposedPort.tcp(7101));
        assertThat(ports.bindings()).extracting(b -> b.getExposedPort().getPort() + "->" + b.getBinding().getHostIp()
                        + ":" + b.getBinding().getHostPortSpec())
                .containsExactly("7100->127.0.0.1:21000", "7101->127.0.0.1:21001");
    }
}
