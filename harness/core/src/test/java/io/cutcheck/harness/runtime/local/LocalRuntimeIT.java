package io.cutcheck.harness.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutcheck.harness.cleanup.RunFile;
import io.cutcheck.harness.runtime.LaunchSpec;
import io.cutcheck.harness.runtime.Node;
import io.cutcheck.harness.runtime.NodeAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real OS processes: a shell that prints its arguments and sleeps stands in for a node. */
class LocalRuntimeIT {

    @TempDir
    Path dir;

    RunFile runFile;
    LocalRuntime runtime;

    @BeforeEach
    void open() {
        runFile = RunFile.create(dir.resolve("run"));
        runtime = new LocalRuntime(runFile);
    }

    @AfterEach
    void close() {
        runtime.close();
        runFile.close();
    }

    Node start(String name) throws IOException {
        NodeAddress address = runtime.reserve(name, "peer");
        List<String> command = List.of("bash", "-c", "echo started with \"$@\"; exec sleep 300", "node");
        return runtime.start(new LaunchSpec(address, "peer", command, "{\"node\":\"x\"}".getBytes(),
                dir.resolve("nodes").resolve(name)));
    }

    static char state(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
    }

    static void awaitState(long pid, char expected) throws Exception {
        for (int i = 0; i < 50 && state(pid) != expected; i++) {
            Thread.sleep(20);
        }
        assertThat(state(pid)).isEqualTo(expected);
    }

    @Test
    void startsKillsPausesResumesAndRestartsProcesses() throws Exception {
        Node a = start("peer-0");
        Node b = start("peer-1");
        assertThat(a.controlUri().getPort()).isNotEqualTo(b.controlUri().getPort());
        long pid = runtime.pids().get(0);
        assertThat(a.isAlive()).isTrue();
        assertThat(Files.readString(dir.resolve("nodes/peer-0/node-config.json"))).contains("\"node\"");
        assertThat(Files.isDirectory(dir.resolve("nodes/peer-0/data"))).isTrue();

        ((LocalNode) a).pause();
        awaitState(pid, 'T');
        ((LocalNode) a).resume();
        awaitState(pid, 'S');

        a.kill();
        assertThat(a.isAlive()).isFalse();
        assertThat(ProcessHandle.of(pid)).isEmpty();
        a.restart();
        assertThat(a.isAlive()).isTrue();
        assertThat(runtime.pids().get(0)).isNotEqualTo(pid);

        Thread.sleep(300);
        assertThat(Files.readString(a.logFile())).contains("--node-config " + dir.resolve("nodes/peer-0/node-config.json"))
                .containsPattern("(?s)starting peer-0.*starting peer-0");
        assertThat(a.logFile()).isEqualTo(dir.resolve("nodes/peer-0.log"));
        assertThat(Files.readAllLines(runFile.path())).hasSize(3);

        List<Long> pids = runtime.pids();
        ((LocalNode) b).pause();
        runtime.close();
        assertThat(pids).allSatisfy(p -> assertThat(ProcessHandle.of(p)).isEmpty());
    }
}
