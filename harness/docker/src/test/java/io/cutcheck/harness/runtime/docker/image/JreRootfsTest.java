package io.cutcheck.harness.runtime.docker.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JreRootfsTest {

    @Test
    void lddOutputGivesEveryLibraryPathAndTheLoader() {
        String ldd = """
                \tlinux-vdso.so.1 (0x00007fa48fa29000)
                \tlibz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x00007fa48f9f3000)
                \tlibjli.so => /opt/java/bin/../lib/libjli.so (0x00007fa48f9e3000)
                \tlibmissing.so => not found
                \t/lib64/ld-linux-x86-64.so.2 (0x00007fa48fa2b000)
                """;
        assertThat(JreRootfs.sharedLibraries(ldd)).containsExactly(
                "/lib/x86_64-linux-gnu/libz.so.1", "/opt/java/bin/../lib/libjli.so", "/lib64/ld-linux-x86-64.so.2");
    }

    @Test
    void aStaticBinaryNeedsNothing() {
        assertThat(JreRootfs.sharedLibraries("\tnot a dynamic executable\n")).isEmpty();
    }
}
