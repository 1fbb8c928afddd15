package io.cutcheck.sut.marker;

import io.cutcheck.sut.node.Defect;
import io.cutcheck.sut.node.NodeConfig;
import io.cutcheck.sut.node.SystemFactory;
import io.cutcheck.sut.storage.StorageDefect;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The marker system (Chandy-Lamport snapshots across peers) for the jar's system registry. */
public final class MarkerSystem implements SystemFactory {

    @Override
    public String name() {
        return "marker";
    }

    @Override
    public List<Defect> defects() {
        // The storage layer's defects apply to the marker system's parts and manifests as well.
        return Stream.concat(
                Arrays.stream(MarkerDefect.values()).map(d -> new Defect(name(), d.flag(), d.description())),
                Arrays.stream(StorageDefect.values()).filter(d -> d != StorageDefect.NONE)
                        .map(d -> new Defect(name(), d.wire(), d.description()))).toList();
    }

    @Override
    public void start(NodeConfig config) throws Exception {
        MarkerNode.start(config);
    }
}
