package io.cutcheck.cli.conform;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutcheck.harness.cleanup.RunFile;
import io.cutcheck.harness.system.NodeSlot;
import io.cutcheck.harness.system.SystemDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Section 1's bad node-config files, handed to small shell "nodes". */
class ConformNodeConfigChecksTest {

    @TempDir
    Path dir;

    NodeConfigChecks checks(String script, long waitSeconds) {
        SystemDefinition system = new SystemDefinition("double", "", "stream", 1, 1, List.of("sh", "-c", script, "sh"),
                (w, p) -> List.of(), "coordinator", 0, true, Optional.empty(), Map.of(), Map.of(), Optional.empty());
        return new NodeConfigChecks(system, List.of(new NodeSlot("coordinator", "coordinator", 0)),
                dir.resolve("bad"), RunFile.create(dir.resolve("run")), waitSeconds);
    }

    @Test
    void aNodeThatPrintsOneLineAndExitsTwoPasses() throws Exception {
        NodeConfigChecks checks = checks("echo \"cannot use $2\" >&2; exit 2", 10);
        Outcome notJson = checks.notJson();
        assertThat(notJson.verdict()).as(notJson.toString()).isEqualTo(Verdict.PASS);
        assertThat(notJson.note()).startsWith("exit 2 after").contains("cannot use");
        assertThat(checks.missingField().verdict()).isEqualTo(Verdict.PASS);
        String written = Files.readString(dir.resolve("bad/missing-field/node-config.json"));
        assertThat(NodeDouble.JSON.readTree(written).has("controlPort")).isFalse();
        assertThat(NodeDouble.JSON.readTree(written).path("nodes").path("coordinator").has("controlPort")).isTrue();
        assertThat(written).contains("\"node\" : \"coordinator\"", "\"dataDir\"");
        assertThat(Files.readString(dir.resolve("bad/not-json/node-config.json"))).startsWith("this is not JSON");
    }

    @Test
    void anotherExitStatusOrTwoLinesFail() throws Exception {
        Outcome one = checks("echo bad >&2; exit 1", 10).notJson();
        assertThat(one.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(one.note()).isEqualTo("exit status 1, not 2");
        assertThat(one.evidence()).singleElement().asString().contains("--node-config", "→ exit 1", "stderr: bad");
        Outcome two = checks("echo bad >&2; echo worse >&2; exit 2", 10).missingField();
        assertThat(two.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(two.note()).isEqualTo("2 lines on stderr, not one");
    }

    @Test
    void protocolTwoAndAnUnknownRoleMustBothBeRefused() throws Exception {
        assertThat(checks("echo \"cannot use $2\" >&2; exit 2", 10).unknownValues().verdict()).isEqualTo(Verdict.PASS);
        String role = Files.readString(dir.resolve("bad/unknown-role/node-config.json"));
        assertThat(NodeDouble.JSON.readTree(role).path("role").asText()).isEqualTo("cutcheck-no-such-role");
        assertThat(NodeDouble.JSON.readTree(role).path("nodes").path("coordinator").path("role").asText())
                .isEqualTo("cutcheck-no-such-role");
        // a node that takes any protocol version
        Outcome lax = checks("grep -q '\"protocol\" : 2' \"$2\" && sleep 30; echo bad >&2; exit 2", 1).unknownValues();
        assertThat(lax.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(lax.note()).isEqualTo("still running after 1 s (killed)");
        assertThat(lax.evidence()).singleElement().asString().contains("a file with protocol 2");
    }

    @Test
    void aNodeThatKeepsRunningFailsAndIsKilled() throws Exception {
        NodeConfigChecks checks = checks("sleep 30", 1);
        long start = System.nanoTime();
        Outcome o = checks.notJson();
        assertThat(o.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(o.note()).isEqualTo("still running after 1 s (killed)");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
        assertThat(Files.readString(dir.resolve("run").resolve(ProcessHandle.current().pid() + ".pids")))
                .contains("not-json/node-config.json");
    }
}
