package io.cutcheck.nemesis.disk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountTableTest {

  @Test
  void findsOnlyOurFuseMountsWithTheirOwner() {
    List<MountTable.Entry> entries = MountTable.parse(List.of(
        "/dev/vda1 / ext4 rw,relatime 0 0",
        "cutcheck-faultfs:4242:node-1 /tmp/run\\040one/data fuse.cutcheck-faultfs rw,nosuid 0 0",
        "fusefs123 /mnt/other fuse.fusefs123 rw 0 0",
        "cutcheck-faultfs:garbage /tmp/x fuse rw 0 0"));

    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).mountpoint()).isEqualTo(Path.of("/tmp/run one/data"));
    assertThat(entries.get(0).owner()).hasValue(4242);
    assertThat(entries.get(1).owner()).isEmpty();
    assertThat(entries.get(1).ownerAlive()).isFalse();
  }

  @Test
  void fsNameCarriesOwnerAndASafeTag() {
    assertThat(MountTable.fsName(17, "node 1,x")).isEqualTo("cutcheck-faultfs:17:node_1_x");
  }
}
