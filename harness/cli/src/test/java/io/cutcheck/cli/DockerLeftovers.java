package io.cutcheck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a harness process left in the Docker daemon, asked through the docker command line as a
 * user would: containers and networks carrying its owner-pid label.
 */
final class DockerLeftovers {

    private static final String OWNER_PID = "io.cutcheck.owner-pid";

    private DockerLeftovers() {}

    /** Ids of containers (running or not) and networks owned by harness process {@code pid}. */
    static List<String> of(long pid) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        ids.addAll(docker("ps", "-aq", "--filter", "label=" + OWNER_PID + "=" + pid));
        ids.addAll(docker("network", "ls", "-q", "--filter", "label=" + OWNER_PID + "=" + pid));
        return ids;
    }

    /** Removes them, for a test that failed before the harness could (never in the normal path). */
    static void remove(long pid) throws IOException, InterruptedException {
        List<String> containers = docker("ps", "-aq", "--filter", "label=" + OWNER_PID + "=" + pid);
        if (!containers.isEmpty()) {
            List<String> rm = new ArrayList<>(List.of("rm", "-f"));
            rm.addAll(containers);
            docker(rm.toArray(String[]::new));
        }
        for (String network : docker("network", "ls", "-q", "--filter", "label=" + OWNER_PID + "=" + pid)) {
            docker("network", "rm", network);
        }
    }

    private static List<String> docker(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("docker " + String.join(" ", args) + " failed: " + out.strip());
        }
        return out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
