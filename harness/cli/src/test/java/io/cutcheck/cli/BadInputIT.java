package io.cutcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad flags or values: one line on standard error, exit 2, never a stack trace, nothing started. */
class BadInputIT {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "test --system nosuch --time-limit 5            | unknown system 'nosuch'",
            "test --nemesis kill,explode --time-limit 5     | unknown nemesis 'explode'",
            "test --time-limit -5                           | --time-limit must be positive",
            "test --runtime mars                            | unknown runtime 'mars'",
            "test --system barrier --nodes 1                | needs --nodes >= 2",
            "test --targets everyone                        | unknown fault target 'everyone'",
            "test --rate many                               | Invalid value for option '--rate'",
            "analyze /no/such/store/dir                     | no such store directory",
            "analyze                                        | Missing required parameter",
            "frobnicate                                     | Unmatched argument",
    })
    void oneLineErrorAndExitTwo(String args, String message) throws Exception {
        Cli cli = new Cli(dir.resolve("run"));
        Cli.Result result = cli.run(dir.resolve("out"), 60, args.trim().split("\\s+"));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).startsWith("cutcheck: ").contains(message).doesNotContain("\n");
        assertThat(result.err()).doesNotContain("Exception", "\tat ");
        assertThat(cli.recordedPids()).isEmpty();
    }
}
