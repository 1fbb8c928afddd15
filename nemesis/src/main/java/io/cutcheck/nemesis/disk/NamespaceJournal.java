package io.cutcheck.nemesis.disk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The directory-entry changes not yet durable, oldest first. Like the metadata journal of a
 * journaling file system it becomes durable in order: fsync of a directory makes durable every
 * change up to and including the last one that edited that directory. A crash keeps a prefix
 * (empty unless torn) and undoes the rest, newest first.
 */
final class NamespaceJournal {
  private final List<NamespaceChange> pending = new ArrayList<>();

  void append(NamespaceChange change) {
    pending.add(change);
  }

  int size() {
    return pending.size();
  }

  /** Makes durable every change up to the last one that edited directory {@code inode}; returns how many. */
  int commitThrough(long inode, Backing backing) throws IOException {
    int last = -1;
    for (int i = 0; i < pending.size(); i++) {
      if (pending.get(i).directories().contains(inode)) {
        last = i;
      }
    }
    return commitFirst(last + 1, backing);
  }

  int commitAll(Backing backing) throws IOException {
    return commitFirst(pending.size(), backing);
  }

  /** Keeps the oldest {@code keep} changes as durable and undoes the others; returns how many were undone. */
  int crash(int keep, Backing backing) throws IOException {
    commitFirst(keep, backing);
    int undone = 0;
    for (int i = pending.size() - 1; i >= 0; i--) {
      pending.get(i).undo(backing);
      undone++;
    }
    pending.clear();
    return undone;
  }

  private int commitFirst(int count, Backing backing) throws IOException {
    List<NamespaceChange> done = pending.subList(0, count);
    for (NamespaceChange change : done) {
      change.commit(backing);
    }
    done.clear();
    return count;
  }
}
