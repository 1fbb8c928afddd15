package io.cutcheck.harness.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerNetwork;
import io.cutcheck.harness.runtime.Node;
import io.cutcheck.harness.runtime.Pausable;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * One node as one container. Kill, restart, pause and resume act on the container through the
 * Docker API; the container keeps its name, alias, address, bind-mounted data and published host
 * ports across restarts (the ports are fixed in its configuration, see {@link PublishedPorts}).
 */
final class ContainerNode implements Node, Pausable {

    private static final long STOP_WAIT_MS = 10_000;
    private static final int PAUSE_ATTEMPTS = 4;

    private final DockerClient docker;
    private final String containerId;
    private final String name;
    private final String role;
    private final String network;
    private final URI controlUri;
    private final Path logFile;

    ContainerNode(DockerClient docker, String containerId, String name, String role, String network, URI controlUri, Path logFile) {
        this.docker = docker;
        this.containerId = containerId;
        this.name = name;
        this.role = role;
        this.network = network;
        this.controlUri = controlUri;
        this.logFile = logFile;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String role() {
        return role;
    }

    @Override
    public URI controlUri() {
        return controlUri;
    }

    @Override
    public boolean isAlive() {
        try {
            return Boolean.TRUE.equals(inspect().getState().getRunning());
        } catch (NotFoundException e) {
            return false;
        }
    }

    @Override
    public synchronized void kill() {
        Uninterrupted.run(this::killNow);
    }

    @Override
    public synchronized void restart() {
        Uninterrupted.run(() -> {
            if (isAlive()) {
                killNow();
            }
            try {
                docker.startContainerCmd(containerId).exec();
            } catch (DockerException e) {
                throw new IllegalStateException("cannot restart " + name + ": " + e.getMessage().strip());
            }
        });
    }

    /**
     * Freezes the container's processes; a no-op for a node that is not running or already paused.
     * With cgroup v1, runc gives up when the freezer does not settle in time on a busy machine
     * ("unable to freeze") and thaws the container again, so that is retried a few times.
     */
    @Override
    public synchronized void pause() {
        Uninterrupted.run(() -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    docker.pauseContainerCmd(containerId).exec();
                    return;
                } catch (ConflictException e) {
                    return; // not running, or paused already
                } catch (InternalServerErrorException e) {
                    if (attempt == PAUSE_ATTEMPTS || !String.valueOf(e.getMessage()).contains("freeze")) {
                        throw e;
                    }
                    sleep(20L * attempt);
                }
            }
        });
    }

    /** Thaws it; a no-op for a node that is not paused. */
    @Override
    public synchronized void resume() {
        Uninterrupted.run(() -> {
            try {
                docker.unpauseContainerCmd(containerId).exec();
            } catch (ConflictException e) {
                // not paused
            }
        });
    }

    /** Called inside {@link Uninterrupted} only, whose caller holds this node's lock. */
    private void killNow() {
        try {
            // Docker delivers SIGKILL to a paused container too and thaws it so that it dies.
            docker.killContainerCmd(containerId).withSignal("SIGKILL").exec();
        } catch (ConflictException e) {
            // not running: already dead
        }
        awaitStopped();
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    String containerId() {
        return containerId;
    }

    /** The container's address on the run's network. */
    String ipAddress() {
        Map<String, ContainerNetwork> networks = inspect().getNetworkSettings().getNetworks();
        ContainerNetwork endpoint = networks.get(network);
        return endpoint == null ? null : endpoint.getIpAddress();
    }

    /** The host pid of the container's first process (for entering its namespaces); 0 when stopped. */
    long hostPid() {
        Long pid = inspect().getState().getPidLong();
        return pid == null ? 0 : pid;
    }

    private InspectContainerResponse inspect() {
        return docker.inspectContainerCmd(containerId).exec();
    }

    private void awaitStopped() {
        long deadline = System.currentTimeMillis() + STOP_WAIT_MS;
        while (isAlive()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("container of " + name + " still runs " + STOP_WAIT_MS + " ms after SIGKILL");
            }
            sleep(10);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    @Override
    public String toString() {
        return name + "(container " + containerId.substring(0, Math.min(12, containerId.length())) + ")";
    }
}
