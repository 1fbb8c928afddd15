package io.cutcheck.harness.runtime.docker.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A content hash over everything an image is made from, so its tag changes exactly when an
 * input does and an unchanged image is reused instead of rebuilt.
 */
final class ImageInputs {

    private final MessageDigest digest;

    ImageInputs(String recipeVersion) {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        text(recipeVersion);
    }

    ImageInputs text(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) ':');
        digest.update(bytes);
        return this;
    }

    ImageInputs file(Path file) throws IOException {
        text(file.getFileName().toString());
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return this;
    }

    /** The first 16 hex digits: plenty to tell apart the few images one machine holds. */
    String hash() {
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }
}
