package io.cutcheck.cli;

import io.cutcheck.harness.checker.Checker;
import io.cutcheck.harness.checker.GenericCheckers;
import io.cutcheck.harness.checker.ProgressChecker;
import io.cutcheck.harness.cleanup.RunFile;
import io.cutcheck.harness.nemesis.ComposedNemesis;
import io.cutcheck.harness.nemesis.Nemesis;
import io.cutcheck.harness.nemesis.NemesisKind;
import io.cutcheck.harness.runtime.Runtime;
import io.cutcheck.harness.runtime.docker.DockerRuntime;
import io.cutcheck.harness.runtime.docker.IptablesPartitionNemesis;
import io.cutcheck.harness.runtime.local.LocalRuntime;
import io.cutcheck.harness.services.SutJar;
import io.cutcheck.harness.spec.TestSpec;
import io.cutcheck.harness.system.DockerImage;
import io.cutcheck.harness.system.ShippedSystems;
import io.cutcheck.harness.system.SystemDescriptor;
import io.cutcheck.harness.system.SystemDefinition;
import io.cutcheck.harness.workload.Workload;
import io.cutcheck.nemesis.disk.DiskNemeses;
import io.cutcheck.nemesis.network.NetworkNemeses;
import io.cutcheck.nemesis.network.ToxiproxyEndpoint;
import io.cutcheck.nemesis.process.ProcessNemeses;
import io.cutcheck.workloads.bank.BankWorkload;
import io.cutcheck.workloads.stream.StreamWorkload;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Everything the command line can assemble, by the names users type: systems, workloads,
 * nemeses, runtimes and the generic checkers. Help texts are printed from here, so the docs
 * list exactly what the code knows.
 */
final class Registry {

    /** A named thing with one line of description and how to make it. */
    record Entry<T>(String name, String description, T make) {}

    static final Map<String, Entry<Supplier<Workload>>> WORKLOADS = byName(List.of(
            new Entry<>(StreamWorkload.NAME, "keyed records with per-key count and sum, exactly-once output",
                    StreamWorkload::new),
            new Entry<>(BankWorkload.NAME, "transfers between accounts of peers; money is conserved",
                    BankWorkload::new)));

    /** Every fault kind, family by family: a new kind is one entry in its family's list. */
    static final List<NemesisKind> NEMESIS_KINDS = Stream.of(ProcessNemeses.KINDS, NetworkNemeses.KINDS,
            DiskNemeses.KINDS, List.of(IptablesPartitionNemesis.ENTRY)).flatMap(List::stream).toList();

    static final Map<String, Entry<Supplier<Nemesis>>> NEMESES = byName(NEMESIS_KINDS.stream()
            .map(k -> new Entry<>(k.name(), k.description(), k.make())).toList());

    /** Fault kinds that work on one runtime only, checked before a run starts. */
    static final Map<String, String> NEMESIS_RUNTIME = NEMESIS_KINDS.stream().filter(k -> k.onlyRuntime() != null)
            .collect(Collectors.toMap(NemesisKind::name, NemesisKind::onlyRuntime));

    static final Map<String, Entry<Function<RunFile, Runtime>>> RUNTIMES = byName(List.of(
            new Entry<Function<RunFile, Runtime>>("local", "every node an OS process on this host",
                    LocalRuntime::new),
            new Entry<Function<RunFile, Runtime>>("docker", "every node a container, one network per run (needs a Docker daemon)",
                    runFile -> DockerRuntime.forRun(SutJar.locate()))));

    private Registry() {}

    /**
     * The system a spec runs: the user's descriptor ({@code --system-file}) or the shipped one of
     * that name, read by the same loader, its workload checked against the registry.
     */
    static SystemDefinition system(TestSpec spec) {
        return system(spec.system(), spec.systemFile() == null ? null : Path.of(spec.systemFile()));
    }

