package io.cutcheck.nemesis.network;

import java.util.Objects;

/**
 * The proxy that carries every connection {@code dialer} opens to {@code target}'s {@code port}:
 * upstream is data from the dialer to the target, downstream the answers.
 *
 * @param name the proxy's name on the Toxiproxy server
 * @param listen where it listens, {@code host:port}, as the server reported it
 * @param upstream where it forwards to, {@code host:port}
 */
public record LinkProxy(String dialer, String target, PortKind port, String name, String listen, String upstream) {

    public LinkProxy {
        Objects.requireNonNull(dialer, "dialer");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(name, "name");
    }

    /** The port it listens on, the one the dialer is configured to dial. */
    public int listenPort() {
        return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
    }
}
