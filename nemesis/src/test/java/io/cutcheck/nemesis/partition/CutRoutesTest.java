package io.cutcheck.nemesis.partition;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutcheck.nemesis.partition.CutRoutes.ProxyStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class CutRoutesTest {

    @Test
    void a_one_way_cut_lands_on_one_stream_of_each_proxy_between_the_two_nodes() {
        assertThat(CutRoutes.streams(Grudges.oneWay(List.of("a", "b")), (client, server) -> client + "->" + server))
                .containsExactly(new ProxyStream("a->b", "upstream"), new ProxyStream("b->a", "downstream"));
    }

    @Test
    void a_two_way_cut_lands_on_both_streams_of_both_proxies() {
        assertThat(CutRoutes.streams(Grudges.halves(List.of("a", "b")), (client, server) -> client + "-" + server))
                .containsExactly(
                        new ProxyStream("a-b", "downstream"), new ProxyStream("a-b", "upstream"),
                        new ProxyStream("b-a", "downstream"), new ProxyStream("b-a", "upstream"));
    }
}
