package io.cutcheck.harness.system;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a system's nodes run on the Docker runtime (DESCRIPTOR.md, {@code docker}): either the
 * harness's own Java node image around a jar ({@code nodeJar}), or a local image the user made
 * ({@code image}), which the harness can make with {@code build} when it is missing. A local
 * image sees the descriptor's folder at the same path as the host, so {@code command} runs in it
 * unchanged.
 *
 * @param nodeJar the jar the harness's node image is built around, or empty
 * @param image a local image's name, or null with {@code nodeJar}
 * @param build the command that makes {@code image} (run in {@code folder}), or empty
 * @param folder the descriptor's folder
 */
public record DockerImage(Optional<Path> nodeJar, String image, List<String> build, Path folder) {

    /** The harness's Java node image around {@code nodeJar}. */
    public static DockerImage ofNodeJar(Path nodeJar) {
        return new DockerImage(Optional.of(nodeJar), null, List.of(), nodeJar.toAbsolutePath().getParent());
    }

    public DockerImage {
        Objects.requireNonNull(nodeJar, "nodeJar");
        build = List.copyOf(build);
        Objects.requireNonNull(folder, "folder");
        if (nodeJar.isPresent() == (image != null)) {
            throw new IllegalArgumentException("a Docker image is either a node jar or a local image");
        }
    }
}
