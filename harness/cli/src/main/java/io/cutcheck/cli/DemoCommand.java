package io.cutcheck.cli;

import io.cutcheck.harness.spec.TestSpec;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cutcheck demo}: the main job in one word: 30 s of the barrier system with kills and pauses. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a 30 s test of the barrier system with kill and pause faults (local processes, or --runtime docker).")
final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @CommandLine.Option(names = "--store", defaultValue = "store", description = "store root (default: ${DEFAULT-VALUE})")
    String store;

    @CommandLine.Option(names = "--runtime", defaultValue = "local", description = "where nodes run: local or docker (default: ${DEFAULT-VALUE})")
    String runtime;

    @Override
    public Integer call() throws IOException {
        TestCommand test = new TestCommand();
        new CommandLine(test).parseArgs("--system", "barrier", "--runtime", runtime, "--nemesis", "kill,pause",
                "--time-limit", "30", "--store", store);
        TestSpec spec;
        try {
            spec = test.spec();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command.commandLine(), e.getMessage());
        }
        Registry.prepareRuntime(spec.runtime(), Registry.system(spec));
        return Runner.run(spec, 1, command.commandLine());
    }
}
