package io.cutcheck.harness.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A run's services and its nodes draw ports from separate instances before anything binds them:
 * two instances in one JVM must never hand out the same port (an output store and an operator
 * once got the same one, and the operator could not start).
 */
class FreePortsTest {

    @Test
    void instancesInOneJvmNeverHandOutTheSamePort() throws IOException {
        FreePorts services = new FreePorts();
        FreePorts nodes = new FreePorts();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            assertThat(seen.add(services.next("127.0.0.1"))).isTrue();
            assertThat(seen.add(nodes.next("127.0.0.1"))).isTrue();
        }
        assertThat(seen).allMatch(p -> p >= 1024 && p < 65536);
    }
}
