package io.cutcheck.harness.runtime.docker;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;

/**
 * The host ports at which the harness reaches one node's container, fixed when the node is
 * reserved. Docker would pick new random ports at every restart; naming them in the container's
 * configuration makes each restart publish the same ones again, so the control URI and the
 * upstream of a proxy on the host stay valid for the whole run.
 *
 * @param host the host interface the ports are published on
 * @param control the control port inside the container
 * @param controlOnHost the host port it is published on
 * @param data the data port inside the container
 * @param dataOnHost the host port it is published on
 */
record PublishedPorts(String host, int control, int controlOnHost, int data, int dataOnHost) {

    List<ExposedPort> exposed() {
        return List.of(ExposedPort.tcp(control), ExposedPort.tcp(data));
    }

    List<PortBinding> bindings() {
        return List.of(new PortBinding(Ports.Binding.bindIpAndPort(host, controlOnHost), ExposedPort.tcp(control)),
                new PortBinding(Ports.Binding.bindIpAndPort(host, dataOnHost), ExposedPort.tcp(data)));
    }

    URI controlUri() {
        return URI.create("http://" + host + ":" + controlOnHost);
    }

    /** Where the harness reaches {@code port} of the container. */
    InetSocketAddress onHost(int port) {
        if (port == control) {
            return InetSocketAddress.createUnresolved(host, controlOnHost);
        }
        if (port == data) {
            return InetSocketAddress.createUnresolved(host, dataOnHost);
        }
        throw new IllegalArgumentException("port " + port + " is not published (control " + control + ", data " + data + ")");
    }
}
