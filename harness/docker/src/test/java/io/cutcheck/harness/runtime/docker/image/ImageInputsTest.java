package io.cutcheck.harness.runtime.docker.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageInputsTest {

    @TempDir
    Path dir;

    @Test
    void sameInputsSameHashAndAnyChangeChangesIt() throws Exception {
        Path jar = Files.writeString(dir.resolve("node.jar"), "v1");
        String first = new ImageInputs("r1").text("FROM base").file(jar).hash();

        assertThat(new ImageInputs("r1").text("FROM base").file(jar).hash()).isEqualTo(first).hasSize(16);
        assertThat(new ImageInputs("r2").text("FROM base").file(jar).hash()).as("recipe").isNotEqualTo(first);
        assertThat(new ImageInputs("r1").text("FROM other").file(jar).hash()).as("text").isNotEqualTo(first);
        Files.writeString(jar, "v2");
        assertThat(new ImageInputs("r1").text("FROM base").file(jar).hash()).as("file content").isNotEqualTo(first);
    }

    @Test
    void fieldBoundariesCount() {
        assertThat(new ImageInputs("r").text("ab").text("c").hash()).isNotEqualTo(new ImageInputs("r").text("a").text("bc").hash());
    }
}
