package io.cutcheck.harness.nemesis;

import io.cutcheck.harness.cleanup.RunFile;
import io.cutcheck.harness.runtime.Runtime;
import java.nio.file.Path;

/**
 * Where a nemesis builds its fixture: the runtime the nodes will run in (for the hosts at which
 * nodes reach the harness), the run file (to record helper processes, so a later harness can
 * reap them after a kill -9), and a directory of the store for the fixture's own files.
 */
public record FixtureSite(Runtime runtime, RunFile runFile, Path dir) {}