    /** The system named {@code name} (shipped) or described in {@code file} (when not null). */
    static SystemDefinition system(String name, Path file) {
        if (file != null && file.toString().isBlank()) {
            throw new IllegalArgumentException("--system-file is empty: give the descriptor's path");
        }
        SystemDefinition system = file != null ? SystemDescriptor.read(file) : ShippedSystems.read(name);
        if (!WORKLOADS.containsKey(system.workload())) {
            throw new IllegalArgumentException((file != null ? file : ShippedSystems.file(name))
                    + ": field 'workload' names no workload of this cutcheck: '" + system.workload() + "' (one of: "
                    + String.join(", ", WORKLOADS.keySet()) + ")");
        }
        return system;
    }

    /** A system that cannot run on {@code runtime} is refused before anything starts. */
    static void checkRuntime(SystemDefinition system, String runtime) {
        if (!runtime.equals("docker")) {
            return;
        }
        if (system.docker().isEmpty()) {
            throw new IllegalArgumentException("the " + system.name() + " system cannot run on --runtime docker:"
                    + " its descriptor has no 'docker' field");
        }
    }

    /**
     * On the local runtime the launch command's program must be on this host: otherwise the run
     * sets up its services and fails only at the first node. On Docker it runs in the image.
     *
     * @param descriptor the file the system was read from, named in the message; null for a
     *     system described in code
     */
    static void checkProgram(SystemDefinition system, Path descriptor, String runtime) {
        if (!runtime.equals("local")) {
            return;
        }
        system.missingProgram().ifPresent(problem -> {
            throw new IllegalArgumentException((descriptor != null ? descriptor + ": field 'command' "
                    : "the " + system.name() + " system's command ") + problem);
        });
    }

    /** "  name  description" lines of the shipped systems, for the help text. */
    static String describeSystems() {
        try {
            Map<String, Entry<Object>> shipped = new LinkedHashMap<>();
            for (String name : ShippedSystems.names()) {
                shipped.put(name, new Entry<>(name, ShippedSystems.read(name).description(), null));
            }
            return describe(shipped) + System.lineSeparator()
                    + "  (any other system: --system-file FILE, see systems-under-test/DESCRIPTOR.md)";
        } catch (RuntimeException e) {
            return "  (the shipped systems cannot be listed: " + e.getMessage() + ")";
        }
    }

    /**
     * The checkers that apply to every system, after the workload's own; the progress bound leaves
     * room for one checkpoint that times out and the next interval.
     */
    static List<Checker> genericCheckers(TestSpec spec) {
        long needed = spec.checkpoint().intervalMillis() + spec.checkpoint().timeoutMillis() + 10_000;
        return GenericCheckers.all(Duration.ofMillis(Math.max(ProgressChecker.DEFAULT_BOUND.toMillis(), needed)));
    }

    /**
     * The nemesis of a run: every network kind goes to one network nemesis on {@code toxiproxy}
     * (so the run has one proxy per link, whatever the mix), every other kind to its own.
     */
    static ComposedNemesis nemesis(List<String> kinds, ToxiproxyEndpoint toxiproxy) {
        List<String> atomic = atomicKinds(kinds);
        List<Nemesis> parts = new ArrayList<>();
        atomic.stream().filter(k -> !NetworkNemeses.isNetworkKind(k))
                .forEach(k -> parts.add(require(NEMESES, "nemesis", k).get()));
        NetworkNemeses.forKinds(atomic, toxiproxy).ifPresent(parts::add);
        return ComposedNemesis.of(parts);
    }

    /** Every kind a run's nemesis must handle: compound kinds {@code a+b} split into their parts, once each. */
    static List<String> atomicKinds(List<String> kinds) {
        return kinds.stream().flatMap(k -> ComposedNemesis.parts(k).stream()).distinct().toList();
    }

