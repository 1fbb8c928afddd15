package io.cutcheck.harness.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import io.cutcheck.harness.runtime.Node;
import io.cutcheck.harness.runtime.Pausable;
import io.cutcheck.harness.runtime.docker.image.NodeImage;
import io.cutcheck.harness.runtime.docker.image.NodeImageBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.concurrent.Callable;

/**
 * Prints how fast the Docker runtime is on this machine: image ready (cold with {@code --cold},
 * which first removes the cutcheck images, and warm), five probe nodes from start to healthy,
 * and the latency of each fault. Run it as the README's benchmark section says.
 */
public final class DockerBench {

    private static final int ROUNDS = 5;

    public static void main(String[] args) throws Exception {
        boolean cold = List.of(args).contains("--cold");
        Path work = Files.createTempDirectory("cutcheck-bench");
        Path jar = ProbeNodeJar.build(work.resolve("jar"));
        NodeImage image;
        try (DockerClient docker = DockerConnection.open()) {
            if (cold) {
                removeImages(docker);
                NodeImage built = new NodeImageBuilder(docker).ensure(jar);
                print("image ready, cold (jlink + base + node layer)", built.took().toMillis(), built.sizeBytes() / 1_000_000 + " MB");
            }
            image = new NodeImageBuilder(docker).ensure(jar);
            print("image ready, warm (hash + inspect)", image.took().toMillis(), image.sizeBytes() / 1_000_000 + " MB");
        }

        DockerRuntime runtime = DockerRuntime.open(DockerConnection.open(), image, jar);
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::close));
        try {
            long start = System.nanoTime();
            List<Node> nodes = ProbeCluster.start(runtime, jar, work.resolve("store"), 5);
            long started = System.nanoTime();
            for (Node node : nodes) {
                ProbeCluster.awaitHealthy(node, Duration.ofSeconds(30));
            }
            print("5 nodes: start() calls", ms(start, started), "");
            print("5 nodes: start to all healthy", ms(start, System.nanoTime()), "target < 8000 ms");

            Node victim = nodes.get(2);
            LongSummaryStatistics kill = new LongSummaryStatistics();
            LongSummaryStatistics restart = new LongSummaryStatistics();
            LongSummaryStatistics healthy = new LongSummaryStatistics();
            LongSummaryStatistics pause = new LongSummaryStatistics();
            LongSummaryStatistics resume = new LongSummaryStatistics();
            LongSummaryStatistics answers = new LongSummaryStatistics();
            for (int i = 0; i < ROUNDS; i++) {
                kill.accept(timed(() -> { victim.kill(); return null; }));
                long t = System.nanoTime();
                victim.restart();
                restart.accept(ms(t, System.nanoTime()));
                ProbeCluster.awaitHealthy(victim, Duration.ofSeconds(30));
                healthy.accept(ms(t, System.nanoTime()));

                pause.accept(timed(() -> { ((Pausable) victim).pause(); return null; }));
                t = System.nanoTime();
                ((Pausable) victim).resume();
                resume.accept(ms(t, System.nanoTime()));
                ProbeCluster.awaitHealthy(victim, Duration.ofSeconds(30));
                answers.accept(ms(t, System.nanoTime()));
            }
            print("kill (SIGKILL until stopped)", kill);
            print("restart (until started, port re-read)", restart);
            print("restart until healthy", healthy);
            print("pause", pause);
            print("resume", resume);
            print("resume until it answers", answers);
        } finally {
            long t = System.nanoTime();
            runtime.close();
            print("close (remove 5 containers + network)", ms(t, System.nanoTime()), "");
        }
    }

    private static void removeImages(DockerClient docker) {
        for (String repository : List.of(NodeImageBuilder.NODE_REPO, NodeImageBuilder.BASE_REPO)) {
            docker.listImagesCmd().withReferenceFilter(repository).exec().forEach(image -> {
                try {
                    docker.removeImageCmd(image.getId()).withForce(true).exec();
                } catch (DockerException e) {
                    System.err.println("kept " + image.getId() + ": " + e.getMessage().strip());
                }
            });
        }
    }

    private static long timed(Callable<Void> action) throws Exception {
        long t = System.nanoTime();
        action.call();
        return ms(t, System.nanoTime());
    }

    private static long ms(long from, long to) {
        return Duration.ofNanos(to - from).toMillis();
    }

    private static void print(String what, long millis, String note) {
        System.out.printf("%-42s %6d ms  %s%n", what, millis, note);
    }

    private static void print(String what, LongSummaryStatistics s) {
        System.out.printf("%-42s %6.0f ms  (min %d, max %d, n=%d)%n", what, s.getAverage(), s.getMin(), s.getMax(), s.getCount());
    }

    private DockerBench() {}

}
