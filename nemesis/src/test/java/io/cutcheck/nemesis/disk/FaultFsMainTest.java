package io.cutcheck.nemesis.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultFsMainTest {
  @TempDir Path dir;

  @Test
  void parsesAFullCommandLine() {
    var o = FaultFsMain.Options.parse(new String[] {"--backing", dir.toString(), "--mount", dir.toString(),
        "--control-port", "0", "--owner-pid", "12", "--tag", "n1", "--allow-other"});
    assertThat(o.ownerPid()).isEqualTo(12);
    assertThat(String.join(" ", o.fuseArguments()))
        .contains("fsname=cutcheck-faultfs:12:n1", "attr_timeout=0", "big_writes", "allow_other");
  }

  @Test
  void refusesBadInputWithOneLine() {
    assertThatThrownBy(() -> FaultFsMain.Options.parse(new String[] {"--backing", dir.toString()}))
        .hasMessageStartingWith("usage:");
    assertThatThrownBy(() -> FaultFsMain.Options.parse(new String[] {"--backing", dir.resolve("no").toString(),
        "--mount", dir.toString(), "--control-port", "0"})).hasMessageContaining("not a directory");
    assertThatThrownBy(() -> FaultFsMain.Options.parse(new String[] {"--control-port", "x"}))
        .hasMessageContaining("must be a number");
    assertThatThrownBy(() -> FaultFsMain.Options.parse(new String[] {"--bogus"}))
        .hasMessage("unknown option --bogus");
  }
}
