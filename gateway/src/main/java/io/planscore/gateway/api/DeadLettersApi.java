package io.planscore.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planscore.gateway.proxy.Upstream;
import io.planscore.gateway.security.Role;
import io.planscore.platform.deadletter.DeadLetterViews;
import io.planscore.platform.deadletter.DeadLetters;
import io.planscore.platform.problem.ProblemException;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Dead letters of every consumer, for administrators. A dead-letter topic is named
 * {@code <topic>.dlq.<consumer>}: the consumer's service answers for it (the gateway itself for its own
 * {@code .dlq.gateway}). The listing without {@code topic} gathers one page from each service.
 */
@Path("/api/v1/admin/dead-letters")
@RolesAllowed(Role.ADMIN)
@Tag(name = "Dead letters", description = "Records a consumer gave up on, and their redrive (administrators)")
public class DeadLettersApi {

    private static final List<Upstream> CONSUMING = List.of(Upstream.MEASUREMENTS, Upstream.SCORING);

    private final Forwarder forward;
    private final DeadLetters local;
    private final ObjectMapper mapper;

    public DeadLettersApi(Forwarder forward, DeadLetters local, ObjectMapper mapper) {
        this.forward = forward;
        this.local = local;
        this.mapper = mapper;
    }

    @GET
    @Blocking
    @Operation(summary = "Dead letters, one page of each dead-letter topic", description = """
            For each dead-letter topic (`<topic>.dlq.<consumer>`): how many records it holds, how many were
            re-driven already, and the page's records, ordered by partition and offset, each with its key,
            `reason` and `cause` (why the consumer gave up: a deterministic failure, or a transient one that
            outlasted the retries), original topic, partition and offset, when it was dead-lettered, and its
            value (at most 2,000 characters). `topic` narrows the answer to one topic.""")
    @APIResponse(responseCode = "200", description = "One page of each topic",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeadLetterViews.Listing.class),
                    examples = @ExampleObject(name = "one dead letter", value = """
                            {"page": 0, "size": 20, "topics": [{"topic": "measurements.recorded.v1.dlq.scoring-service",
                              "originalTopic": "measurements.recorded.v1", "service": "scoring-service", "total": 1,
                              "redriven": 0, "pending": 1, "records": [{"partition": 0, "offset": 0,
                              "timestamp": "2026-03-02T08:15:00Z", "key": "5f0c…", "originalTopic": "measurements.recorded.v1",
                              "originalPartition": 2, "originalOffset": 1184,
                              "reason": "Transient failure on channel measurements that outlasted every retry: …",
                              "cause": "…", "redriven": false, "valueBytes": 612, "value": "{\\"eventId\\": \\"7d1c…\\", …}",
                              "valueTruncated": false}]}]}""")))
    @APIResponse(responseCode = "400", description = "page < 0 or size outside 1..100 (problem+json)")
    @APIResponse(responseCode = "404", description = "`topic` is no consumer's dead-letter topic (problem+json)")
    @APIResponse(responseCode = "503", description = "A service or Kafka cannot be reached (problem+json)")
    public Response list(@Parameter(description = "Only this dead-letter topic, e.g. measurements.recorded.v1.dlq.scoring-service")
                         @QueryParam("topic") String topic,
                         @Parameter(description = "0-based page, default 0") @QueryParam("page") Integer page,
                         @Parameter(description = "Records per topic, 1..100, default 20") @QueryParam("size") Integer size)
            throws IOException {
        if (topic != null) {
            return owner(topic) == null ? Response.ok(local.list(topic, page, size)).build()
                    : forward.to(owner(topic)).toCompletableFuture().join();
        }
        DeadLetterViews.Listing own = local.list(null, page, size);
        List<CompletableFuture<Response>> answers = CONSUMING.stream()
                .map(upstream -> forward.to(upstream).toCompletableFuture()).toList();
        List<JsonNode> topics = new ArrayList<>();
        own.topics().forEach(each -> topics.add(mapper.valueToTree(each)));
        for (CompletableFuture<Response> answer : answers) {
            Response response = answer.join();
            if (response.getStatus() != 200) {
                return response;
            }
            mapper.readTree((byte[]) response.getEntity()).path("topics").forEach(topics::add);
        }
        topics.sort(Comparator.comparing(each -> each.path("topic").asText()));
        ObjectNode listing = mapper.createObjectNode().put("page", own.page()).put("size", own.size());
        ArrayNode array = listing.putArray("topics");
        topics.forEach(array::add);
        return Response.ok(listing, MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("/{topic}/redrive")
    @Blocking
    @Operation(summary = "Send a dead-letter topic's records back to their original topic", description = """
            Re-publishes every dead letter of `topic` not re-driven before to the topic it came from, with the
            same key and value (so the same eventId), and records how far it got (a consumer group of its own on
            the dead-letter topic): a second call sends only what was dead-lettered since. The consumers are
            idempotent on eventId, so a record that was processed after all changes nothing. Fix the cause
            first: see each record's `reason`.""")
    @APIResponse(responseCode = "200", description = "Re-driven",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeadLetterViews.Redrive.class),
                    examples = {
                            @ExampleObject(name = "one record re-driven", value = """
                                    {"topic": "measurements.recorded.v1.dlq.scoring-service",
                                     "originalTopic": "measurements.recorded.v1", "resent": 1, "redriven": 1, "total": 1}"""),
                            @ExampleObject(name = "called again: nothing new", value = """
                                    {"topic": "measurements.recorded.v1.dlq.scoring-service",
                                     "originalTopic": "measurements.recorded.v1", "resent": 0, "redriven": 1, "total": 1}""")}))
    @APIResponse(responseCode = "404", description = "No consumer's dead-letter topic (problem+json)")
    @APIResponse(responseCode = "503", description = "A service or Kafka cannot be reached, or the topic could not be "
            + "read to its end in time; what was re-driven is recorded: call again (problem+json)")
    public Response redrive(@PathParam("topic") String topic) {
        Upstream owner = owner(topic);
        if (owner != null) {
            return forward.to(owner).toCompletableFuture().join();
        }
        if (!local.owns(topic)) {
            throw ProblemException.notFound("Dead-letter topic", topic);
        }
        return Response.ok(local.redrive(topic)).build();
    }

    /** The service whose consumer wrote {@code topic}, or null for the gateway's own (or an unknown) topic. */
    private static Upstream owner(String topic) {
        return CONSUMING.stream().filter(upstream -> topic.endsWith(".dlq." + upstream.serviceName()))
                .findFirst().orElse(null);
    }
}
