package io.cutcheck.harness.runtime.docker.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Lays out the root file system of the node base image from what this host already has: a Java
 * runtime cut down by jlink from the running JDK, the host libraries it links against, and a
 * static busybox for a shell. Nothing is downloaded.
 */
final class JreRootfs {

    /** What the nodes need: HTTP client and server, logging, JMX, and what Jackson touches. */
    static final List<String> MODULES = List.of("java.base", "java.logging", "java.net.http", "jdk.httpserver",
            "java.management", "jdk.management", "jdk.unsupported", "java.naming", "java.sql", "java.xml",
            "jdk.crypto.ec", "jdk.zipfs", "jdk.jfr");

    static final Path BUSYBOX = Path.of("/bin/busybox");

    private static final Pattern LDD_PATH = Pattern.compile("(?:=>\\s*)?(/\\S+)\\s+\\(0x");

    private final Path jdkHome;

    JreRootfs(Path jdkHome) {
        this.jdkHome = jdkHome;
    }

    /** The JDK running this harness, if it can link (has jlink and its modules). */
    static JreRootfs ofRunningJdk() throws IOException {
        Path home = Path.of(System.getProperty("java.home"));
        if (!Files.isExecutable(home.resolve("bin/jlink"))) {
            throw new IOException("jlink is missing in " + home + ": the node image needs a full JDK (Debian: openjdk-17-jdk-headless)");
        }
        if (!Files.isExecutable(BUSYBOX)) {
            throw new IOException(BUSYBOX + " is missing: the node image needs it (Debian: apt-get install busybox-static; scripts/docker-up.sh does)");
        }
        return new JreRootfs(home);
    }

    /** Builds the tree under {@code root}, which must not exist yet. */
    void writeTo(Path root) throws IOException, InterruptedException {
        Path java = root.resolve("opt/java");
        Files.createDirectories(root);
        run(List.of(jdkHome.resolve("bin/jlink").toString(), "--add-modules", String.join(",", MODULES),
                "--strip-debug", "--no-man-pages", "--no-header-files", compressOption(),
                "--generate-cds-archive", "--output", java.toString()));
        // The archive for -XX:-UseCompressedOops is 10 MB that no node with a normal heap uses.
        Files.deleteIfExists(java.resolve("lib/server/classes_nocoops.jsa"));
        // The JVM caches a failed lookup for 10 s by default: a restarted peer would stay unknown.
        Files.writeString(java.resolve("conf/security/java.security"),
                "\nnetworkaddress.cache.ttl=0\nnetworkaddress.cache.negative.ttl=0\n", StandardOpenOption.APPEND);
        copyHostLibraries(root, java);
        installBusybox(root);
        writeEtc(root);
    }

    private static String compressOption() {
        return java.lang.Runtime.version().feature() >= 21 ? "--compress=zip-6" : "--compress=2";
    }

    /** Copies the closure of shared libraries that the runtime and busybox load, at their host paths. */
    private void copyHostLibraries(Path root, Path java) throws IOException, InterruptedException {
        List<String> binaries = new ArrayList<>();
        binaries.add(java.resolve("bin/java").toString());
        binaries.add(BUSYBOX.toString());
        try (Stream<Path> files = Files.walk(java.resolve("lib"))) {
            files.filter(p -> p.toString().endsWith(".so")).forEach(p -> binaries.add(p.toString()));
        }
        TreeSet<String> libraries = new TreeSet<>();
        for (String binary : binaries) {
            libraries.addAll(sharedLibraries(run(List.of("ldd", binary), true)));
        }
        for (String library : libraries) {
            if (library.startsWith(root.toString())) {
                continue;
            }
            Path target = root.resolve(library.substring(1));
            Files.createDirectories(target.getParent());
            Files.copy(Path.of(library).toRealPath(), target);
        }
    }

    /** Absolute library paths in ldd's output; static binaries and "not found" lines give none. */
    static List<String> sharedLibraries(String lddOutput) {
        List<String> paths = new ArrayList<>();
        for (String line : lddOutput.split("\n")) {
            Matcher m = LDD_PATH.matcher(line);
            if (m.find()) {
                paths.add(m.group(1));
            }
        }
        return paths;
    }

    private static void installBusybox(Path root) throws IOException, InterruptedException {
        Path bin = root.resolve("bin");
        Files.createDirectories(bin);
        Files.copy(BUSYBOX, bin.resolve("busybox"));
        for (String applet : run(List.of(BUSYBOX.toString(), "--list"), false).split("\n")) {
            Path link = bin.resolve(applet.strip());
            if (!applet.isBlank() && !Files.exists(link)) {
                Files.createSymbolicLink(link, Path.of("busybox"));
            }
        }
        for (String dir : List.of("usr/bin", "usr/sbin", "sbin", "app")) {
            Files.createDirectories(root.resolve(dir));
        }
    }

    private static void writeEtc(Path root) throws IOException {
        Path etc = root.resolve("etc");
        Files.createDirectories(etc);
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/tmp:/bin/sh\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\nnogroup:x:65534:\n");
        Files.writeString(etc.resolve("nsswitch.conf"), "hosts: files dns\n");
        for (String placeholder : List.of("hosts", "resolv.conf", "hostname")) {
            Files.writeString(etc.resolve(placeholder), "");
        }
        Path tmp = Files.createDirectories(root.resolve("tmp"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.createDirectories(root.resolve("root"));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        return run(command, false);
    }

    /** Runs a host tool; {@code tolerant} accepts a non-zero exit (ldd on a static binary). */
    private static String run(List<String> command, boolean tolerant) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command.get(0) + " did not finish within 120 s");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0 && !tolerant) {
            throw new IOException(command.get(0) + " failed: " + text.strip().lines().findFirst().orElse("exit " + process.exitValue()));
        }
        return text;
    }
}
