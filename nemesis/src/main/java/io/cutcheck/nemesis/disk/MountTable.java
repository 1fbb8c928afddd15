package io.cutcheck.nemesis.disk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Our mounts as /proc/mounts lists them. Each fault file system is mounted with the file-system
 * name {@code cutcheck-faultfs:<pid>:<tag>}, where pid is the process that asked for the mount, so
 * a later run can tell its own live mounts from those a killed run left behind.
 */
final class MountTable {
  static final String MARKER = "cutcheck-faultfs";
  private static final Path PROC_MOUNTS = Path.of("/proc/mounts");

  /** One of our mounts. {@code owner} is empty when the name carries no readable pid. */
  record Entry(String source, Path mountpoint, OptionalLong owner) {
    boolean ownerAlive() {
      return owner.isPresent() && ProcessHandle.of(owner.getAsLong()).map(ProcessHandle::isAlive).orElse(false);
    }
  }

  private MountTable() {}

  static String fsName(long ownerPid, String tag) {
    return MARKER + ":" + ownerPid + ":" + tag.replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  static List<Entry> ours() throws IOException {
    return parse(Files.readAllLines(PROC_MOUNTS));
  }

  static Optional<Entry> at(Path mountpoint) throws IOException {
    Path wanted = mountpoint.toAbsolutePath().normalize();
    return ours().stream().filter(e -> e.mountpoint().equals(wanted)).findFirst();
  }

  static List<Entry> parse(List<String> lines) {
    List<Entry> entries = new ArrayList<>();
    for (String line : lines) {
      String[] fields = line.split(" ");
      if (fields.length < 3 || !fields[2].startsWith("fuse") || !fields[0].startsWith(MARKER + ":")) {
        continue;
      }
      String[] parts = fields[0].split(":", 3);
      OptionalLong owner = OptionalLong.empty();
      try {
        owner = OptionalLong.of(Long.parseLong(parts[1]));
      } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
        // a name we did not write: no owner to check
      }
      entries.add(new Entry(fields[0], Path.of(unescape(fields[1])), owner));
    }
    return entries;
  }

  /** /proc/mounts writes space, tab, newline and backslash as octal escapes such as {@code \040}. */
  static String unescape(String field) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
