package io.cutcheck.nemesis.disk;

import java.io.IOException;
import java.util.Set;

/**
 * One directory-entry change that is already applied to the backing directory but not yet
 * durable. {@link #undo} puts the backing directory back as it was just before the change (the
 * journal undoes changes newest first, so the state it meets is the one the change left);
 * {@link #commit} forgets what undo would have needed.
 */
sealed interface NamespaceChange {

  /** Inode numbers of the directories whose entries the change edited. */
  Set<Long> directories();

  void undo(Backing backing) throws IOException;

  void commit(Backing backing) throws IOException;

  /** A file or directory was created at {@code path}. Undo deletes it with all it holds. */
  record Created(String path, long directory) implements NamespaceChange {
    public Set<Long> directories() {
      return Set.of(directory);
    }

    public void undo(Backing backing) throws IOException {
      backing.deleteTree(backing.resolve(path));
    }

    public void commit(Backing backing) {}
  }

  /**
   * {@code from} was renamed to {@code to}; what {@code to} named before, if anything, was
   * moved to the stash entry {@code replaced} so undo can bring it back.
   */
  record Renamed(String from, String to, String replaced, Set<Long> directories)
      implements NamespaceChange {
    public Renamed {
      directories = Set.copyOf(directories);
    }

    public void undo(Backing backing) throws IOException {
      backing.move(backing.resolve(to), backing.resolve(from));
      if (replaced != null) {
        backing.unstash(replaced, backing.resolve(to));
      }
    }

    public void commit(Backing backing) throws IOException {
      if (replaced != null) {
        backing.dropStashed(replaced);
      }
    }
  }

  /** {@code path} was unlinked or removed; its durable content waits in the stash entry {@code stashed}. */
  record Removed(String path, String stashed, long directory) implements NamespaceChange {
    public Set<Long> directories() {
      return Set.of(directory);
    }

    public void undo(Backing backing) throws IOException {
      backing.unstash(stashed, backing.resolve(path));
    }

    public void commit(Backing backing) throws IOException {
      backing.dropStashed(stashed);
    }
  }
}
