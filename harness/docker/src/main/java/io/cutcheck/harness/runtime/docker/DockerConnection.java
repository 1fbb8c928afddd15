package io.cutcheck.harness.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;

/**
 * Opens a docker-java client on the daemon Testcontainers finds (DOCKER_HOST, the Unix socket,
 * ~/.testcontainers.properties).
 *
 * <p>Why not {@code DockerClientFactory.client()}: that call also starts Testcontainers' Ryuk
 * reaper, which needs an image pulled from a registry (impossible offline) unless the
 * environment variable {@code TESTCONTAINERS_RYUK_DISABLED=true} is set before the JVM starts,
 * and a user running the harness cannot be asked to remember that. This runtime labels
 * everything it creates and cleans up itself ({@link Leftovers}), so it only needs the client.
 */
public final class DockerConnection {

    private DockerConnection() {}

    /** A client whose daemon answered a ping; a one-line {@link IOException} otherwise. */
    public static DockerClient open() throws IOException {
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
