package io.cutcheck.sut;

import io.cutcheck.sut.node.BadConfigException;
import io.cutcheck.sut.node.CommandLine;
import io.cutcheck.sut.node.Defect;
import io.cutcheck.sut.node.NodeConfig;
import io.cutcheck.sut.node.NodeConfigReader;
import io.cutcheck.sut.node.SystemFactory;
import io.cutcheck.sut.node.Systems;
import io.cutcheck.sut.services.InputLog;
import io.cutcheck.sut.services.InputLogServer;
import io.cutcheck.sut.services.OutputStore;
import io.cutcheck.sut.services.OutputStoreServer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The one entry point of cutcheck-sut.jar:
 * <pre>
 *   --node-config FILE                               a node of the system and role the file names
 *   input-log --host H --port P --partitions N       the harness's input log
 *   output-store --host H --port P                   the harness's output store
 *   defects                                          the defect variants, one per line
 * </pre>
 * Bad arguments print one line and exit 2.
 */
public final class Main {
    private static final String USAGE = "usage: cutcheck-sut --node-config FILE | input-log --host H --port P "
            + "--partitions N | output-store --host H --port P | defects";

    private Main() {
    }

    public static void main(String[] args) {
        try {
            run(Arrays.asList(args));
        } catch (BadConfigException e) {
            System.err.println("cutcheck-sut: " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("cutcheck-sut: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(List<String> args) throws Exception {
        if (args.isEmpty()) {
            throw new BadConfigException(USAGE);
        }
        List<String> rest = args.subList(1, args.size());
        switch (args.get(0)) {
            case "--node-config" -> {
                if (args.size() != 2) {
                    throw new BadConfigException(USAGE);
                }
                NodeConfig config = NodeConfigReader.read(Path.of(args.get(1)));
                SystemFactory system = Systems.named(config.system());
                system.start(config);
            }
            case "input-log" -> {
                CommandLine cl = new CommandLine(rest, Set.of("host", "port", "partitions"));
                InputLogServer server = new InputLogServer(cl.string("host"), cl.integer("port", 0, 65535),
                        new InputLog(cl.integer("partitions", 1, 4096))).start();
                System.out.println("input-log listening on " + cl.string("host") + ":" + server.port());
            }
            case "output-store" -> {
                CommandLine cl = new CommandLine(rest, Set.of("host", "port"));
                OutputStoreServer server = new OutputStoreServer(cl.string("host"), cl.integer("port", 0, 65535),
                        new OutputStore()).start();
                System.out.println("output-store listening on " + cl.string("host") + ":" + server.port());
            }
            case "defects" -> {
                for (SystemFactory system : Systems.all()) {
                    for (Defect d : system.defects()) {
                        System.out.println(d.system() + "\t" + d.name() + "\t" + d.description());
                    }
                }
            }
            default -> throw new BadConfigException(USAGE);
        }
    }
}
