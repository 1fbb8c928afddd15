package io.cutcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cutcheck.harness.run.Phase;
import io.cutcheck.harness.run.RunProgress;
import io.cutcheck.harness.schedule.FaultTarget;
import io.cutcheck.harness.spec.TestSpec;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TestCommandTest {

    static TestSpec parse(String... args) {
        TestCommand command = new TestCommand();
        new CommandLine(command).parseArgs(args);
        return command.spec();
    }

    @Test
    void flagsBecomeTheSpec() {
        TestSpec spec = parse("--system", "marker", "--nodes", "4", "--nemesis", "pause", "--targets", "all,one",
                "--time-limit", "12.5", "--seed", "42", "--rate", "300", "--checkpoint-interval", "250",
                "--checkpoint-every-records", "1000", "--defect", "no-channel-state", "--store", "/var/s");
        assertThat(spec.system()).isEqualTo("marker");
        assertThat(spec.workload()).isEqualTo("bank");
        assertThat(spec.nodes()).isEqualTo(4);
        assertThat(spec.faults().kinds()).containsExactly("pause");
        assertThat(spec.faults().targets()).containsExactly(FaultTarget.ALL, FaultTarget.ONE);
        assertThat(spec.timeLimitMillis()).isEqualTo(12_500);
        assertThat(spec.seed()).isEqualTo(42);
        assertThat(spec.ratePerSecond()).isEqualTo(300);
        assertThat(spec.checkpoint().intervalMillis()).isEqualTo(250);
        assertThat(spec.checkpoint().everyRecords()).isEqualTo(1000);
        assertThat(spec.defect()).isEqualTo("no-channel-state");
        assertThat(spec.storeDir()).isEqualTo("/var/s");
        assertThat(spec.name()).isEqualTo("marker-pause-no-channel-state");
    }

    @Test
    void defaultsAreTheBarrierSystemWithKillsAndPauses() {
        TestSpec spec = parse();
        assertThat(spec.system()).isEqualTo("barrier");
        assertThat(spec.workload()).isEqualTo("stream");
        assertThat(spec.nodes()).isEqualTo(2);
        assertThat(spec.faults().kinds()).containsExactly("kill", "pause");
        assertThat(spec.timeLimitMillis()).isEqualTo(30_000);
    }

    @Test
    void noneMeansNoFaults() {
        assertThat(parse("--nemesis", "none").faults().kinds()).isEmpty();
    }

    @Test
    void badValuesAreOneLineErrors() {
        assertThatThrownBy(() -> parse("--system", "flink")).hasMessageStartingWith("unknown system 'flink' (one of: barrier, marker;");
        assertThatThrownBy(() -> parse("--system", "marker", "--nodes", "2")).hasMessageContaining("--nodes >= 3");
        assertThatThrownBy(() -> parse("--fault-jitter", "1.5")).hasMessageContaining("jitter");
        assertThatThrownBy(() -> parse("--test-count", "0")).hasMessageContaining("--test-count");
    }

    @Test
    void progressLineSaysTimeLeftOpsCheckpointsAndFaults() {
        assertThat(ProgressLine.format(new RunProgress(Phase.RUN, 12_300, 40, 1, 2, 7, 1, 3)))
                .isEqualTo("run  13 s left | ops ok 40 fail 1 info 2 | checkpoints 7 | faults active 1 (3 so far)");
        assertThat(ProgressLine.format(new RunProgress(Phase.DRAIN, 0, 40, 1, 2, 9, 0, 5))).startsWith("drain ");
    }
}
