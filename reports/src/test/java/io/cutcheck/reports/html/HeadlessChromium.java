package io.cutcheck.reports.html;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Opens a page in the Debian {@code chromium} in headless mode, each time with a fresh profile
 * and no network services, and hands back what it printed: the DOM after the page's scripts ran
 * ({@code --dump-dom}) and the browser's log, in which every console message of the page appears
 * as an {@code INFO:CONSOLE} line.
 */
final class HeadlessChromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 90;

    /** What one run printed. */
    record Output(String stdout, String stderr) {
        /** The page's console messages (errors, uncaught exceptions, warnings, logs). */
        List<String> consoleMessages() {
            return stderr.lines().filter(line -> line.contains(":CONSOLE")).toList();
        }
    }

    private HeadlessChromium() {}

    static void requireInstalled() {
        if (!Files.isExecutable(BINARY)) {
            fail(BINARY + " is missing: install the Debian package chromium (apt-get install chromium)"
                    + " to run the report rendering test");
        }
    }

    static Output dumpDom(String url) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", url));
    }

    static Output screenshot(String url, Path png, int width, int height) throws IOException, InterruptedException {
        return run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars", url));
    }

    private static Output run(List<String> action) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("cutcheck-chromium-");
        Path out = Files.createTempFile("cutcheck-chromium-", ".out");
        Path err = Files.createTempFile("cutcheck-chromium-", ".err");
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                "--virtual-time-budget=3000"));
        command.addAll(action);
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                fail("chromium did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Output(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
