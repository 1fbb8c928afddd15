package io.cutcheck.harness.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import io.cutcheck.harness.cleanup.LeftoverCleaner;
import java.nio.file.Files;
import java.nio.file.Path;

/** The containers and networks of a dead harness, removed by its watchdog. */
public final class DockerLeftoverCleaner implements LeftoverCleaner {

    @Override
    public int cleanAfter(long harnessPid) throws Exception {
        if (!Files.exists(Path.of("/var/run/docker.sock")) && System.getenv("DOCKER_HOST") == null) {
            return 0; // no daemon here: the harness cannot have made containers
        }
        try (DockerClient docker = DockerConnection.open()) {
            return Leftovers.removeOwnedBy(docker, harnessPid);
        }
    }
}
