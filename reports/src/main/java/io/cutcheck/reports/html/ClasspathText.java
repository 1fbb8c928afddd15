package io.cutcheck.reports.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the page's parts (style, script, chart library) shipped as class-path resources. */
final class ClasspathText {

    private ClasspathText() {}

    static String read(String resource) {
        try (InputStream in = ClasspathText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
