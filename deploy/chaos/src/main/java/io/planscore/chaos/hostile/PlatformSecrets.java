package io.planscore.chaos.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The secrets a throw-away platform generated into its data folder (passwords, private keys), as texts an answer
 * must never hold: a password whole, a PEM key by each of its lines.
 */
public final class PlatformSecrets {

    private PlatformSecrets() {
    }

    public static Set<String> of(Path dataDir) {
        Set<String> secrets = new HashSet<>();
        Path dir = dataDir.resolve("secrets");
        if (!Files.isDirectory(dir)) {
            return secrets;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (file.getFileName().toString().contains("public")) {
                    continue;
                }
                String text = Files.readString(file).strip();
                if (text.startsWith("-----BEGIN")) {
                    text.lines().filter(line -> !line.startsWith("-----") && line.length() >= 40).forEach(secrets::add);
                } else if (!text.isEmpty()) {
                    secrets.add(text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return secrets;
    }
}
