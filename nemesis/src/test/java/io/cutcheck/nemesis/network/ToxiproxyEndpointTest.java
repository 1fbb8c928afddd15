package io.cutcheck.nemesis.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ToxiproxyEndpointTest {

    @Test
    void readsAUrlOrABareHostAndPort() {
        assertThat(ToxiproxyEndpoint.parse("http://127.0.0.1:8474").url()).isEqualTo(URI.create("http://127.0.0.1:8474"));
        assertThat(ToxiproxyEndpoint.parse("localhost:8474/").url()).isEqualTo(URI.create("http://localhost:8474"));
        assertThat(NetworkNemeses.endpoint(null)).isInstanceOf(ToxiproxyEndpoint.Embedded.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "ftp://h:21", "http://h:8474/api", "http://:8474", "not a url at all"})
    void refusesAnythingElseInOneLine(String text) {
        assertThatThrownBy(() -> ToxiproxyEndpoint.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--toxiproxy").hasMessageNotContaining("\n");
    }
}
