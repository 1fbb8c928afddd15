package io.cutcheck.nemesis.disk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Fails (never skips) the FUSE integration tests with one clear line when FUSE is not usable here. */
final class FuseRequirement {
  private FuseRequirement() {}

  static void check() {
    List<String> missing = new ArrayList<>();
    if (!Files.exists(Path.of("/dev/fuse"))) {
      missing.add("/dev/fuse (containers: --device /dev/fuse --cap-add SYS_ADMIN)");
    }
    if (!onPath("fusermount") && !onPath("fusermount3")) {
      missing.add("fusermount (Debian package fuse3)");
    }
    if (!Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libfuse.so.2"))
        && !Files.exists(Path.of("/usr/lib/aarch64-linux-gnu/libfuse.so.2"))
        && !Files.exists(Path.of("/lib/x86_64-linux-gnu/libfuse.so.2"))) {
      missing.add("libfuse.so.2 (Debian package libfuse2)");
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("FUSE is not usable, missing: " + String.join(", ", missing)
          + ". Run: source nemesis/scripts/need-fuse.sh && need_fuse");
    }
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }
}
