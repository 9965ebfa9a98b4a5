package io.planscore.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Holds the public document to its word while the end-to-end tests run: every call under {@code /api/v1/} must
 * be an operation of the gateway's OpenAPI document and be answered with a status that operation lists, or the
 * call fails the test that made it.
 */
final class DocumentedStatuses implements Filter {

    private record Operation(String method, Pattern path, String name, Set<Integer> statuses) {
    }

    private final List<Operation> operations;

    private DocumentedStatuses(List<Operation> operations) {
        this.operations = operations;
    }

    /** The operations of the document the gateway serves, as built into {@code gateway/target/openapi}. */
    static DocumentedStatuses ofPublicDocument(Path home) {
        JsonNode document;
        try {
            document = new ObjectMapper().readTree(home.resolve("gateway/target/openapi/openapi.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Operation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            Set<Integer> statuses = new HashSet<>();
            operation.getValue().path("responses").fieldNames().forEachRemaining(status -> statuses.add(Integer.valueOf(status)));
            operations.add(new Operation(operation.getKey().toUpperCase(),
                    Pattern.compile(path.getKey().replaceAll("\\{[^}]+}", "[^/]+")),
                    operation.getKey().toUpperCase() + " " + path.getKey(), statuses));
        }));
        return new DocumentedStatuses(operations);
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Response response = context.next(request, responseSpec);
        String path = URI.create(request.getURI()).getRawPath();
        if (!path.startsWith("/api/v1/")) {
            return response;
        }
        Operation operation = operations.stream()
                .filter(o -> o.method().equalsIgnoreCase(request.getMethod()) && o.path().matcher(path).matches())
                .findFirst()
                .orElseThrow(() -> new AssertionError(request.getMethod() + " " + path + " is not an operation of the public document"));
        if (!operation.statuses().contains(response.statusCode())) {
            throw new AssertionError(operation.name() + " answered " + response.statusCode()
                    + ", which its OpenAPI description does not list (it lists " + operation.statuses() + ")");
        }
        return response;
    }
}
