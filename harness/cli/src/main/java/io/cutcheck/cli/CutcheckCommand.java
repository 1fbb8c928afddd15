package io.cutcheck.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The cutcheck command line. Exit codes: 0 valid, 1 invalid, 2 unknown or error (bad flags
 * included: one line on standard error, never a stack trace).
 */
@Command(name = "cutcheck", mixinStandardHelpOptions = true, version = "cutcheck 0.1.0",
        description = "Fault-injection tests for checkpointing systems.",
        subcommands = {TestCommand.class, DemoCommand.class, AnalyzeCommand.class, ReplayCommand.class,
                ShrinkCommand.class, DefectsCommand.class,
                ToxiproxyCommand.class, SelfCheckCommand.class, ConformCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 valid, 1 invalid, 2 unknown or error."})
public final class CutcheckCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new CutcheckCommand());
        cli.getSubcommands().get("test").getCommandSpec().usageMessage().footer(TestCommand.footer());
        cli.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("cutcheck: " + oneLine(e) + " (see --help)");
            return 2;
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("cutcheck: " + oneLine(e));
            return 2;
        });
        return cli;
    }

    /** The message on one line: a value echoed in it (a name from a file, a flag's text) may hold line breaks. */
    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("[\r\n]+", " ");
    }
}
