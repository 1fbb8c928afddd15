package io.cutcheck.harness.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerCommandTest {

    private static final Path JAR = Path.of("/repo/systems-under-test/target/cutcheck-sut.jar");
    private static final Path CONFIG = Path.of("/store/run/nodes/source-0/node-config.json");

    @Test
    void hostJavaAndHostJarBecomeTheImagesOwnAndTheConfigIsAppended() {
        List<String> command = ContainerCommand.of("source-0", 
                List.of("/usr/lib/jvm/java-17/bin/java", "-Xmx256m", "-jar", JAR.toString(), "--extra"), JAR, "/app/node.jar", CONFIG);

        assertThat(command.subList(4, command.size()))
                .containsExactly("java", "-Xmx256m", "-jar", "/app/node.jar", "--extra", "--node-config", CONFIG.toString());
    }

    @Test
    void theShellWrapperAppendsOutputToTheLogAndExecsTheNode() {
        List<String> command = ContainerCommand.of("source-0", List.of("java", "-jar", JAR.toString()), JAR, "/app/node.jar", CONFIG);

        assertThat(command.subList(0, 2)).containsExactly("/bin/sh", "-c");
        assertThat(command.get(3)).as("$0, named in the start line").isEqualTo("source-0");
        assertThat(command.get(2)).contains("exec \"$@\" >>\"$" + ContainerCommand.LOG_ENV + "\" 2>&1");
    }

    @Test
    void aRelativePathToTheJarIsRecognisedAndOtherPathsAreLeftAlone() {
        Path relative = Path.of("").toAbsolutePath().relativize(JAR);
        List<String> command = ContainerCommand.of("source-0", List.of("./run-node", relative.toString(), "/other.jar"), JAR, "/app/node.jar", CONFIG);

        assertThat(command.subList(4, 7)).containsExactly("./run-node", "/app/node.jar", "/other.jar");
    }

    @Test
    void anEmptyCommandIsRefused() {
        assertThatThrownBy(() -> ContainerCommand.of("source-0", List.of(), JAR, "/app/node.jar", CONFIG))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
