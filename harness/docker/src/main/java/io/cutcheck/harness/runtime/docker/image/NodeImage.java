package io.cutcheck.harness.runtime.docker.image;

import java.time.Duration;

/**
 * A node image ready in the local daemon.
 *
 * @param tag {@code cutcheck/node:<hash>}, the hash covering every input of the image
 * @param jarPath where the node jar sits inside the image
 * @param sizeBytes the image's size as the daemon reports it
 * @param took how long making it ready took (near zero when it already existed)
 * @param built whether it had to be built now, rather than found
 */
public record NodeImage(String tag, String jarPath, long sizeBytes, Duration took, boolean built) {

    /** One line for the user: which image, built or reused, how long, how big. */
    public String describe() {
        return String.format("node image %s %s in %.1f s, %.1f MB", tag, built ? "built" : "found",
                took.toMillis() / 1000.0, sizeBytes / 1e6);
    }
}
