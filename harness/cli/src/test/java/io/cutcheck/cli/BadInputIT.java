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
            "test --nemesis ,                               | --nemesis has an empty entry",
            "test --nemesis kill,,pause                     | --nemesis has an empty entry",
            "test --nodes 1000000                           | --nodes must be at most 64",
            "test --time-limit 99999999999999999999         | --time-limit must be positive and at most 86400 s",
            "test --rate 0                                  | --rate must be from 1 to 1000000",
            "test --drain-timeout 0                         | --drain-timeout must be positive",
            "test --defect nosuch                           | the barrier system has no defect 'nosuch'",
            "test --option nosuch=1                         | the barrier system takes no option 'nosuch'",
            "test --option keys=3 --system marker           | the marker system takes no option 'keys'",
            "test --option batch                            | --option must be key=value",
            "test --system barrier --system-file x.json     | give --system or --system-file, not both",
            "test --system-file /no/such/system.json        | no such system descriptor",
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
