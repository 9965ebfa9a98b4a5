package io.planscore.gateway;

import io.planscore.infra.RealInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No private key is part of the source tree, and none that ever might be opens the gateway: a token
 * signed with any key found in the repository is refused.
 */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CommittedKeysTest {

    /** Built from parts so that this file does not match its own search. */
    private static final String PRIVATE_KEY_MARK = "PRIVATE KEY" + "-----";
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]*)" + Pattern.quote(PRIVATE_KEY_MARK) + "(.+?)-----END", Pattern.DOTALL);
    /** Build output, version control and the local run's generated secrets are not source. */
    private static final Set<String> NOT_SOURCE = Set.of("target", ".git", "node_modules", ".planscore-data");

    @Test
    void noKeyInTheRepositoryIsAcceptedAndNoneIsThere() {
        List<Path> files = filesWithPrivateKeys(repositoryRoot());
        for (Path file : files) {
            for (PrivateKey key : keysIn(file)) {
                String token = Jwt.issuer("planscore").upn("mallory").groups("admin").sign(key);
                given().header("Authorization", "Bearer " + token).get("/api/v1/plans").then().statusCode(401);
            }
        }
        assertThat(files).as("files holding a private key").isEmpty();
    }

    private static Path repositoryRoot() {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        assertThat(root).as("repository root above " + Path.of("").toAbsolutePath()).isNotNull();
        return root;
    }

    private static List<Path> filesWithPrivateKeys(Path root) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return NOT_SOURCE.contains(dir.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (attributes.size() < 1_000_000 && new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
                            .contains(PRIVATE_KEY_MARK)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** The PKCS#8 keys of a file (others cannot sign a JWT here, and are reported as files anyway). */
    private static List<PrivateKey> keysIn(Path file) {
        List<PrivateKey> keys = new ArrayList<>();
        try {
            Matcher pem = PEM.matcher(Files.readString(file, StandardCharsets.ISO_8859_1));
            while (pem.find()) {
                try {
                    keys.add(KeyUtils.decodePrivateKey(pem.group(2)));
                } catch (Exception notPkcs8) {
                    // counted through its file
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }
}
