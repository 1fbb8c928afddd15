package io.cutcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelpIT {

    @TempDir
    Path dir;

    @Test
    void helpListsTheCommandsAndTheRegistry() throws Exception {
        Cli cli = new Cli(dir.resolve("run"));
        Cli.Result top = cli.run(dir.resolve("top"), 60, "--help");
        assertThat(top.exitCode()).isZero();
        assertThat(top.out()).contains("test", "demo", "analyze", "defects", "Exit codes");
        Cli.Result test = cli.run(dir.resolve("test"), 60, "test", "--help");
        assertThat(test.out()).contains("barrier", "marker", "kill", "pause", "local", "--time-limit", "--seed");
    }

    @Test
    void defectsComeFromTheSutJar() throws Exception {
        Cli.Result defects = new Cli(dir.resolve("run")).run(dir.resolve("defects"), 60, "defects");
        assertThat(defects.exitCode()).isZero();
        assertThat(defects.out()).contains("marker\t");
        // the shipped descriptors declare exactly what the reference jar implements
        for (String system : List.of("barrier", "marker")) {
            List<String> implemented = defects.out().lines().map(l -> l.split("\t"))
                    .filter(f -> f[0].equals(system)).map(f -> f[1]).toList();
            assertThat(Registry.system(system, null).defects().keySet()).containsExactlyElementsOf(implemented);
        }
    }
}
