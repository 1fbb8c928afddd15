package io.cutcheck.cli;

import io.cutcheck.cli.conform.Conformance;
import io.cutcheck.harness.cleanup.RunFile;
import io.cutcheck.harness.services.SutJar;
import io.cutcheck.harness.system.ShippedSystems;
import io.cutcheck.harness.system.SystemDefinition;
import io.cutcheck.harness.workload.Workload;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cutcheck conform}: the conformance kit. Starts the system once without faults and
 * checks, rule by rule, what of PROTOCOL.md it can observe, so the author of a new system learns
 * what it gets wrong from a table rather than from a test run that only says "unknown".
 */
@Command(name = "conform", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Start a system without faults and check, rule by rule, that it speaks the SUT protocol.",
                "One row per rule of systems-under-test/PROTOCOL.md it can observe: PASS, FAIL with the call made and"
                        + " what came back, or SKIP with why. Takes about half a minute."},
        footer = {"", "Exit codes: 0 no rule failed, 1 a rule failed, 2 bad input or the system could not be started."})
final class ConformCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Option(names = "--system", description = "a shipped system (barrier, marker)")
    String system;

    @Option(names = "--system-file", paramLabel = "DESCRIPTOR",
            description = "check the system this descriptor describes (systems-under-test/DESCRIPTOR.md)")
    Path systemFile;

    @Option(names = "--runtime", defaultValue = "local", description = "where nodes run: local only (default: ${DEFAULT-VALUE})")
    String runtime;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "keep node logs and data in a new directory under DIR (default: a temporary one,"
                    + " removed when no rule fails)")
    Path workDir;

    @Override
    public Integer call() throws IOException {
        SystemDefinition definition;
        Workload workload;
        try {
            if ((system == null) == (systemFile == null)) {
                throw new IllegalArgumentException("give --system NAME or --system-file DESCRIPTOR (one of them)");
            }
            if (!runtime.equals("local")) {
                throw new IllegalArgumentException("conform runs on --runtime local only, not '" + runtime + "'");
            }
            definition = Registry.system(system, systemFile);
            workload = Registry.require(Registry.WORKLOADS, "workload", definition.workload()).get();
            // what would otherwise fail only once the kit's watchdog and first nodes are up
            Registry.checkProgram(definition, systemFile != null ? systemFile : ShippedSystems.file(system), runtime);
            Conformance.checkLayout(definition, workload);
            if (workDir != null) {
                Folders.requireMakeable("--work-dir", workDir, workDir);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command.commandLine(), e.getMessage());
        }
        return new Conformance(definition, workload, SutJar.locate(), RunFile.defaultDirectory(), workDir)
                .run(command.commandLine().getOut(), command.commandLine().getErr());
    }
}
