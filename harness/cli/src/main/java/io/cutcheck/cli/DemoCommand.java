package io.cutcheck.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cutcheck demo}: the main job in one word: 30 s of the barrier system with kills and pauses. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a 30 s test of the barrier system on local processes with kill and pause faults.")
final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @CommandLine.Option(names = "--store", defaultValue = "store", description = "store root (default: ${DEFAULT-VALUE})")
    String store;

    @Override
    public Integer call() {
        TestCommand test = new TestCommand();
        new CommandLine(test).parseArgs("--system", "barrier", "--runtime", "local", "--nemesis", "kill,pause",
                "--time-limit", "30", "--store", store);
        return Runner.run(test.spec(), 1, command.commandLine());
    }
}
