package io.cutcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutcheck.harness.nemesis.ComposedNemesis;
import io.cutcheck.nemesis.network.ToxiproxyEndpoint;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class NetworkRegistryTest {

    @Test
    void everyNetworkKindIsRegisteredWithItsHelpLine() {
        assertThat(Registry.NEMESES).containsKeys("partition", "partition-halves", "partition-one", "partition-bridge",
                "partition-ring", "partition-one-way", "latency", "bandwidth", "reset", "timeout", "slicer");
        assertThat(Registry.describe(Registry.NEMESES)).contains("partition-one-way", "200 ms");
    }

    @Test
    void networkKindsComposeWithProcessKindsIntoOneNemesis() {
        ComposedNemesis nemesis = Registry.nemesis(List.of("kill", "partition", "latency", "pause"),
                new ToxiproxyEndpoint.Embedded());
        assertThat(nemesis.kinds()).containsExactlyInAnyOrder("kill", "pause", "partition", "latency");
    }

    @Test
    void theToxiproxyOptionIsParsed() {
        TestCommand command = new TestCommand();
        new CommandLine(command).parseArgs("--nemesis", "partition,latency", "--toxiproxy", "http://127.0.0.1:8474");
        assertThat(command.toxiproxy).isEqualTo("http://127.0.0.1:8474");
        assertThat(command.spec().faults().kinds()).containsExactly("partition", "latency");
    }
}
