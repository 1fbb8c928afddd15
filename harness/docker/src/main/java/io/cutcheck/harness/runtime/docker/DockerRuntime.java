package io.cutcheck.harness.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Volume;
import io.cutcheck.harness.runtime.LaunchSpec;
import io.cutcheck.harness.runtime.Node;
import io.cutcheck.harness.runtime.NodeAddress;
import io.cutcheck.harness.runtime.Runtime;
import io.cutcheck.harness.runtime.docker.image.NodeImage;
import io.cutcheck.harness.runtime.docker.image.NodeImageBuilder;
import io.cutcheck.harness.runtime.docker.image.SystemImages;
import io.cutcheck.harness.runtime.local.FreePorts;
import io.cutcheck.harness.system.DockerImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Runs each node in its own container on a network of its own per run. Peers dial each other by
 * the node's name (a network alias) on fixed ports, since every container has its own address;
 * the harness reaches a node's control and data ports through host ports on 127.0.0.1 chosen at
 * {@link #reserve} and published again at every restart, so they never change during a run (a
 * proxy on the host keeps its upstream); the node's directory in the store and its log file
 * beside it are bind-mounted at the same paths, so the data directory, config file and log need
 * no translation.
 *
 * <p>Everything a run creates carries {@link RunLabels}; {@link #close()} removes it, and
 * {@link #cleanLeftovers()} (also done by {@link #open}) removes what runs of dead harness
 * processes left behind.
 */
public final class DockerRuntime implements Runtime {

    /** The ports every node binds inside its own container. */
    public static final int CONTROL_PORT = 7100;
    public static final int DATA_PORT = 7101;

    /** Where the published ports listen: the harness's own host only, not other machines. */
    private static final String PUBLISH_HOST = "127.0.0.1";
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final String CONFIG_FILE = "node-config.json";

    private final DockerClient docker;
    private final NodeImage image;
    private final Path hostJar;
    /** What a user's image sees at the same path as the host (the descriptor's folder), or null. */
    private final Path systemFolder;
    private final RunLabels labels;
    private final String network;
    private final String gateway;
    private final Map<String, String> reservedRoles = new ConcurrentHashMap<>();
    private final Map<String, PublishedPorts> published = new ConcurrentHashMap<>();
    private final FreePorts hostPorts = new FreePorts();
    private final List<Node> nodes = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private DockerRuntime(DockerClient docker, NodeImage image, DockerImage system, RunLabels labels, String network,
                          String gateway) {
        this.docker = docker;
        this.image = image;
        this.hostJar = system.nodeJar().map(j -> j.toAbsolutePath().normalize()).orElse(null);
        this.systemFolder = system.nodeJar().isPresent() ? null : system.folder().toAbsolutePath().normalize();
        this.labels = labels;
        this.network = network;
        this.gateway = gateway;
    }

    /**
     * Connects to the daemon, removes leftovers of dead runs, makes the system's image ready
     * (building it if its inputs changed or it is missing) and creates this run's network.
     */
    public static DockerRuntime open(DockerImage system) throws IOException {
        DockerClient docker = DockerConnection.open();
        try {
            Leftovers.removeOrphans(docker);
            return open(docker, SystemImages.ensure(docker, system), system);
        } catch (IOException | RuntimeException e) {
            docker.close();
            throw e;
        }
    }

    /** {@link #open(DockerImage)} for the reference jar's Java node image. */
    public static DockerRuntime open(Path nodeJar) throws IOException {
        return open(DockerImage.ofNodeJar(nodeJar));
    }

    /**
     * Makes the system's image ready and says so on standard error (building one takes 10-20 s
     * the first time): called before a run, so a missing daemon or a failed build is one line
     * before anything starts, and the run's own {@link #open} finds the image.
     */
    public static NodeImage prepare(DockerImage system) throws IOException {
        try (DockerClient docker = DockerConnection.open()) {
            return SystemImages.ensure(docker, system);
        }
    }

    public static NodeImage prepare(Path nodeJar) throws IOException {
        return prepare(DockerImage.ofNodeJar(nodeJar));
    }

    /** {@link #open(DockerImage)} for a registry of runtimes: an unchecked one-line error when it cannot. */
    public static DockerRuntime forRun(DockerImage system) {
        try {
            return open(system);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    public static DockerRuntime forRun(Path nodeJar) {
        return forRun(DockerImage.ofNodeJar(nodeJar));
    }

    /** A run on an image made ready before (by {@link NodeImageBuilder}); the runtime closes {@code docker}. */
    public static DockerRuntime open(DockerClient docker, NodeImage image, Path nodeJar) throws IOException {
        return open(docker, image, DockerImage.ofNodeJar(nodeJar));
    }

    private static DockerRuntime open(DockerClient docker, NodeImage image, DockerImage system) throws IOException {
        RunLabels labels = RunLabels.forThisProcess();
        String network = "cutcheck-" + labels.runId();
        try {
            String id = docker.createNetworkCmd().withName(network).withDriver("bridge")
                    .withLabels(labels.asMap()).withCheckDuplicate(true).exec().getId();
            Network created = docker.inspectNetworkCmd().withNetworkId(id).exec();
            String gateway = created.getIpam().getConfig().get(0).getGateway();
            return new DockerRuntime(docker, image, system, labels, network, gateway);
        } catch (DockerException e) {
            Leftovers.removeRun(docker, labels.runId());
            throw new IOException("could not create the run's Docker network: " + e.getMessage().strip());
        }
    }

    /** Removes containers and networks of runs whose harness process is gone; returns how many. */
    public static int cleanLeftovers() throws IOException {
        try (DockerClient docker = DockerConnection.open()) {
            return Leftovers.removeOrphans(docker);
        }
    }

    @Override
    public String name() {
        return "docker";
    }

    public String runId() {
        return labels.runId();
    }

    public NodeImage image() {
        return image;
    }

    @Override
    public NodeAddress reserve(String node, String role) throws IOException {
        if (!DNS_LABEL.matcher(node).matches()) {
            throw new IllegalArgumentException("node name '" + node + "' is not usable as a host name (a-z, 0-9, '-')");
        }
        if (reservedRoles.putIfAbsent(node, role) != null) {
            throw new IllegalArgumentException("node '" + node + "' is reserved twice");
        }
        published.put(node, new PublishedPorts(PUBLISH_HOST, CONTROL_PORT, hostPorts.next(PUBLISH_HOST),
                DATA_PORT, hostPorts.next(PUBLISH_HOST)));
        return new NodeAddress(node, "0.0.0.0", CONTROL_PORT, DATA_PORT, node);
    }

    /** The host port published for the node's {@code port}, the same across restarts. */
    @Override
    public InetSocketAddress reachFromHarness(NodeAddress node, int port) {
        PublishedPorts ports = published.get(node.node());
        if (ports == null) {
            throw new IllegalArgumentException("node '" + node.node() + "' was not reserved");
        }
        return ports.onHost(port);
    }

    @Override
    public Node start(LaunchSpec spec) throws IOException {
        if (closed.get()) {
            throw new IllegalStateException("the Docker runtime is closed");
        }
        if (!reservedRoles.containsKey(spec.node())) {
            throw new IllegalArgumentException("node '" + spec.node() + "' was not reserved");
        }
        Path nodeDir = Files.createDirectories(spec.nodeDir().toAbsolutePath().normalize());
        Path config = Files.write(nodeDir.resolve(CONFIG_FILE), spec.nodeConfig());
        // Beside the node directory, where the local runtime puts it too; mounted as a file of its own.
        Path log = nodeDir.resolveSibling(spec.node() + ".log");
        if (!Files.exists(log)) {
            Files.createFile(log);
        }
        PublishedPorts ports = published.get(spec.node());
        List<Bind> binds = new ArrayList<>(List.of(new Bind(nodeDir.toString(), new Volume(nodeDir.toString())),
                new Bind(log.toString(), new Volume(log.toString()))));
        if (systemFolder != null) {
            binds.add(new Bind(systemFolder.toString(), new Volume(systemFolder.toString()), AccessMode.ro));
        }
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode(network)
                .withBinds(binds)
                .withPortBindings(ports.bindings());
        String id;
        try {
            CreateContainerResponse created = docker.createContainerCmd(image.tag())
                    .withName(network + "-" + spec.node())
                    .withHostName(spec.node())
                    .withAliases(spec.address().peerHost())
                    .withLabels(labels.asMap())
                    .withUser(ownerOf(nodeDir))
                    .withEnv(ContainerCommand.LOG_ENV + "=" + log)
                    .withExposedPorts(ports.exposed())
                    .withHostConfig(host)
                    .withCmd(ContainerCommand.of(spec.node(), spec.command(), hostJar, image.jarPath(), config))
                    .exec();
            id = created.getId();
        } catch (NotFoundException e) {
            throw new IOException("image " + image.tag() + " is missing from the Docker daemon (removed during the run?); it is never pulled");
        } catch (DockerException e) {
            throw new IOException("could not create the container of " + spec.node() + ": " + e.getMessage().strip());
        }
        ContainerNode node = new ContainerNode(docker, id, spec.node(), spec.role(), network, ports.controlUri(), log);
        nodes.add(node);
        try {
            docker.startContainerCmd(id).exec();
        } catch (DockerException e) {
            throw new IOException("could not start the container of " + spec.node() + ": " + e.getMessage().strip());
        }
        return node;
    }

    @Override
    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /** The gateway of this run's network: the host as containers see it. */
    @Override
    public String harnessHostForNodes() {
        return gateway;
    }

    /**
     * The harness's services (and proxies on links) bind the same gateway address: a host
     * interface that the run's containers reach and that, unlike 0.0.0.0, is not open to other
     * machines.
     */
    @Override
    public String servicesBindHost() {
        return gateway;
    }

    /** Removes this run's containers and network; safe to call twice and from a shutdown hook. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Leftovers.removeRun(docker, labels.runId());
        } finally {
            try {
                docker.close();
            } catch (IOException e) {
                // the daemon connection is going away anyway
            }
        }
    }

    /** Runs the container as the owner of the node directory, so the files it writes stay the harness user's. */
    private static String ownerOf(Path dir) throws IOException {
        Object uid = Files.getAttribute(dir, "unix:uid");
        Object gid = Files.getAttribute(dir, "unix:gid");
        return uid + ":" + gid;
    }
}
