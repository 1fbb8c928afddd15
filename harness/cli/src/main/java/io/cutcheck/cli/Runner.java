package io.cutcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.cleanup.RunFile;
import io.cutcheck.harness.nemesis.ComposedNemesis;
import io.cutcheck.harness.run.RunOutcome;
import io.cutcheck.harness.run.RunParts;
import io.cutcheck.harness.run.TestRun;
import io.cutcheck.harness.services.SutJar;
import io.cutcheck.harness.spec.TestSpec;
import io.cutcheck.harness.system.SystemDefinition;
import io.cutcheck.harness.workload.Workload;
import io.cutcheck.nemesis.network.ToxiproxyEndpoint;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/** Assembles runs from the registry, runs them one after another and prints each verdict. */
final class Runner {

    private static final int MAX_ANOMALIES_SHOWN = 10;

    private Runner() {}

    static int run(TestSpec first, int count, CommandLine cli) {
        return run(first, count, cli, new ToxiproxyEndpoint.Embedded());
    }

    /** Runs with network faults on {@code toxiproxy} (the embedded server, or a user's). */
    static int run(TestSpec first, int count, CommandLine cli, ToxiproxyEndpoint toxiproxy) {
        PrintWriter out = cli.getOut();
        Path sutJar = SutJar.locate();
        int worst = 0;
        for (int i = 0; i < count; i++) {
            TestSpec spec = first.withSeed(first.seed() + i);
            TestRun run = new TestRun(spec, parts(spec, sutJar, toxiproxy));
            out.printf("cutcheck: %s on %s, nemesis %s, %d s, seed %d%n", spec.system(), spec.runtime(),
                    spec.faults().kinds().isEmpty() ? "none" : String.join(",", spec.faults().kinds()),
                    spec.timeLimitMillis() / 1000, spec.seed());
            out.flush();
            RunOutcome outcome;
            try (ProgressLine progress = ProgressLine.start(run, cli.getErr())) {
                outcome = run.run();
            }
            print(outcome, RunPages.write(outcome, cli.getErr()), out);
            worst = Math.max(worst, rank(outcome.exitCode()));
        }
        return worst == 2 ? 1 : worst == 1 ? 2 : 0;
    }

    /** Orders exit codes by severity: invalid (1) is worse than unknown (2). */
    private static int rank(int exitCode) {
        return switch (exitCode) {
            case 0 -> 0;
            case 1 -> 2;
            default -> 1;
        };
    }

    /** The parts of a run whose network faults, if any, use the embedded Toxiproxy server. */
    static RunParts parts(TestSpec spec, Path sutJar) {
        return parts(spec, sutJar, new ToxiproxyEndpoint.Embedded());
    }

    static RunParts parts(TestSpec spec, Path sutJar, ToxiproxyEndpoint toxiproxy) {
        return parts(spec, Registry.system(spec), sutJar, toxiproxy);
    }

    static RunParts parts(TestSpec spec, SystemDefinition system, Path sutJar, ToxiproxyEndpoint toxiproxy) {
        Workload workload = Registry.require(Registry.WORKLOADS, "workload", spec.workload()).get();
        ComposedNemesis nemesis = Registry.nemesis(spec.faults().kinds(), toxiproxy);
        return new RunParts(system, workload, Registry.runtime(spec.runtime(), system), nemesis,
                Registry.genericCheckers(spec), sutJar, RunFile.defaultDirectory());
    }

    /** Prints the verdict and the figures of {@code results} (results.json, RESULTS.md). */
    static void print(RunOutcome outcome, JsonNode r, PrintWriter out) {
        String verdict = outcome.verdict() == Validity.VALID ? "valid"
                : outcome.verdict() == Validity.INVALID ? "invalid" : "unknown";
        out.println("verdict: " + verdict + (outcome.error() != null ? " (run cut short: " + outcome.error() + ")" : ""));
        if (r.has("checkpoints")) {
            JsonNode ops = r.path("operations");
            out.printf("checkpoints: %d committed, %d aborted; restores: %d; faults: %d; operations: %d; drained: %s%n",
                    r.path("checkpoints").path("committed").asLong(), r.path("checkpoints").path("aborted").asLong(),
                    r.path("restores").path("count").asLong(), r.path("faults").path("count").asLong(),
                    ops.path("ok").asLong() + ops.path("fail").asLong() + ops.path("info").asLong(),
                    r.path("drained").asBoolean());
        }
        printPartialJudgements(outcome, out);
        if (r.has("diagnosis")) {
            printDiagnosis(r.path("diagnosis"), out);
        } else {
            printAnomalies(r.path("anomalies"), out);
        }
        printTolerated(outcome, out);
        StringBuilder t = new StringBuilder();
        r.path("phases").fields().forEachRemaining(e -> {
            if (!e.getKey().equals("totalMs")) {
                t.append(String.format(" %s %.1f s,", e.getKey().replaceFirst("Ms$", ""), e.getValue().asLong() / 1000.0));
            }
        });
        if (t.length() > 0) {
            out.println("timings:" + t.substring(0, t.length() - 1));
        }
        if (outcome.storeDir() != null) {
            out.println("store: " + outcome.storeDir());
        }
        out.flush();
    }

