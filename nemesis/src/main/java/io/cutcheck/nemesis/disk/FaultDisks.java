package io.cutcheck.nemesis.disk;

import io.cutcheck.harness.nemesis.FixtureSite;
import io.cutcheck.harness.store.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fault disks of one run: one fault file system per node, mounted over the node's data
 * directory before the node starts, its backing directory (what is durable) in the store under
 * {@code fixture/disks/<node>}. Every disk nemesis of a run shares them: each holds a
 * {@link DiskLease} (its fixture), the first lease's data-directory question mounts, and the last
 * lease closed unmounts everything.
 *
 * <p>Rules are kept per node and per fault kind, and the file system gets their union, so a slow
 * disk and failing writes can be in force at once and each heals alone. Every helper process is
 * recorded in the run file (a later harness reaps it after a kill -9; the helper also unmounts
 * itself when the harness's pipe closes), and mounts that a killed run left are cleared when the
 * disks of the next run are made ({@link StaleMounts}). What each fault did is appended to
 * {@code fixture/disk-faults.jsonl}.
 *
 * <p>Docker: the mount is made on the host before the container starts; the runtime binds the
 * node directory recursively, so the container sees the live mount (made with {@code allow_other}
 * for a container user other than root). It stays mounted for the whole run: a crash is a command
 * to the helper, never a remount, so no mount propagation is needed.
 */
public final class FaultDisks {

    private static final Map<Path, FaultDisks> BY_SITE = new HashMap<>();

    private final FixtureSite site;
    private final Path journal;
    private final Map<String, FaultFsMount> mounts = new LinkedHashMap<>();
    private final Map<String, Map<String, List<DiskFault>>> rules = new HashMap<>();
    private int leases;

    private FaultDisks(FixtureSite site) {
        this.site = site;
        this.journal = site.dir().resolve("disk-faults.jsonl");
    }

    /** A lease on the disks of the run {@code site} belongs to, making them on first use. */
    public static DiskLease lease(FixtureSite site) throws IOException {
        synchronized (BY_SITE) {
            FaultDisks disks = BY_SITE.get(site.dir());
            if (disks == null) {
                StaleMounts.cleanup();
                Files.createDirectories(site.dir());
                disks = new FaultDisks(site);
                BY_SITE.put(site.dir(), disks);
            }
            disks.leases++;
            return new DiskLease(disks);
        }
    }

    /** Mounts the node's fault disk over {@code dataDir} (once per node) and returns the mount point. */
    synchronized Path mountOver(String node, Path dataDir) throws IOException {
        FaultFsMount existing = mounts.get(node);
        if (existing != null) {
            return existing.mountpoint();
        }
        Path backing = Files.createDirectories(site.dir().resolve("disks").resolve(node));
        FaultFsLaunch launch = FaultFsLaunch.of(backing, dataDir)
                .withMaxHeap("256m")
                .withAllowOther(!"local".equals(site.runtime().name()))
                .withLog(site.dir().resolve(node + ".faultfs.log"));
        FaultFsMount mount = FaultFsMount.mount(launch);
        mounts.put(node, mount);
        site.runFile().record(mount.helper(), mount.mountpoint().toString());
        return mount.mountpoint();
    }

    /** Puts {@code faults} in force on the node's disk for {@code kind}, beside the other kinds' rules. */
    synchronized void put(String node, String kind, List<DiskFault> faults, long seed) throws IOException {
        rules.computeIfAbsent(node, n -> new LinkedHashMap<>()).put(kind, List.copyOf(faults));
        push(node, seed);
    }

    /** Lifts the rules of {@code kind} from the node's disk. */
    synchronized void clear(String node, String kind) throws IOException {
        Map<String, List<DiskFault>> byKind = rules.get(node);
        if (byKind != null && byKind.remove(kind) != null) {
            push(node, 0);
        }
    }

    /** Lifts the rules of {@code kind} from every disk, trying all even when one fails. */
    synchronized void clearEverywhere(String kind) throws IOException {
        IOException first = null;
        for (String node : List.copyOf(rules.keySet())) {
            try {
                clear(node, kind);
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Power loss of the node's disk; kill the node first. */
    synchronized CrashReport crash(String node, Crash crash) throws IOException {
        return mount(node).crash(crash);
    }

    synchronized FsStatus status(String node) throws IOException {
        return mount(node).status();
    }

    synchronized Set<String> nodes() {
        return Set.copyOf(mounts.keySet());
    }

    /** Appends one line about a fault to {@code disk-faults.jsonl}; a failure to write it costs only the line. */
    synchronized void note(Map<String, Object> line) {
        try {
            Files.writeString(journal, Json.MAPPER.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("cutcheck: cannot write " + journal + ": " + e.getMessage());
        }
    }

    private void push(String node, long seed) throws IOException {
        List<DiskFault> all = new ArrayList<>();
        rules.getOrDefault(node, Map.of()).values().forEach(all::addAll);
        if (all.isEmpty()) {
            mount(node).clearFaults();
        } else {
            mount(node).setFaults(all, seed);
        }
    }

    private FaultFsMount mount(String node) {
        FaultFsMount mount = mounts.get(node);
        if (mount == null) {
            throw new IllegalArgumentException("node " + node + " has no fault disk");
        }
        return mount;
    }

    /** Ends one lease; the last one unmounts every disk (all are tried) and forgets the run. */
    void release() {
        synchronized (BY_SITE) {
            if (--leases > 0) {
                return;
            }
            BY_SITE.remove(site.dir());
        }
        closeMounts();
    }

    private synchronized void closeMounts() {
        List<IOException> failures = new ArrayList<>();
        for (FaultFsMount mount : mounts.values()) {
            try {
                mount.close();
            } catch (IOException e) {
                failures.add(e);
            }
        }
        mounts.clear();
        if (!failures.isEmpty()) {
            IOException first = failures.get(0);
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw new UncheckedIOException("fault disks not all unmounted", first);
        }
    }
}
