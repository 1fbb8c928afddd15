package io.cutcheck.nemesis.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Bandwidth;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import eu.rekawek.toxiproxy.model.toxic.LimitData;
import eu.rekawek.toxiproxy.model.toxic.ResetPeer;
import eu.rekawek.toxiproxy.model.toxic.Slicer;
import eu.rekawek.toxiproxy.model.toxic.SlowClose;
import eu.rekawek.toxiproxy.model.toxic.Timeout;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every call of the official Java client (toxiproxy-java 2.1.11) against the embedded server. */
@org.junit.jupiter.api.Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
class ToxiproxyClientCompatibilityTest {

    @RegisterExtension
    final ToxiproxyServerExtension toxiproxy = new ToxiproxyServerExtension();

    @Test
    void version_is_a_toxiproxy_release() throws IOException {
        assertThat(client().version()).contains("\"version\"").contains(ApiRoutes.VERSION);
    }

    @Test
    void creates_lists_reads_and_deletes_proxies() throws IOException {
        Proxy created = client().createProxy("db", "127.0.0.1:0", "127.0.0.1:5432");

        assertThat(created.getName()).isEqualTo("db");
        assertThat(created.getListen()).matches("127\\.0\\.0\\.1:[1-9][0-9]*");
        assertThat(created.getUpstream()).isEqualTo("127.0.0.1:5432");
        assertThat(created.isEnabled()).isTrue();
        assertThat(client().getProxies()).extracting(Proxy::getName).containsExactly("db");
        assertThat(client().getProxy("db").getListen()).isEqualTo(created.getListen());
        assertThat(client().getProxyOrNull("nope")).isNull();

        created.delete();

        assertThat(client().getProxies()).isEmpty();
        assertThatThrownBy(() -> client().getProxy("db")).hasMessageContaining("[404]").hasMessageContaining("proxy not found");
    }

    @Test
    void a_second_proxy_of_the_same_name_conflicts() throws IOException {
        client().createProxy("db", "127.0.0.1:0", "127.0.0.1:5432");

        assertThatThrownBy(() -> client().createProxy("db", "127.0.0.1:0", "127.0.0.1:5432"))
                .hasMessageContaining("[409]").hasMessageContaining("proxy already exists");
    }

    @Test
    void disables_enables_and_moves_a_proxy() throws IOException {
        Proxy proxy = client().createProxy("db", "127.0.0.1:0", "127.0.0.1:5432");
        String listen = proxy.getListen();

        proxy.disable();
        assertThat(proxy.isEnabled()).isFalse();
        assertThat(client().getProxy("db").isEnabled()).isFalse();

        proxy.enable();
        assertThat(client().getProxy("db").isEnabled()).isTrue();
        assertThat(client().getProxy("db").getListen()).isEqualTo(listen);

        proxy.setUpstream("127.0.0.1:6543");
        assertThat(client().getProxy("db").getUpstream()).isEqualTo("127.0.0.1:6543");

        proxy.setListen("127.0.0.1:0");
        assertThat(client().getProxy("db").getListen()).matches("127\\.0\\.0\\.1:[1-9][0-9]*");
        assertThat(client().getProxy("db").isEnabled()).isTrue();
    }

    @Test
    void creates_every_toxic_kind_and_reads_it_back() throws IOException {
        Proxy proxy = client().createProxy("db", "127.0.0.1:0", "127.0.0.1:5432");

        Latency latency = proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 120);
        latency.setJitter(15);
        Bandwidth bandwidth = proxy.toxics().bandwidth("bw", ToxicDirection.UPSTREAM, 64);
        SlowClose slowClose = proxy.toxics().slowClose("sc", ToxicDirection.DOWNSTREAM, 300);
        Timeout timeout = proxy.toxics().timeout("to", ToxicDirection.UPSTREAM, 2000);
        ResetPeer resetPeer = proxy.toxics().resetPeer("rp", ToxicDirection.DOWNSTREAM, 50);
        Slicer slicer = proxy.toxics().slicer("sl", ToxicDirection.UPSTREAM, 100, 10);
        slicer.setSizeVariation(20);
        LimitData limitData = proxy.toxics().limitData("ld", ToxicDirection.DOWNSTREAM, 4096);

