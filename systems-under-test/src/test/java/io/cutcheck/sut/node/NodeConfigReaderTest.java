package io.cutcheck.sut.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NodeConfigReaderTest {
    private static final String VALID = """
            {"protocol":1,"system":"barrier","node":"operator-1","role":"operator","index":1,
             "bindHost":"127.0.0.1","controlPort":41002,"dataPort":41003,"dataDir":"/tmp/x",
             "inputLog":"http://127.0.0.1:1","outputStore":"http://127.0.0.1:2",
             "nodes":{"operator-1":{"role":"operator","index":1,"host":"127.0.0.1","controlPort":41002,"dataPort":41003},
                      "coordinator":{"role":"coordinator","index":0,"host":"127.0.0.1","controlPort":41000,"dataPort":41001}},
             "checkpoint":{"intervalMs":500,"everyRecords":0,"timeoutMs":10000,"retain":2},
             "defect":"no-barrier-alignment","options":{"snapshotDelayMs":5},"future":"ignored"}""";

    @Test
    void readsEveryFieldAndIgnoresUnknownOnes() {
        NodeConfig c = NodeConfigReader.parse(VALID);
        assertThat(c.node()).isEqualTo("operator-1");
        assertThat(c.nodes()).containsOnlyKeys("coordinator", "operator-1");
        assertThat(c.peers("coordinator")).extracting(e -> e.getValue().dataPort()).containsExactly(41001);
        assertThat(c.checkpoint()).isEqualTo(new CheckpointSettings(500, 0, 10_000, 2));
        assertThat(c.defect()).contains("no-barrier-alignment");
        assertThat(c.longOption("snapshotDelayMs", 0)).isEqualTo(5);
        assertThat(c.longOption("absent", 9)).isEqualTo(9);
    }

    @Test
    void refusesBadFilesWithOneLine() {
        assertThatThrownBy(() -> NodeConfigReader.parse("{")).isInstanceOf(BadConfigException.class)
                .hasMessageStartingWith("node config is not JSON").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> NodeConfigReader.parse(VALID.replace("\"protocol\":1", "\"protocol\":2")))
                .hasMessageContaining("unsupported protocol 2");
        assertThatThrownBy(() -> NodeConfigReader.parse(VALID.replace("\"node\":\"operator-1\"", "\"node\":\"ghost\"")))
                .hasMessageContaining("nodes does not list this node");
        assertThatThrownBy(() -> NodeConfigReader.parse(VALID.replace("\"retain\":2", "\"retain\":0")))
                .hasMessageContaining("retain");
    }
}
