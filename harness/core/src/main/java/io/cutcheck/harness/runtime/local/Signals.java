package io.cutcheck.harness.runtime.local;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Sends POSIX signals the JDK has no API for (SIGSTOP, SIGCONT) through {@code kill}. */
final class Signals {

    private Signals() {}

    static void stop(ProcessHandle process) {
        send("-STOP", process);
    }

    static void cont(ProcessHandle process) {
        send("-CONT", process);
    }

    /** Signals the process and its descendants, so a wrapper script's child is frozen too. */
    private static void send(String signal, ProcessHandle process) {
        String[] pids = Stream.concat(Stream.of(process), process.descendants())
                .map(p -> Long.toString(p.pid())).toArray(String[]::new);
        String[] command = new String[pids.length + 2];
        command[0] = "kill";
        command[1] = signal;
        System.arraycopy(pids, 0, command, 2, pids.length);
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!kill.waitFor(5, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                throw new IllegalStateException("kill " + signal + " did not finish");
            }
            if (kill.exitValue() != 0) {
                String out = new String(kill.getInputStream().readAllBytes()).strip();
                throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed: " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill " + signal + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + signal, e);
        }
    }
}