        assertThat(proxy.toxics().get("lat", Latency.class).getLatency()).isEqualTo(120);
        assertThat(proxy.toxics().get("lat", Latency.class).getJitter()).isEqualTo(15);
        assertThat(proxy.toxics().get("bw", Bandwidth.class).getRate()).isEqualTo(64);
        assertThat(proxy.toxics().get("sc", SlowClose.class).getDelay()).isEqualTo(300);
        assertThat(proxy.toxics().get("to", Timeout.class).getTimeout()).isEqualTo(2000);
        assertThat(proxy.toxics().get("rp", ResetPeer.class).getTimeout()).isEqualTo(50);
        assertThat(proxy.toxics().get("sl", Slicer.class).getAverageSize()).isEqualTo(100);
        assertThat(proxy.toxics().get("sl", Slicer.class).getSizeVariation()).isEqualTo(20);
        assertThat(proxy.toxics().get("sl", Slicer.class).getDelay()).isEqualTo(10);
        assertThat(proxy.toxics().get("ld", LimitData.class).getBytes()).isEqualTo(4096);
        assertThat(proxy.toxics().get("bw").getStream()).isEqualTo(ToxicDirection.UPSTREAM);
        assertThat(proxy.toxics().getAll()).extracting(Toxic::getName)
                .containsExactlyInAnyOrder("lat", "bw", "sc", "to", "rp", "sl", "ld");
        assertThat(List.of(latency, bandwidth, slowClose, timeout, resetPeer, slicer, limitData))
                .allSatisfy(toxic -> assertThat(toxic.getToxicity()).isEqualTo(1.0f));
    }

    @Test
    void updates_attributes_and_toxicity_with_post() throws IOException {
        Proxy proxy = client().createProxy("db", "127.0.0.1:0", "127.0.0.1:5432");
        Latency latency = proxy.toxics().latency("lat", ToxicDirection.UPSTREAM, 100);

        latency.setLatency(250);
        latency.setToxicity(0.25f);

        Latency read = proxy.toxics().get("lat", Latency.class);
        assertThat(read.getLatency()).isEqualTo(250);
        assertThat(read.getJitter()).isZero();
        assertThat(read.getToxicity()).isEqualTo(0.25f);
    }

    @Test
    void every_attribute_setter_round_trips() throws IOException {
        Proxy proxy = client().createProxy("db", "127.0.0.1:0", "127.0.0.1:5432");

        proxy.toxics().bandwidth("bw", ToxicDirection.UPSTREAM, 1).setRate(2);
        proxy.toxics().slowClose("sc", ToxicDirection.UPSTREAM, 1).setDelay(3);
        proxy.toxics().timeout("to", ToxicDirection.UPSTREAM, 1).setTimeout(4);
        proxy.toxics().resetPeer("rp", ToxicDirection.UPSTREAM, 1).setTimeout(5);
        proxy.toxics().slicer("sl", ToxicDirection.UPSTREAM, 1, 1).setAverageSize(6).setDelay(7).setSizeVariation(3);
        proxy.toxics().limitData("ld", ToxicDirection.UPSTREAM, 1).setBytes(8);

        assertThat(proxy.toxics().get("bw", Bandwidth.class).getRate()).isEqualTo(2);
        assertThat(proxy.toxics().get("sc", SlowClose.class).getDelay()).isEqualTo(3);
        assertThat(proxy.toxics().get("to", Timeout.class).getTimeout()).isEqualTo(4);
        assertThat(proxy.toxics().get("rp", ResetPeer.class).getTimeout()).isEqualTo(5);
        Slicer slicer = proxy.toxics().get("sl", Slicer.class);
        assertThat(List.of(slicer.getAverageSize(), slicer.getDelay(), slicer.getSizeVariation())).containsExactly(6L, 7L, 3L);
        assertThat(proxy.toxics().get("ld", LimitData.class).getBytes()).isEqualTo(8);
    }

    @Test
    void a_second_toxic_of_the_same_name_conflicts_and_removed_toxics_are_gone() throws IOException {
        Proxy proxy = client().createProxy("db", "127.0.0.1:0", "127.0.0.1:5432");
        Latency latency = proxy.toxics().latency("lat", ToxicDirection.UPSTREAM, 100);

        assertThatThrownBy(() -> proxy.toxics().timeout("lat", ToxicDirection.DOWNSTREAM, 1))
                .hasMessageContaining("[409]").hasMessageContaining("toxic already exists");

        latency.remove();

        assertThat(proxy.toxics().getAll()).isEmpty();
        assertThatThrownBy(() -> proxy.toxics().get("lat")).hasMessageContaining("[404]").hasMessageContaining("toxic not found");
    }

    @Test
    void reset_enables_every_proxy_and_removes_every_toxic() throws IOException {
        Proxy first = client().createProxy("a", "127.0.0.1:0", "127.0.0.1:5432");
        Proxy second = client().createProxy("b", "127.0.0.1:0", "127.0.0.1:5433");
        first.toxics().latency("lat", ToxicDirection.UPSTREAM, 100);
        second.toxics().bandwidth("bw", ToxicDirection.DOWNSTREAM, 0);
        second.disable();

        client().reset();

        for (Proxy proxy : client().getProxies()) {
            assertThat(proxy.isEnabled()).isTrue();
            assertThat(proxy.toxics().getAll()).isEmpty();
        }
    }

    private ToxiproxyClient client() {
        return toxiproxy.client();
    }
}
