package io.cutcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cutcheck.harness.run.Judge;
import io.cutcheck.harness.run.RunOutcome;
import io.cutcheck.harness.store.StoreLayout;
import io.cutcheck.harness.store.StoreReader;
import io.cutcheck.reports.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code cutcheck analyze DIR}: checks a saved run again from its store directory, with the same
 * checkers, and prints the verdict. It judges from the evidence files alone and reads nothing from
 * an existing {@code results.json}, so stores of any results version are judged alike. Writes the
 * report files ({@code results.json}, {@code junit.xml}, {@code report.html}) if the run left no
 * results (a harness killed mid-run); existing ones are left as the run wrote them.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Check a saved run again from its store directory (e.g. store/latest).")
final class AnalyzeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Parameters(paramLabel = "STORE_DIR", description = "a run's directory in the store")
    Path dir;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new CommandLine.ParameterException(command.commandLine(), "no such store directory: " + dir);
        }
        // a store that cannot be read is an error in one line (exit 2), not a usage mistake
        StoreReader.SavedRun saved = StoreReader.read(dir.toRealPath());
        Judge.Judgement judgement = TryRunner.judge(saved);
        StoreLayout store = new StoreLayout(dir.toRealPath());
        RunOutcome outcome = RunOutcome.analyzed(store.dir(), saved.observations(), judgement);
        JsonNode results = Files.exists(store.results())
                ? RunFiles.judge(outcome).<JsonNode>map(RunFiles.Judged::results)
                        .orElseGet(JsonNodeFactory.instance::objectNode)
                : RunPages.write(outcome, command.commandLine().getErr());
        Runner.print(outcome, results, command.commandLine().getOut());
        return judgement.verdict().exitCode();
    }
}
