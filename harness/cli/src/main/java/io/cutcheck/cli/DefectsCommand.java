package io.cutcheck.cli;

import io.cutcheck.harness.services.SutJar;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code cutcheck defects}: the reference systems' defect catalogue, as the SUT jar prints it. */
@Command(name = "defects", mixinStandardHelpOptions = true,
        description = "List the deliberate defect variants of the reference systems (for --defect).")
final class DefectsCommand implements Callable<Integer> {

    @Override
    public Integer call() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(SutJar.javaCommand(), "-jar", SutJar.locate().toString(), "defects"))
                .inheritIO()
                .start();
        int code = p.waitFor();
        return code == 0 ? 0 : 2;
    }
}
