package io.lightsout.wsman.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The recorded device XML in {@code ${lightsout.repo}/../shared/wsman-golden}. */
public final class Golden {

    private Golden() {
    }

    public static Path root() {
        String repo = System.getProperty("lightsout.repo");
        if (repo == null) {
            throw new IllegalStateException("system property lightsout.repo is not set (surefire sets it)");
        }
        Path p = Path.of(repo).resolve("../shared/wsman-golden").normalize();
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("golden XML missing at " + p);
        }
        return p;
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(root().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String relative) {
        return new String(bytes(relative), StandardCharsets.UTF_8);
    }
}
