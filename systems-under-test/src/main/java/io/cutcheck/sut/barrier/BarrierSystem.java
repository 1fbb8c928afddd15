package io.cutcheck.sut.barrier;

import io.cutcheck.sut.node.BadConfigException;
import io.cutcheck.sut.node.Defect;
import io.cutcheck.sut.node.NodeConfig;
import io.cutcheck.sut.node.SystemFactory;
import io.cutcheck.sut.storage.CheckpointStore;
import io.cutcheck.sut.storage.DurableWriter;
import io.cutcheck.sut.storage.Fsync;
import io.cutcheck.sut.storage.StorageDefect;
import java.util.List;

/** The {@code barrier} reference system: aligned barrier snapshots with a two-phase-commit sink. */
public final class BarrierSystem implements SystemFactory {
    @Override
    public String name() {
        return "barrier";
    }

    @Override
    public List<Defect> defects() {
        return BarrierDefect.registry();
    }

    @Override
    public void start(NodeConfig config) throws Exception {
        BarrierDefect defect = BarrierDefect.of(config.defect());
        Topology topology = Topology.of(config);
        CheckpointStore store = new CheckpointStore(config.dataDir(),
                new DurableWriter(Fsync.DISK, StorageDefect.of(config.defect())));
        if (!config.role().equals("coordinator") && (config.inputLog() == null || config.outputStore() == null)) {
            throw new BadConfigException("barrier tasks need inputLog and outputStore");
        }
        switch (config.role()) {
            case "coordinator" -> new CoordinatorNode(config, topology, store, defect).start();
            case "source" -> new SourceTask(config, topology, store, defect).start();
            case "operator" -> new OperatorTask(config, topology, store, defect).start();
            case "sink" -> new SinkTask(config, topology, store, defect).start();
            default -> throw new BadConfigException("unknown barrier role " + config.role()
                    + " (coordinator, source, operator, sink)");
        }
    }
}
