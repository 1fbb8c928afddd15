package io.cutcheck.harness.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.cutcheck.harness.runtime.docker.image.NodeImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a harness process leaves when it ends: nothing after SIGTERM (Ctrl-C), and nothing after SIGKILL once the next start cleans up. */
@Tag("docker")
@Timeout(120)
class CleanupIT {

    @TempDir
    static Path work;

    static Path probeJar;
    static NodeImage image;

    @BeforeAll
    static void image() throws IOException {
        probeJar = ProbeNodeJar.build(work.resolve("jar"));
        image = ProbeNodeJar.image(probeJar);
    }

    @Test
    void aHarnessStoppedBySigtermRemovesItsRunFromItsShutdownHook() throws Exception {
        Process harness = startHarness("term");
        String runId = awaitReady(harness);
        assertThat(objectsOf(runId)).isEqualTo(3); // two containers and the network

        harness.destroy();
        assertThat(harness.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(objectsOf(runId)).isZero();
    }

    @Test
    void aHarnessKilledBySigkillLeavesItsRunUntilTheNextStartCleansUp() throws Exception {
        Process harness = startHarness("kill");
        String runId = awaitReady(harness);

        harness.destroyForcibly();
        assertThat(harness.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(objectsOf(runId)).as("left behind by kill -9").isEqualTo(3);

        assertThat(DockerRuntime.cleanLeftovers()).isGreaterThanOrEqualTo(3);
        assertThat(objectsOf(runId)).isZero();
    }

    private Process startHarness(String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HarnessStandIn.class.getName(),
                image.tag(), probeJar.toString(), work.resolve(name).toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String awaitReady(Process harness) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(harness.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("ready ")) {
                return line.substring("ready ".length());
            }
        }
        harness.destroyForcibly();
        throw new AssertionError("the stand-in harness exited before it was ready (exit " + harness.exitValue() + ")");
    }

    private static int objectsOf(String runId) throws IOException {
        try (DockerClient docker = DockerConnection.open()) {
            return docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(RunLabels.RUN, runId)).exec().size()
                    + docker.listNetworksCmd().withFilter("label", List.of(RunLabels.RUN + "=" + runId)).exec().size();
        }
    }
}
