package io.cutcheck.harness.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;

/**
 * Opens a docker-java client on the daemon named by DOCKER_HOST or at the default Unix socket,
 * or else on the one Testcontainers' discovery finds (~/.testcontainers.properties, contexts).
 *
 * <p>Why not {@code DockerClientFactory.client()}: that call also starts Testcontainers' Ryuk
 * reaper, which needs an image pulled from a registry (impossible offline) unless the
 * environment variable {@code TESTCONTAINERS_RYUK_DISABLED=true} is set before the JVM starts,
 * and a user running the harness cannot be asked to remember that. This runtime labels
 * everything it creates and cleans up itself ({@link Leftovers}), so it only needs the client.
 */
public final class DockerConnection {

    private static final Path DEFAULT_SOCKET = Path.of("/var/run/docker.sock");

    private DockerConnection() {}

    /** A client whose daemon answered a ping; a one-line {@link IOException} otherwise. */
    public static DockerClient open() throws IOException {
        Optional<URI> plain = plainHost(System.getenv(), DEFAULT_SOCKET);
        if (plain.isPresent()) {
            try {
                return open(TransportConfig.builder().dockerHost(plain.get()).build());
            } catch (IOException e) {
                if (System.getenv("DOCKER_HOST") != null) {
                    throw e; // the user named it: no other daemon is wanted
                }
                // the default socket is dead: a daemon elsewhere (rootless, a context) may answer
            }
        }
        return discovered();
    }

    /**
     * The daemon to use without Testcontainers' discovery, which tries every strategy in turn and
     * takes 1-10 s (the longer on a loaded machine) on each start of the harness: DOCKER_HOST when
     * it names a Unix socket or plain TCP, else the default socket when it exists. TLS settings,
     * Docker contexts and the like are left to the discovery.
     */
    static Optional<URI> plainHost(Map<String, String> env, Path defaultSocket) {
        String host = env.get("DOCKER_HOST");
        if (host != null && !host.isBlank()) {
            boolean tls = env.containsKey("DOCKER_TLS_VERIFY") || env.containsKey("DOCKER_CERT_PATH");
            boolean plain = host.startsWith("unix://") || (host.startsWith("tcp://") && !tls);
            return plain ? Optional.of(URI.create(host.strip())) : Optional.empty();
        }
        return Files.exists(defaultSocket) ? Optional.of(URI.create("unix://" + defaultSocket)) : Optional.empty();
    }

    private static DockerClient discovered() throws IOException {
        TransportConfig transport;
        try {
            transport = DockerClientFactory.instance().getTransportConfig();
        } catch (RuntimeException e) {
            throw new IOException("no Docker daemon found (" + firstLine(e) + "); start one with scripts/docker-up.sh");
        }
        return open(transport);
    }

    static DockerClient open(TransportConfig transport) throws IOException {
        DockerClient client = null;
        try {
            client = DockerClientProviderStrategy.getClientForConfig(transport);
            client.pingCmd().exec();
            return client;
        } catch (RuntimeException e) {
            closeQuietly(client);
            throw new IOException("no Docker daemon answers at " + transport.getDockerHost() + " (" + firstLine(e)
                    + "); start one with scripts/docker-up.sh");
        }
    }

    private static void closeQuietly(DockerClient client) {
        if (client != null) {
            try {
                client.close();
            } catch (IOException | RuntimeException e) {
                // nothing to save
            }
        }
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
