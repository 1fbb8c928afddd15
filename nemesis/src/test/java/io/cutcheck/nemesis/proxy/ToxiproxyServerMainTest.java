package io.cutcheck.nemesis.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The command line of the stand-alone server, in both Toxiproxy's and our spelling. */
class ToxiproxyServerMainTest {

    @Test
    void defaults_are_toxiproxys() {
        assertThat(ToxiproxyServerMain.parse(new String[0]))
                .isEqualTo(new ToxiproxyServerMain.Options("localhost", 8474, OptionalLong.empty(), Optional.empty()));
    }

    @Test
    void reads_double_dash_and_single_dash_equals_forms() {
        assertThat(ToxiproxyServerMain.parse(new String[] {"--host", "0.0.0.0", "--port", "0", "--seed", "7"}))
                .isEqualTo(new ToxiproxyServerMain.Options("0.0.0.0", 0, OptionalLong.of(7), Optional.empty()));
        assertThat(ToxiproxyServerMain.parse(new String[] {"-host=127.0.0.1", "-port=9000", "-config=proxies.json"}))
                .isEqualTo(new ToxiproxyServerMain.Options("127.0.0.1", 9000, OptionalLong.empty(), Optional.of(Path.of("proxies.json"))));
    }

    @Test
    void bad_input_is_one_line() {
        assertThatThrownBy(() -> ToxiproxyServerMain.parse(new String[] {"--port", "70000"}))
                .hasMessage("port must be between 0 and 65535: 70000");
        assertThatThrownBy(() -> ToxiproxyServerMain.parse(new String[] {"--port", "x"}))
                .hasMessage("port is not a number: x");
        assertThatThrownBy(() -> ToxiproxyServerMain.parse(new String[] {"--colour", "red"}))
                .hasMessage("unknown option --colour");
        assertThatThrownBy(() -> ToxiproxyServerMain.parse(new String[] {"--host"}))
                .hasMessage("option --host needs a value");
        assertThatThrownBy(() -> ToxiproxyServerMain.parse(new String[] {"stray"}))
                .hasMessage("unexpected argument stray");
    }
}
