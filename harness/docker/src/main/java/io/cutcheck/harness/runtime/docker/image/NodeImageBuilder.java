package io.cutcheck.harness.runtime.docker.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import io.cutcheck.harness.runtime.docker.DockerConnection;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Makes the node image ready in the local daemon, offline: a base image of a jlink'ed runtime
 * ({@link JreRootfs}) as a single layer built from scratch, and on top of it one layer holding the
 * node jar. Each is tagged with the hash of its inputs and rebuilt only when one changes; only the
 * newest few are kept. Nothing is ever pulled.
 */
public final class NodeImageBuilder {

    static final String RECIPE = "cutcheck-node-image-1";
    public static final String BASE_REPO = "cutcheck/jre";
    public static final String NODE_REPO = "cutcheck/node";
    static final String IMAGE_LABEL = "io.cutcheck.image";
    public static final String JAR_IN_IMAGE = "/app/node.jar";
    /** How many images of each repository stay, the one just made included. */
    static final int KEEP = 3;
    /** Images younger than this are never removed, whatever their rank. */
    static final Duration FRESH = Duration.ofHours(1);

    private final DockerClient docker;

    public NodeImageBuilder(DockerClient docker) {
        this.docker = docker;
    }

    /** The image for this node jar: found if its inputs are unchanged, built otherwise. */
    public NodeImage ensure(Path nodeJar) throws IOException {
        if (!Files.isRegularFile(nodeJar)) {
            throw new IOException("node jar " + nodeJar + " is missing: build it first (mvn package)");
        }
        long start = System.nanoTime();
        String base = ensureBase();
        String dockerfile = dockerfile(base);
        String tag = NODE_REPO + ":" + new ImageInputs(RECIPE).text(dockerfile).file(nodeJar).hash();
        boolean built = !exists(tag);
        if (built) {
            System.err.println("cutcheck: building node image " + tag + " from " + nodeJar.getFileName() + " ...");
            build(tag, dockerfile, nodeJar);
            removeOlderTags(NODE_REPO, tag);
            removeOlderTags(BASE_REPO, base);
        }
        long size = docker.inspectImageCmd(tag).exec().getSize();
        NodeImage image = new NodeImage(tag, JAR_IN_IMAGE, size, Duration.ofNanos(System.nanoTime() - start), built);
        if (built) {
            System.err.println("cutcheck: " + image.describe());
        }
        return image;
    }

