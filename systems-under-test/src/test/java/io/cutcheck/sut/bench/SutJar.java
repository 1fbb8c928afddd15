package io.cutcheck.sut.bench;

import io.cutcheck.sut.Main;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shaded jar whose processes a bench starts. The benches are test code, so their own classes
 * come from {@code target/test-classes}; the system's classes tell where the jar is: the jar itself
 * when it is on the classpath, or the one beside {@code target/classes} when those are.
 */
final class SutJar {
    private SutJar() {
    }

    static Path locate() throws URISyntaxException {
        Path source = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = Files.isRegularFile(source) ? source : source.resolveSibling("cutcheck-sut.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn package first");
        }
        return jar;
    }
}
