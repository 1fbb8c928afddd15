package io.cutcheck.harness.runtime.docker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a launch command written for this host into the command the container runs. The node
 * jar inside the image replaces its host path, {@code java} is the image's runtime, and a small
 * shell wrapper appends the node's output to its log file in the store, which the container
 * sees at the same path as the host (it is bind-mounted in place).
 */
final class ContainerCommand {

    static final String LOG_ENV = "CUTCHECK_NODE_LOG";

    /**
     * Marks each start in the log as the local runtime does, then replaces the shell by the node
     * (which so stays the container's first process and gets the SIGKILL). {@code $0} is the node.
     */
    private static final String WRAPPER = "echo \"=== cutcheck: starting $0 at $(date -u +%Y-%m-%dT%H:%M:%SZ) (container)\" >>\"$"
            + LOG_ENV + "\"; exec \"$@\" >>\"$" + LOG_ENV + "\" 2>&1";

    private ContainerCommand() {}

    /**
     * @param node the node's name, shown in the log's start lines
     * @param launch the SUT launch command, e.g. {@code java -jar /repo/.../cutcheck-sut.jar}
     * @param hostJar the node jar the image was built from, or null for a user's image
     * @param jarInImage where the image holds it
     * @param configFile the node-config file, appended as {@code --node-config}
     */
    static List<String> of(String node, List<String> launch, Path hostJar, String jarInImage, Path configFile) {
        if (launch.isEmpty()) {
            throw new IllegalArgumentException("the launch command is empty");
        }
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", WRAPPER, node));
        // a user's image runs the command as written; the reference jar's image has its own java and jar
        Path jar = hostJar == null ? null : hostJar.toAbsolutePath().normalize();
        for (int i = 0; i < launch.size(); i++) {
            String arg = launch.get(i);
            if (jar == null) {
                command.add(arg);
            } else if (i == 0 && Path.of(arg).getFileName().toString().equals("java")) {
                command.add("java");
            } else if (!arg.startsWith("-") && Path.of(arg).toAbsolutePath().normalize().equals(jar)) {
                command.add(jarInImage);
            } else {
                command.add(arg);
            }
        }
        command.add("--node-config");
        command.add(configFile.toString());
        return List.copyOf(command);
    }
}