    /**
     * One line per checker whose verdict rests on part of its evidence, so a "valid" judged on 3 of
     * 46 committed checkpoints never reads like one judged on all of them.
     */
    private static void printPartialJudgements(RunOutcome outcome, PrintWriter out) {
        if (outcome.checks() == null) {
            return;
        }
        outcome.checks().stream().filter(c -> c.coverage() != null && !c.coverage().complete())
                .forEach(c -> out.println("checker [" + c.checker() + "] " + c.verdictLine()));
    }

    /** What the store's reader skipped by design (a killed run's torn last line), so no line goes unmentioned. */
    private static void printTolerated(RunOutcome outcome, PrintWriter out) {
        if (outcome.checks() == null) {
            return;
        }
        outcome.checks().stream().filter(c -> c.checker().equals("evidence"))
                .map(c -> c.stats().get("tolerated")).filter(List.class::isInstance)
                .flatMap(notes -> ((List<?>) notes).stream())
                .forEach(note -> out.println("note [evidence] " + note));
    }

    /** One line per group of anomalies, cause first, then when the evidence first existed. */
    private static void printDiagnosis(JsonNode diagnosis, PrintWriter out) {
        JsonNode groups = diagnosis.path("groups");
        int shown = 0;
        for (JsonNode g : groups) {
            if (shown++ == MAX_ANOMALIES_SHOWN) {
                out.printf("… %d more groups in results.json%n", groups.size() - MAX_ANOMALIES_SHOWN);
                break;
            }
            StringBuilder checkpoints = new StringBuilder();
            g.path("checkpoints").forEach(c -> checkpoints.append(checkpoints.length() == 0 ? "" : ", ").append(c.asText()));
            out.printf("%s [%s] %s × %d: %s%s%n", shown == 1 ? "diagnosis:" : "          ",
                    g.path("checker").asText(), g.path("type").asText(), g.path("count").asLong(),
                    g.path("first").asText(), checkpoints.length() == 0 ? ""
                            : " (checkpoints " + checkpoints + (g.path("moreCheckpoints").asBoolean() ? ", …" : "") + ")");
        }
        if (diagnosis.path("detectedAfterMs").isNumber()) {
            out.printf("detected after %.1f s of the run%n", diagnosis.path("detectedAfterMs").asLong() / 1000.0);
        }
        JsonNode restore = diagnosis.path("firstRestore");
        if (diagnosis.path("firstCheckpoint").isNumber() || restore.isObject()) {
            String checkpoint = diagnosis.path("firstCheckpoint").isNumber()
                    ? "first checkpoint named: " + diagnosis.path("firstCheckpoint").asLong() : "no checkpoint named";
            String first = !restore.isObject() ? "no restore"
                    : String.format("first restore: %s at %.1f s (%s)", restore.path("checkpoint").isNumber()
                            ? "checkpoint " + restore.path("checkpoint").asLong() : "the empty initial state",
                            restore.path("startedAfterMs").asLong() / 1000.0, restore.path("nodes").size() + " node(s)");
            out.println(checkpoint + "; " + first);
        }
    }

    /** The loop's own summary (report pages not written): the first anomalies as they came. */
    private static void printAnomalies(JsonNode anomalies, PrintWriter out) {
        int shown = 0;
        for (JsonNode a : anomalies) {
            if (shown++ == MAX_ANOMALIES_SHOWN) {
                out.printf("… %d more anomalies in results.json%n", anomalies.size() - MAX_ANOMALIES_SHOWN);
                break;
            }
            out.printf("anomaly [%s] %s: %s%n", a.path("checker").asText(), a.path("type").asText(),
                    a.path("explanation").asText());
        }
    }
}
