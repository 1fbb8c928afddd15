package io.cutcheck.harness.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import io.cutcheck.harness.runtime.docker.image.NodeImage;
import io.cutcheck.harness.runtime.docker.image.NodeImageBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packs {@link ProbeNode} into an executable jar. Entries carry a fixed time so the jar's bytes,
 * and with them the node image's hash, change only when the probe's code does.
 */
final class ProbeNodeJar {

    private static final long FIXED_TIME = 1_700_000_000_000L;

    private ProbeNodeJar() {}

    static Path build(Path dir) throws IOException {
        Path classes;
        try {
            classes = Path.of(ProbeNode.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        String packageDir = ProbeNode.class.getPackageName().replace('.', '/');
        List<Path> classFiles;
        try (Stream<Path> files = Files.list(classes.resolve(packageDir))) {
            classFiles = files.filter(p -> p.getFileName().toString().startsWith("ProbeNode")
                    && !p.getFileName().toString().startsWith("ProbeNodeJar")).sorted().toList();
        }
        Path jar = Files.createDirectories(dir).resolve("probe-node.jar");
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            put(zip, "META-INF/MANIFEST.MF", ("Manifest-Version: 1.0\r\nMain-Class: " + ProbeNode.class.getName() + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (Path classFile : classFiles) {
                put(zip, packageDir + "/" + classFile.getFileName(), Files.readAllBytes(classFile));
            }
        }
        return jar;
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(FIXED_TIME);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    /** The node image of the probe jar, built once per jar (found when unchanged). */
    static NodeImage image(Path jar) throws IOException {
        try (DockerClient docker = DockerConnection.open()) {
            return new NodeImageBuilder(docker).ensure(jar);
        }
    }
}
