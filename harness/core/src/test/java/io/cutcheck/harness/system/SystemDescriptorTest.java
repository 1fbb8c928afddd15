package io.cutcheck.harness.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemDescriptorTest {

    @TempDir
    Path dir;

    private static final String MINIMAL = """
            {"descriptor": 1, "name": "tiny", "workload": "stream", "command": ["python3", "./node.py", "-v"],
             "nodes": [{"role": "coordinator", "count": 1, "name": "coordinator"},
                       {"role": "worker", "count": "workers"}, {"role": "reader", "count": "partitions"}],
             "workers": {"min": 1, "default": 2}, "committer": {"role": "coordinator"}}
            """;

    private Path write(String json) throws IOException {
        Path file = dir.resolve("sys").resolve("system.json");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, json);
    }

    private void refused(String json, String message) throws IOException {
        Path file = write(json);
        assertThatThrownBy(() -> SystemDescriptor.read(file)).isInstanceOf(SystemDescriptor.Invalid.class)
                .hasMessageStartingWith(file + ": ").hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aMinimalDescriptorLaysOutItsRolesAndResolvesPathsNextToIt() throws IOException {
        SystemDefinition system = SystemDescriptor.read(write(MINIMAL));
        assertThat(system.name()).isEqualTo("tiny");
        assertThat(system.command()).containsExactly("python3", dir.resolve("sys/node.py").toString(), "-v");
        assertThat(system.minWorkers()).isEqualTo(1);
        assertThat(system.defaultWorkers()).isEqualTo(2);
        assertThat(system.nodes(2, 3)).extracting(NodeSlot::node)
                .containsExactly("coordinator", "worker-0", "worker-1", "reader-0", "reader-1", "reader-2");
        assertThat(system.committer(system.nodes(2, 3))).isEqualTo("coordinator");
        assertThat(system.finalStatePath()).isEmpty();
        assertThat(system.defects()).isEmpty();
        assertThat(system.docker()).isEmpty();
    }

    @Test
    void theShippedBarrierDescriptorHasTheReferenceLayout() {
        SystemDefinition barrier = SystemDescriptor.read(Path.of("../../systems-under-test/systems/barrier.json"));
        assertThat(barrier.nodes(2, 2)).containsExactly(new NodeSlot("coordinator", "coordinator", 0),
                new NodeSlot("source-0", "source", 0), new NodeSlot("source-1", "source", 1),
                new NodeSlot("operator-0", "operator", 0), new NodeSlot("operator-1", "operator", 1),
                new NodeSlot("sink-0", "sink", 0));
        assertThat(barrier.command()).last().asString().endsWith("systems-under-test/target/cutcheck-sut.jar")
                .doesNotContain("..");
        assertThat(barrier.defects()).containsKey("no-barrier-alignment");
        assertThat(barrier.docker()).map(DockerImage::nodeJar).get().isEqualTo(Optional.of(Path.of(barrier.command()
                .get(barrier.command().size() - 1))));
        SystemDefinition marker = SystemDescriptor.read(Path.of("../../systems-under-test/systems/marker.json"));
        assertThat(marker.nodes(3, 3)).extracting(NodeSlot::node).containsExactly("peer-0", "peer-1", "peer-2");
        assertThat(marker.finalStatePath()).contains("/balances");
    }

    @Test
    void defectsAndOptionsAreCheckedAgainstTheDeclaration() throws IOException {
        SystemDefinition system = SystemDescriptor.read(write(MINIMAL.replace("\"workers\": {",
                "\"defects\": [{\"name\": \"recommit\", \"description\": \"d\"}],"
                        + " \"options\": [{\"name\": \"flush\"}], \"workers\": {")));
        system.requireDefect("recommit");
        system.requireDefect(null);
        system.requireOptions(List.of("flush"));
        assertThatThrownBy(() -> system.requireDefect("nosuch")).hasMessage("the tiny system has no defect 'nosuch' (one of: recommit)");
        assertThatThrownBy(() -> system.requireOptions(List.of("fast"))).hasMessage("the tiny system takes no option 'fast' (its options: flush)");
    }

    @Test
    void badDescriptorsAreOneLineNamingTheField() throws IOException {
        refused("{\"descriptor\": 1,", "not JSON");
        refused("[1]", "a system descriptor is a JSON object");
        refused(MINIMAL.replace("\"descriptor\": 1", "\"descriptor\": 2"), "field 'descriptor' must be 1");
        refused(MINIMAL.replace("\"name\": \"tiny\"", "\"name\": \"tiny\", \"colour\": 3"), "field 'colour' unknown field");
        refused(MINIMAL.replace("\"name\": \"tiny\"", "\"name\": \"a b\""), "field 'name' must be letters");
        refused(MINIMAL.replace("\"workload\": \"stream\", ", ""), "field 'workload' is required");
        refused(MINIMAL.replace("[\"python3\", \"./node.py\", \"-v\"]", "[]"), "field 'command' must be a non-empty list");
        refused(MINIMAL.replace("\"count\": \"workers\"", "\"count\": \"many\""), "field 'nodes[1].count' must be a number");
        refused(MINIMAL.replace("\"count\": \"workers\"}", "\"count\": \"workers\", \"name\": \"w\"}"),
                "field 'nodes[1].name' needs {index}");
        refused(MINIMAL.replace("\"role\": \"reader\"", "\"role\": \"worker\""), "field 'nodes[2].role' role 'worker' is listed twice");
        refused(MINIMAL.replace("\"min\": 1", "\"min\": 3"), "field 'workers.default' must be at least workers.min");
        refused(MINIMAL.replace("{\"role\": \"coordinator\"}", "{\"role\": \"boss\"}"), "field 'committer.role' names no role");
        refused(MINIMAL.replace("\"workers\": {", "\"docker\": {\"image\": \"x\", \"jar\": \"./a.jar\"}, \"workers\": {"),
                "field 'docker' needs exactly one of");
        refused(MINIMAL.replace("\"workers\": {", "\"finalState\": \"balances\", \"workers\": {"),
                "field 'finalState' must be a path");
        refused(MINIMAL.replace("\"workers\": {", "\"defects\": [{\"name\": \"x\"}, {\"name\": \"x\"}], \"workers\": {"),
                "field 'defects[1].name' 'x' is listed twice");
    }

    @Test
    void aMissingFileIsOneLine() {
        assertThatThrownBy(() -> SystemDescriptor.read(dir.resolve("none.json"))).hasMessageEndingWith("no such system descriptor");
    }
}
