package io.cutcheck.nemesis.proxy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Runs the server on its own, as a drop-in for {@code toxiproxy-server}:
 * {@code --host H} (default localhost), {@code --port P} (default 8474), {@code --config FILE}
 * (proxies to create, in the populate format), {@code --seed N}.
 * Toxiproxy's single-dash spellings ({@code -host=0.0.0.0}) work too. Bad input: one line on
 * stderr, exit 2.
 */
public final class ToxiproxyServerMain {

    static final String USAGE = "usage: toxiproxy [--host HOST] [--port PORT] [--config FILE] [--seed N]";

    private ToxiproxyServerMain() {
    }

    /** The options, parsed. */
    record Options(String host, int port, OptionalLong seed, Optional<Path> config) {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"))) {
            System.out.println(USAGE);
            return;
        }
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("toxiproxy: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        ToxiproxyServer server;
        try {
            server = options.seed().isPresent()
                    ? ToxiproxyServer.start(options.host(), options.port(), options.seed().getAsLong())
                    : ToxiproxyServer.start(options.host(), options.port());
        } catch (IOException e) {
            System.err.println("toxiproxy: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.config().isPresent()) {
            try {
                server.populate(Files.readString(options.config().get()));
            } catch (IOException e) {
                System.err.println("toxiproxy: config " + options.config().get() + ": " + e.getMessage());
                server.stop();
                System.exit(2);
                return;
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "toxiproxy-shutdown"));
        System.out.println("toxiproxy API listening on " + server.baseUrl());
        server.awaitStop();
    }

    static Options parse(String[] args) {
        String host = "localhost";
        int port = 8474;
        OptionalLong seed = OptionalLong.empty();
        Optional<Path> config = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.replaceFirst("^--?", "");
            String value;
            int equals = name.indexOf('=');
            if (!arg.startsWith("-") || name.isEmpty()) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            } else if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("option " + arg + " needs a value");
            }
            switch (name) {
                case "host" -> host = value;
                case "port" -> port = (int) number(value, "port", 0, 65535);
                case "config" -> config = Optional.of(Path.of(value));
                case "seed" -> seed = OptionalLong.of(number(value, "seed", Long.MIN_VALUE, Long.MAX_VALUE));
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new Options(host, port, seed, config);
    }

    private static long number(String text, String what, long min, long max) {
        try {
            long value = Long.parseLong(text);
            if (value < min || value > max) {
                throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ": " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is not a number: " + text);
        }
    }
}
