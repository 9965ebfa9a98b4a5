package io.planscore.infra;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.eclipse.microprofile.config.ConfigProvider;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place tests get credentials from. Keys are generated when a test JVM starts; nothing is
 * committed. {@link RealInfraResource} hands them to every {@code @QuarkusTest} application:
 * <ul>
 *   <li>the service identity pair: the gateway (and measurements-service) sign callers with its private
 *       key, every internal service verifies with its public key;</li>
 *   <li>the bearer-JWT pair the gateway trusts for public callers ({@code mp.jwt.verify.publickey}).</li>
 * </ul>
 * {@link #asAdmin()}, {@link #asAgency(String)}, {@link #asViewer()} and {@link #as} start a REST Assured
 * request to the service under test with a fresh identity, as the gateway would send it; {@link #admin()}
 * and the like are the bare {@code Authorization} header values.
 */
public final class TestIdentities {

    public static final String HEADER = "Authorization";
    /** The claims {@code io.planscore.platform.security.ServiceIdentity} expects (kept in step with it). */
    public static final String ISSUER = "planscore-internal";
    public static final String AGENCY_CLAIM = "agency";
    public static final String PUBLIC_JWT_ISSUER = "planscore";

    private static final KeyPair SERVICE_KEYS = RsaKeys.generate();
    private static final KeyPair PUBLIC_JWT_KEYS = RsaKeys.generate();
    private static final KeyPair FOREIGN_KEYS = RsaKeys.generate();

    private TestIdentities() {
    }

    /** The configuration a test application needs to sign and verify identities and public JWTs. */
    public static Map<String, String> config() {
        return Map.of(
                "planscore.identity.public-key", RsaKeys.publicPem(SERVICE_KEYS),
                "planscore.identity.private-key", RsaKeys.privatePem(SERVICE_KEYS),
                "mp.jwt.verify.publickey", RsaKeys.publicPem(PUBLIC_JWT_KEYS));
    }

    public static RequestSpecification asAdmin() {
        return as("test-admin", "admin", null);
    }

    public static RequestSpecification asAgency(String agencyId) {
        return as("key:" + agencyId, "agency", agencyId);
    }

    public static RequestSpecification asViewer() {
        return as("test-viewer", "viewer", null);
    }

    /** A request by {@code principal} (kept in audit fields) with {@code role}, and its agency if any. */
    public static RequestSpecification as(String principal, String role, String agencyId) {
        return RestAssured.given().header(HEADER, bearer(token(principal, role, agencyId)));
    }

    /**
     * Identities the service under test must refuse with 401, by name: none at all, an admin signed with a
     * foreign key, an expired one, one addressed to another service, one of another issuer, not a JWT.
     */
    public static Map<String, RequestSpecification> refused() {
        Instant soon = Instant.now().plusSeconds(60);
        Map<String, RequestSpecification> refused = new LinkedHashMap<>();
        refused.put("no identity", RestAssured.given());
        refused.put("forged", withToken(identity(audience(), "mallory", "admin", null, soon).sign(FOREIGN_KEYS.getPrivate())));
        refused.put("expired", withToken(identity(audience(), "late", "admin", null, Instant.now().minusSeconds(120))
                .sign(SERVICE_KEYS.getPrivate())));
        refused.put("for another service", withToken(identity("another-service", "ada", "admin", null, soon)
                .sign(SERVICE_KEYS.getPrivate())));
        refused.put("of another issuer", withToken(identity(audience(), "eve", "admin", null, soon).issuer("elsewhere")
                .sign(SERVICE_KEYS.getPrivate())));
        refused.put("a public JWT", withToken(Jwt.issuer(PUBLIC_JWT_ISSUER).upn("ada").groups("admin")
                .sign(PUBLIC_JWT_KEYS.getPrivate())));
        refused.put("not a JWT", RestAssured.given().header(HEADER, "Bearer planscore-local-internal-token"));
        return refused;
    }

    private static RequestSpecification withToken(String token) {
        return RestAssured.given().header(HEADER, bearer(token));
    }

    public static String admin() {
        return bearer(token("test-admin", "admin", null));
    }

    public static String agency(String agencyId) {
        return bearer(token("key:" + agencyId, "agency", agencyId));
    }

    public static String viewer() {
        return bearer(token("test-viewer", "viewer", null));
    }

    /** A valid identity for the application under test, good for 60 seconds. */
    public static String token(String principal, String role, String agencyId) {
        return identity(audience(), principal, role, agencyId, Instant.now().plusSeconds(60)).sign(SERVICE_KEYS.getPrivate());
    }

    /** The claims of an identity, to be signed by the caller: e.g. expired, or with {@link #foreignKey()}. */
    public static JwtClaimsBuilder identity(String audience, String principal, String role, String agencyId,
                                            Instant expiresAt) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER).audience(audience).subject(principal).upn(principal).groups(role)
                .issuedAt(expiresAt.minusSeconds(60)).expiresAt(expiresAt);
        return agencyId == null ? claims : claims.claim(AGENCY_CLAIM, agencyId);
    }

    public static PrivateKey serviceKey() {
        return SERVICE_KEYS.getPrivate();
    }

    /** What the internal services verify identities with (for test stand-ins of a service). */
    public static PublicKey servicePublicKey() {
        return SERVICE_KEYS.getPublic();
    }

    /** The key the gateway trusts for public bearer JWTs (issuer {@value #PUBLIC_JWT_ISSUER}). */
    public static PrivateKey publicJwtKey() {
        return PUBLIC_JWT_KEYS.getPrivate();
    }

    /** A key nobody trusts: what a forger would sign with. */
    public static PrivateKey foreignKey() {
        return FOREIGN_KEYS.getPrivate();
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** The service under test: tokens are addressed to it. */
    public static String audience() {
        return ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
    }
}
