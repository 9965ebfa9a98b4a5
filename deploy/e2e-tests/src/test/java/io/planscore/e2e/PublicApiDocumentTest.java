package io.planscore.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * The public API is described once, by the services that own it ({@link PublicApiDocument}): the gateway's
 * static document is exactly their union, and the document the gateway serves keeps every service operation as
 * its service describes it (its success included), with the gateway's own refusals added.
 *
 * <p>After changing a service's OpenAPI annotations, regenerate the gateway's document:
 * {@value #REGENERATE}.
 */
class PublicApiDocumentTest {

    private static final String REGENERATE = "./mvnw -B verify -pl deploy/e2e-tests -am -Dtest=PublicApiDocumentTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dplanscore.openapi.write=true";
    private static final String HEADER = """
            # The public API of the operations the gateway forwards, generated from the services' own OpenAPI
            # annotations by deploy/e2e-tests PublicApiDocumentTest: do not edit; change the service and run
            #   %s
            """.formatted(REGENERATE);

    private static final Path HOME = Path.of(System.getProperty("planscore.home", "../..")).toAbsolutePath().normalize();
    private static final Path STATIC_DOCUMENT = HOME.resolve("gateway/src/main/resources/META-INF/openapi.yaml");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE));

    @Test
    void theGatewaysStaticDocumentIsTheUnionOfWhatTheServicesDescribe() throws IOException {
        JsonNode union = new PublicApiDocument().merge(HOME);
        if (Boolean.getBoolean("planscore.openapi.write")) {
            Files.writeString(STATIC_DOCUMENT, HEADER + YAML.writeValueAsString(union), StandardCharsets.UTF_8);
        }
        assertThat(YAML.readTree(STATIC_DOCUMENT.toFile()))
                .as("%s is not what the services describe now; regenerate it: %s", HOME.relativize(STATIC_DOCUMENT), REGENERATE)
                .isEqualTo(union);
    }

    @Test
    void theGatewayServesEveryServiceOperationAsItsServiceDescribesIt() throws IOException {
        JsonNode union = new PublicApiDocument().merge(HOME);
        JsonNode served = new ObjectMapper().readTree(HOME.resolve("gateway/target/openapi/openapi.json").toFile());
        assertSoftly(softly -> union.path("paths").fields().forEachRemaining(path ->
                path.getValue().fields().forEachRemaining(operation -> {
                    String name = operation.getKey().toUpperCase() + " " + path.getKey();
                    JsonNode described = operation.getValue();
                    JsonNode published = served.path("paths").path(path.getKey()).path(operation.getKey());
                    softly.assertThat(published.isObject()).as("%s is served", name).isTrue();
                    for (String field : new String[] {"summary", "description", "parameters", "requestBody", "tags"}) {
                        softly.assertThat(published.path(field)).as("%s %s", name, field).isEqualTo(described.path(field));
                    }
                    softly.assertThat(described.path("responses").fieldNames()).toIterable().as("%s documents its success", name)
                            .anyMatch(status -> status.startsWith("2"));
                    described.path("responses").fields().forEachRemaining(response -> softly
                            .assertThat(published.path("responses").path(response.getKey()))
                            .as("%s response %s", name, response.getKey()).isEqualTo(response.getValue()));
                    softly.assertThat(published.path("security").isEmpty()).as("%s names its credential", name).isFalse();
                    for (String refusal : new String[] {"401", "403", "429", "503", "504"}) {
                        softly.assertThat(published.path("responses").has(refusal)).as("%s lists %s", name, refusal).isTrue();
                    }
                })));
    }
}