    private String ensureBase() throws IOException {
        // The hash needs no JDK tools, so an image built earlier is found even where jlink is absent.
        Path jdkHome = Path.of(System.getProperty("java.home"));
        ImageInputs inputs = new ImageInputs(RECIPE).text(String.join(",", JreRootfs.MODULES))
                .text(System.getProperty("java.vm.version")).text(baseDockerfile());
        for (Path input : List.of(jdkHome.resolve("release"), JreRootfs.BUSYBOX)) {
            if (Files.isRegularFile(input)) {
                inputs.file(input);
            }
        }
        String hash = inputs.hash();
        String tag = BASE_REPO + ":" + hash;
        if (exists(tag)) {
            return tag;
        }
        System.err.println("cutcheck: building base image " + tag + " (a jlink'ed Java runtime, once per JDK;"
                + " takes 10-20 s) ...");
        JreRootfs rootfs = JreRootfs.ofRunningJdk();
        long start = System.nanoTime();
        Path work = Files.createTempDirectory("cutcheck-rootfs");
        try {
            rootfs.writeTo(work.resolve("rootfs"));
            Path context = work.resolve("context.tar");
            try (OutputStream out = Files.newOutputStream(context)) {
                RootfsTar.write(List.of(new RootfsTar.Entry("Dockerfile", baseDockerfile().getBytes(StandardCharsets.UTF_8))),
                        Optional.of(work.resolve("rootfs")), "rootfs", out);
            }
            try (InputStream in = Files.newInputStream(context)) {
                build(tag, in);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while building " + tag);
        } finally {
            deleteTree(work);
        }
        long size = docker.inspectImageCmd(tag).exec().getSize();
        System.err.printf("cutcheck: base image %s built in %.1f s, %.1f MB%n", tag,
                (System.nanoTime() - start) / 1e9, size / 1e6);
        return tag;
    }

    /**
     * The base: the root file system as one layer. (A {@code docker import} would be 0.5 s faster,
     * but docker-java's import request fails with "unexpected EOF" on Docker 20.10, so it is built
     * from scratch, which takes about a second once per JDK.)
     */
    static String baseDockerfile() {
        return "FROM scratch\n"
                + "COPY rootfs/ /\n"
                + "ENV JAVA_HOME=/opt/java PATH=/opt/java/bin:/usr/sbin:/usr/bin:/sbin:/bin\n"
                + "WORKDIR /app\n"
                + "LABEL " + IMAGE_LABEL + "=jre\n";
    }

    /** The node layer: just the jar. */
    static String dockerfile(String base) {
        return "FROM " + base + "\n"
                + "COPY node.jar " + JAR_IN_IMAGE + "\n"
                + "LABEL " + IMAGE_LABEL + "=node\n";
    }

    private void build(String tag, String dockerfile, Path nodeJar) throws IOException {
        ByteArrayOutputStream context = new ByteArrayOutputStream();
        RootfsTar.write(List.of(new RootfsTar.Entry("Dockerfile", dockerfile.getBytes(StandardCharsets.UTF_8)),
                new RootfsTar.Entry("node.jar", Files.readAllBytes(nodeJar))), Optional.empty(), "", context);
        build(tag, new ByteArrayInputStream(context.toByteArray()));
    }

    /** Builds without pulling: every FROM is a local image or scratch. */
    private void build(String tag, InputStream context) throws IOException {
        try {
            docker.buildImageCmd().withTarInputStream(context)
                    .withTags(Set.of(tag)).withPull(false).withRemove(true).withForcerm(true)
                    .exec(new BuildImageResultCallback()).awaitImageId(120, TimeUnit.SECONDS);
        } catch (DockerException e) {
            throw new IOException("docker build of " + tag + " failed: " + e.getMessage().strip());
        }
    }

    private boolean exists(String tag) {
        try {
            docker.inspectImageCmd(tag).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /**
     * Drops all but the newest {@link #KEEP} images of this repository, so that switching between
     * a few jars (or running two runs with different jars) does not rebuild each time, while old
     * builds do not pile up. An image still in use by a container stays, and so does one built in
     * the last {@link #FRESH}: another run (or test) on this host may have just made it for itself.
     */
    private void removeOlderTags(String repository, String keep) {
        List<Image> images = docker.listImagesCmd().withReferenceFilter(repository).exec().stream()
                .sorted(Comparator.comparing(Image::getCreated).reversed()).toList();
        int kept = 0;
        for (Image image : images) {
            List<String> tags = image.getRepoTags() == null ? List.of() : List.of(image.getRepoTags());
            boolean fresh = Instant.ofEpochSecond(image.getCreated()).isAfter(Instant.now().minus(FRESH));
            if (tags.contains(keep) || fresh || ++kept < KEEP) {
                continue;
            }
            try {
                docker.removeImageCmd(image.getId()).exec();
            } catch (DockerException e) {
                // in use by a container of a live run, or shared with the kept image: keep it
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Builds (or finds) the image for a jar and prints what happened: {@code NodeImageBuilder <jar>}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: NodeImageBuilder NODE_JAR");
            System.exit(2);
        }
        try (DockerClient docker = DockerConnection.open()) {
            System.out.println(new NodeImageBuilder(docker).ensure(Path.of(args[0])).describe());
        } catch (IOException e) {
            System.err.println("cutcheck: " + e.getMessage());
            System.exit(2);
        }
    }
}
