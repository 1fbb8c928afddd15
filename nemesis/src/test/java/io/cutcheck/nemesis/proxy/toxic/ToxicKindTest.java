package io.cutcheck.nemesis.proxy.toxic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The registry of toxic kinds, and the toxic value the API shows. */
class ToxicKindTest {

    @ParameterizedTest
    @EnumSource(ToxicKind.class)
    void every_kind_has_one_sentence_and_is_found_by_its_type_name(ToxicKind kind) {
        assertThat(kind.description()).endsWith(".").doesNotContain(". ");
        assertThat(ToxicKind.byWireName(kind.wireName())).contains(kind);
    }

    @Test
    void the_kinds_are_toxiproxys() {
        assertThat(Arrays.stream(ToxicKind.values()).map(ToxicKind::wireName))
                .containsExactly("noop", "latency", "bandwidth", "slow_close", "timeout", "reset_peer", "slicer", "limit_data");
    }

    @Test
    void a_toxic_shows_every_attribute_of_its_kind_with_unset_ones_zero() {
        Toxic toxic = new Toxic("s", ToxicKind.SLICER, Stream.UPSTREAM, 1f, Map.of("delay", 10L, "unknown", 5L));

        assertThat(toxic.attributes()).containsExactly(
                Map.entry("average_size", 0L), Map.entry("size_variation", 0L), Map.entry("delay", 10L));
    }

    @Test
    void an_update_changes_only_the_attributes_given() {
        Toxic toxic = new Toxic("l", ToxicKind.LATENCY, Stream.DOWNSTREAM, 1f, Map.of("latency", 100L, "jitter", 10L));

        Toxic updated = toxic.withUpdate(Map.of("jitter", 20L), 0.5f);

        assertThat(updated.attributes()).containsExactly(Map.entry("latency", 100L), Map.entry("jitter", 20L));
        assertThat(updated.toxicity()).isEqualTo(0.5f);
        assertThat(updated.name()).isEqualTo("l");
    }

    @Test
    void streams_parse_in_any_case() {
        assertThat(Stream.parse("UPSTREAM")).contains(Stream.UPSTREAM);
        assertThat(Stream.parse("downstream")).contains(Stream.DOWNSTREAM);
        assertThat(Stream.parse("")).isEmpty();
    }
}
