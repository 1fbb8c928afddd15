package io.cutcheck.harness.runtime.docker.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.cutcheck.harness.system.DockerImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes a system's image ready in the local daemon, as its descriptor says: the harness's own
 * Java node image around a jar ({@link NodeImageBuilder}), or the user's local image, made by the
 * descriptor's {@code build} command when the daemon lacks it. Nothing is ever pulled.
 */
public final class SystemImages {

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);

    private SystemImages() {}

    public static NodeImage ensure(DockerClient docker, DockerImage system) throws IOException {
        if (system.nodeJar().isPresent()) {
            return new NodeImageBuilder(docker).ensure(system.nodeJar().get());
        }
        long start = System.nanoTime();
        boolean built = false;
        if (!exists(docker, system.image())) {
            if (system.build().isEmpty()) {
                throw new IOException("image " + system.image() + " is not in the Docker daemon, and the descriptor"
                        + " has no docker.build to make it (images are never pulled)");
            }
            build(system);
            built = true;
            if (!exists(docker, system.image())) {
                throw new IOException(String.join(" ", system.build()) + " finished but made no image "
                        + system.image());
            }
        }
        long size = docker.inspectImageCmd(system.image()).exec().getSize();
        NodeImage image = new NodeImage(system.image(), null, size, Duration.ofNanos(System.nanoTime() - start), built);
        if (built) {
            System.err.println("cutcheck: " + image.describe());
        }
        return image;
    }

    /** Runs the descriptor's build command in its folder, its output kept in a log beside the image's name. */
    private static void build(DockerImage system) throws IOException {
        System.err.println("cutcheck: building image " + system.image() + " with " + String.join(" ", system.build())
                + " ...");
        Path log = Files.createTempFile("cutcheck-image-build-", ".log");
        Process process = new ProcessBuilder(system.build()).directory(system.folder().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(BUILD_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("building image " + system.image() + " took over " + BUILD_TIMEOUT.toMinutes()
                        + " min; its output: " + log);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while building image " + system.image());
        }
        if (process.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log);
            String last = lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1).strip();
            throw new IOException("building image " + system.image() + " failed (exit " + process.exitValue() + "): "
                    + last + " (output: " + log + ")");
        }
        Files.deleteIfExists(log);
    }

    private static boolean exists(DockerClient docker, String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
