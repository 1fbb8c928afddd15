package io.cutcheck.harness.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Removes the containers and networks of runs: of one run when it closes, and of every run whose
 * harness process died without closing (found by {@link RunLabels}).
 */
final class Leftovers {

    private Leftovers() {}

    /** Removes every labelled object of {@code runId}; returns how many were removed. */
    static int removeRun(DockerClient docker, String runId) {
        return remove(docker, labels -> labels.runId().equals(runId));
    }

    /** Removes every labelled object whose owning harness process, on this machine, is gone. */
    static int removeOrphans(DockerClient docker) {
        return remove(docker, labels -> labels.owner() == RunLabels.Owner.DEAD);
    }

    /** Removes every labelled object of harness process {@code pid} on this machine, which is gone. */
    static int removeOwnedBy(DockerClient docker, long pid) {
        String boot = RunLabels.forThisProcess().ownerBoot();
        return remove(docker, labels -> labels.ownerPid() == pid && labels.ownerBoot().equals(boot));
    }

    private static int remove(DockerClient docker, Predicate<RunLabels> doomed) {
        List<Container> containers = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of(RunLabels.RUN)).exec().stream()
                .filter(c -> RunLabels.of(c.getLabels()).filter(doomed).isPresent()).toList();
        int removed = removeInParallel(containers, c -> quietly(
                () -> docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec()));
        // Networks last: Docker refuses to remove a network that still has containers.
        List<Network> networks = docker.listNetworksCmd().withFilter("label", List.of(RunLabels.RUN)).exec();
        for (Network network : networks) {
            if (RunLabels.of(network.getLabels()).filter(doomed).isPresent()) {
                removed += quietly(() -> docker.removeNetworkCmd(network.getId()).exec());
            }
        }
        return removed;
    }

    /** Each removal waits on the daemon for 100-300 ms; side by side, closing a run takes about one of them. */
    private static <T> int removeInParallel(List<T> items, ToIntFunction<T> removal) {
        if (items.isEmpty()) {
            return 0;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(items.size(), 8));
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (T item : items) {
                results.add(pool.submit(() -> removal.applyAsInt(item)));
            }
            int removed = 0;
            for (Future<Integer> result : results) {
                removed += result.get();
            }
            return removed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** Gone already counts as done; other failures are reported on one line and skipped. */
    private static int quietly(Runnable removal) {
        try {
            removal.run();
            return 1;
        } catch (NotFoundException e) {
            return 0;
        } catch (RuntimeException e) {
            System.err.println("cutcheck: docker cleanup: " + e.getMessage().lines().findFirst().orElse(""));
            return 0;
        }
    }
}