    /**
     * Checks one {@code --nemesis} entry: a known kind, or a compound {@code a+b} of distinct known
     * kinds that may run together on {@code runtime}.
     */
    static void checkKind(String kind, String runtime) {
        List<String> parts = ComposedNemesis.parts(kind);
        for (String part : parts) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("empty part in nemesis '" + kind + "' (write faults at once as a+b)");
            }
            require(NEMESES, "nemesis", part);
            checkNemesisRuntime(part, runtime);
        }
        if (parts.stream().distinct().count() < parts.size()) {
            throw new IllegalArgumentException("nemesis '" + kind + "' names the same fault twice");
        }
    }

    /**
     * The nemesis kinds by family, as the self-check runs the correct systems: every kind that
     * works on {@code runtime}, except the partition shapes that {@code partition} draws among.
     */
    static Map<String, List<String>> nemesisFamilies(String runtime) {
        Map<String, List<String>> families = new LinkedHashMap<>();
        NEMESIS_KINDS.stream()
                .filter(k -> k.onlyRuntime() == null || k.onlyRuntime().equals(runtime))
                .filter(k -> !k.name().startsWith("partition-"))
                .forEach(k -> families.computeIfAbsent(k.family(), f -> new ArrayList<>()).add(k.name()));
        families.replaceAll((family, kinds) -> kinds.stream().sorted().toList());
        return families;
    }

    /**
     * Makes the runtime ready before a run starts, so that what it lacks is one line before
     * anything starts: for Docker, a daemon that answers and the node image (built on first use,
     * with its progress printed).
     */
    static void prepareRuntime(String runtime, SystemDefinition system) throws IOException {
        if (runtime.equals("docker")) {
            checkRuntime(system, runtime);
            DockerRuntime.prepare(system.docker().orElseThrow());
        }
    }

    /** The runtime a run of {@code system} starts: on Docker, in the image its descriptor names. */
    static Function<RunFile, Runtime> runtime(String runtime, SystemDefinition system) {
        if (runtime.equals("docker")) {
            checkRuntime(system, runtime);
            DockerImage image = system.docker().orElseThrow();
            return runFile -> DockerRuntime.forRun(image);
        }
        return require(RUNTIMES, "runtime", runtime);
    }

    /** A fault kind that works on another runtime only is refused before anything starts. */
    static void checkNemesisRuntime(String kind, String runtime) {
        String needed = NEMESIS_RUNTIME.get(kind);
        if (needed != null && !needed.equals(runtime)) {
            throw new IllegalArgumentException("nemesis '" + kind + "' works only with --runtime " + needed
                    + ", not '" + runtime + "'");
        }
    }

    static <T> T require(Map<String, Entry<T>> registry, String what, String name) {
        Entry<T> entry = registry.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("unknown " + what + " '" + name + "' (one of: "
                    + String.join(", ", registry.keySet()) + ")");
        }
        return entry.make();
    }

    /** Width of the help text; picocli's own default. */
    private static final int HELP_COLUMNS = 80;

    /**
     * "  name  description" lines for a help text, descriptions wrapped under themselves, so
     * that no line is longer than the help and picocli has nothing to re-wrap.
     */
    static String describe(Map<String, ? extends Entry<?>> registry) {
        int width = Math.max(9, registry.keySet().stream().mapToInt(String::length).max().orElse(0));
        String indent = " ".repeat(width + 3);
        return registry.values().stream()
                .map(e -> String.format("  %-" + width + "s %s", e.name(),
                        String.join("%n" + indent, wrap(e.description(), HELP_COLUMNS - indent.length()))))
                .collect(Collectors.joining("%n"));
    }

    private static List<String> wrap(String text, int columns) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > columns) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static <T> Map<String, Entry<T>> byName(List<Entry<T>> entries) {
        Map<String, Entry<T>> map = new LinkedHashMap<>();
        new TreeMap<String, Entry<T>>(entries.stream().collect(Collectors.toMap(Entry::name, e -> e)))
                .forEach(map::put);
        return java.util.Collections.unmodifiableMap(map);
    }
}
