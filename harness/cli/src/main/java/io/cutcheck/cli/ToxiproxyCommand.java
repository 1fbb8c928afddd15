package io.cutcheck.cli;

import io.cutcheck.nemesis.proxy.ToxiproxyServer;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cutcheck toxiproxy}: the embedded Toxiproxy-compatible server in the foreground, a
 * drop-in {@code toxiproxy-server} for any Toxiproxy client; Ctrl-C stops it and every proxy.
 */
@Command(name = "toxiproxy", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a Toxiproxy-compatible server (HTTP API and proxies) until Ctrl-C.")
final class ToxiproxyCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Option(names = "--host", defaultValue = "localhost", description = "interface of the API (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", defaultValue = "8474", description = "port of the API, 0 for a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--seed", description = "seed of toxicity, jitter and slicing (default: random)")
    Long seed;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(command.commandLine(), "--port must be in 0..65535: " + port);
        }
        if (host.isBlank()) {
            // Java takes an empty host name for the loopback interface: not what a script that lost its value meant
            throw new CommandLine.ParameterException(command.commandLine(),
                    "--host must name an interface, e.g. localhost or 0.0.0.0: '" + host + "'");
        }
        ToxiproxyServer server = seed == null ? ToxiproxyServer.start(host, port) : ToxiproxyServer.start(host, port, seed);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "toxiproxy-shutdown"));
        command.commandLine().getOut().println("toxiproxy API listening on " + server.baseUrl() + " (Ctrl-C stops it)");
        command.commandLine().getOut().flush();
        server.awaitStop();
        return 0;
    }
}
