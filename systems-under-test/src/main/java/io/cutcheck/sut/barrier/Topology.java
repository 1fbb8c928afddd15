package io.cutcheck.sut.barrier;

import io.cutcheck.sut.node.BadConfigException;
import io.cutcheck.sut.node.NodeConfig;
import io.cutcheck.sut.node.PeerAddress;
import java.util.List;
import java.util.Map;

/**
 * The job graph read from the node list: source-i reads input partition i and sends each record to
 * operator {@code floorMod(key.hashCode(), operators)}; operator j sends to sink {@code j mod sinks}.
 */
public record Topology(String coordinator, List<String> sources, List<String> operators, List<String> sinks) {

    public static Topology of(NodeConfig config) {
        List<String> coordinators = names(config, "coordinator");
        Topology t = new Topology(coordinators.isEmpty() ? null : coordinators.get(0), names(config, "source"),
                names(config, "operator"), names(config, "sink"));
        if (coordinators.size() != 1) {
            throw new BadConfigException("barrier needs exactly one coordinator");
        }
        if (t.sources.isEmpty() || t.operators.isEmpty() || t.sinks.isEmpty()) {
            throw new BadConfigException("barrier needs at least one source, operator and sink");
        }
        if (t.sinks.size() > t.operators.size()) {
            throw new BadConfigException("barrier needs at least as many operators as sinks");
        }
        return t;
    }

    private static List<String> names(NodeConfig config, String role) {
        return config.peers(role).stream().map(Map.Entry::getKey).toList();
    }

    public List<String> tasks() {
        return java.util.stream.Stream.of(sources, operators, sinks).flatMap(List::stream).toList();
    }

    public int operatorFor(String key) {
        return Math.floorMod(key.hashCode(), operators.size());
    }

    public String sinkOf(int operatorIndex) {
        return sinks.get(operatorIndex % sinks.size());
    }

    public List<String> inputsOfSink(String sink) {
        int s = sinks.indexOf(sink);
        return java.util.stream.IntStream.range(0, operators.size()).filter(j -> j % sinks.size() == s)
                .mapToObj(operators::get).toList();
    }

    /** The input channels of a task: every source for an operator, its operators for a sink. */
    public List<String> inputsOf(String node, String role) {
        return switch (role) {
            case "operator" -> sources;
            case "sink" -> inputsOfSink(node);
            default -> List.of();
        };
    }

    /** The output channels of a task. */
    public List<String> outputsOf(String node, String role) {
        return switch (role) {
            case "source" -> operators;
            case "operator" -> List.of(sinkOf(operators.indexOf(node)));
            default -> List.of();
        };
    }

    public static PeerAddress address(NodeConfig config, String node) {
        return config.nodes().get(node);
    }
}
