package io.planscore.localrun;

import io.planscore.infra.RsaKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local platform's secrets, generated on its first start into {@code <data>/secrets} (each file
 * readable by its owner only) and reused afterwards; nothing secret is built in:
 * <ul>
 *   <li>{@code identity-*.pem}: the service identity key pair. The gateway and measurements-service sign
 *       callers with the private key; every internal service verifies with the public key.</li>
 *   <li>{@code jwt-issuer-*.pem}: the key pair of public bearer JWTs. The gateway trusts the public key;
 *       sign tokens with the private key (issuer {@code planscore}) to call the API with a JWT.</li>
 *   <li>{@code db-password}: the embedded PostgreSQL's password.</li>
 *   <li>{@code kafka-<user>-password} (with PLANSCORE_KAFKA_SASL only): the password of a Kafka user: the
 *       broker's super user {@code admin}, each service's, each agency's ({@code agency-<agencyId>}).</li>
 * </ul>
 */
record LocalSecrets(Path dir, String identityPrivateKey, String identityPublicKey, String jwtIssuerPublicKey,
                    String dbPassword) {

    static LocalSecrets loadOrCreate(Path dataDir) {
        Path dir = dataDir.resolve("secrets");
        KeyPairFiles identity = KeyPairFiles.loadOrCreate(dir, "identity");
        KeyPairFiles jwtIssuer = KeyPairFiles.loadOrCreate(dir, "jwt-issuer");
        return new LocalSecrets(dir, identity.privatePem(), identity.publicPem(), jwtIssuer.publicPem(),
                loadOrCreate(dir.resolve("db-password"), LocalSecrets::randomPassword));
    }

    /** The password of Kafka user {@code user}, generated on first use. */
    String kafkaPassword(String user) {
        return loadOrCreate(dir.resolve("kafka-" + user + "-password"), LocalSecrets::randomPassword);
    }

    private record KeyPairFiles(String privatePem, String publicPem) {

        static KeyPairFiles loadOrCreate(Path dir, String name) {
            Path privateFile = dir.resolve(name + "-private.pem");
            Path publicFile = dir.resolve(name + "-public.pem");
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                KeyPair pair = RsaKeys.generate();
                RsaKeys.writeOwnerOnly(privateFile, RsaKeys.privatePem(pair));
                RsaKeys.writeOwnerOnly(publicFile, RsaKeys.publicPem(pair));
            }
            return new KeyPairFiles(read(privateFile), read(publicFile));
        }
    }

    private static String loadOrCreate(Path file, java.util.function.Supplier<String> generator) {
        if (!Files.exists(file)) {
            RsaKeys.writeOwnerOnly(file, generator.get());
        }
        return read(file);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
