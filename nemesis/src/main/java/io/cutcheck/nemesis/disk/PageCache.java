package io.cutcheck.nemesis.disk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dirty files by path (as the mount shows it). Sorted, so a torn crash visits files in a
 * fixed order and the same seed keeps the same pages.
 */
final class PageCache {
  private final TreeMap<String, DirtyFile> files = new TreeMap<>();

  DirtyFile get(String path) {
    return files.get(path);
  }

  void put(String path, DirtyFile file) {
    files.put(path, file);
  }

  void remove(String path) {
    files.remove(path);
  }

  /** Forgets {@code path} and, if it is a directory, everything below it. */
  void removeTree(String path) {
    files.remove(path);
    files.subMap(path + "/", path + "0").clear();
  }

  /** Follows a rename of a file, or of a directory with all the dirty files below it. */
  void move(String from, String to) {
    removeTree(to);
    List<Map.Entry<String, DirtyFile>> moved = new ArrayList<>();
    DirtyFile self = files.remove(from);
    if (self != null) {
      moved.add(Map.entry(to, self));
    }
    var below = files.subMap(from + "/", from + "0");
    for (Map.Entry<String, DirtyFile> e : below.entrySet()) {
      moved.add(Map.entry(to + e.getKey().substring(from.length()), e.getValue()));
    }
    below.clear();
    for (Map.Entry<String, DirtyFile> e : moved) {
      files.put(e.getKey(), e.getValue());
    }
  }

  Map<String, DirtyFile> all() {
    return files;
  }

  int fileCount() {
    return files.size();
  }

  long pageCount() {
    return files.values().stream().mapToLong(DirtyFile::pageCount).sum();
  }

  void clear() {
    files.clear();
  }
}
