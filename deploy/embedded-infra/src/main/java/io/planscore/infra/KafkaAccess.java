package io.planscore.infra;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who may do what on a secured broker: the ACLs of each service's Kafka user and of an agency's. The same grants
 * as the Strimzi {@code KafkaUser}s in deploy/k8s and the commands in docs/operations.md.
 *
 * <ul>
 *   <li>A service owns (ALL, creation included: its TopicProvisioner) the topics it produces and its dead-letter
 *       topics, reads the topics it consumes (and may write them: a dead-letter redrive sends records back there)
 *       with consumer groups named after it.</li>
 *   <li>Agency {@code <agencyId>} (user {@code agency-<agencyId>}) may only write its own submitted topic: the
 *       topic is how measurements-service knows the sender.</li>
 * </ul>
 */
public final class KafkaAccess {

    /** The topic an agency writes its measurement events to. */
    public static final String AGENCY_TOPIC_PREFIX = "measurements.submitted.v1.agency.";

    private static final Map<String, List<Grant>> SERVICES = Map.of(
            "plans-service", List.of(
                    owns("plans.plan-versions.v1")),
            "measurements-service", List.of(
                    owns("measurements.recorded.v1"),
                    owns("measurements.rejected.v1"),
                    // the administrators' topic, every agency's topic and their dead letters
                    new Grant(ResourceType.TOPIC, "measurements.submitted.v1", PatternType.PREFIXED,
                            List.of(AclOperation.ALL)),
                    consumes("plans.plan-versions.v1"),
                    owns("plans.plan-versions.v1.dlq.measurements-service"),
                    group("measurements-service")),
            "scoring-service", List.of(
                    new Grant(ResourceType.TOPIC, "scoring.", PatternType.PREFIXED, List.of(AclOperation.ALL)),
                    consumes("plans.plan-versions.v1"),
                    consumes("measurements.recorded.v1"),
                    owns("plans.plan-versions.v1.dlq.scoring-service"),
                    owns("measurements.recorded.v1.dlq.scoring-service"),
                    group("scoring-service")),
            "gateway", List.of(
                    consumes("scoring.score-updated.v1"),
                    owns("scoring.score-updated.v1.dlq.gateway"),
                    // one group per replica (gateway-<uuid>) and gateway.dead-letter-redrive
                    group("gateway")));

    private KafkaAccess() {
    }

    /** The services that have a Kafka user of their own, named like them. */
    public static List<String> services() {
        return SERVICES.keySet().stream().sorted().toList();
    }

    public static List<AclBinding> serviceAcls(String service) {
        List<Grant> grants = SERVICES.get(service);
        if (grants == null) {
            throw new IllegalArgumentException("No Kafka grants for " + service);
        }
        return bindings(service, grants);
    }

    /** The topics {@code service} reads but other services own (and create). */
    public static List<String> consumedTopics(String service) {
        return SERVICES.getOrDefault(service, List.of()).stream()
                .filter(grant -> grant.type() == ResourceType.TOPIC && grant.operations().contains(AclOperation.READ))
                .map(Grant::name).toList();
    }

    /** The user name of an agency's systems. */
    public static String agencyUser(String agencyId) {
        return "agency-" + agencyId;
    }

    public static String agencyTopic(String agencyId) {
        return AGENCY_TOPIC_PREFIX + agencyId;
    }

    /** WRITE (which implies DESCRIBE) on its own topic and nothing else. */
    public static List<AclBinding> agencyAcls(String agencyId) {
        return bindings(agencyUser(agencyId), List.of(
                new Grant(ResourceType.TOPIC, agencyTopic(agencyId), PatternType.LITERAL,
                        List.of(AclOperation.WRITE))));
    }

    private record Grant(ResourceType type, String name, PatternType pattern, List<AclOperation> operations) {
    }

    private static Grant owns(String topic) {
        return new Grant(ResourceType.TOPIC, topic, PatternType.LITERAL, List.of(AclOperation.ALL));
    }

    /** READ, and WRITE for a dead-letter redrive. */
    private static Grant consumes(String topic) {
        return new Grant(ResourceType.TOPIC, topic, PatternType.LITERAL,
                List.of(AclOperation.READ, AclOperation.WRITE));
    }

    private static Grant group(String prefix) {
        return new Grant(ResourceType.GROUP, prefix, PatternType.PREFIXED, List.of(AclOperation.READ));
    }

    private static List<AclBinding> bindings(String user, List<Grant> grants) {
        List<AclBinding> bindings = new ArrayList<>();
        for (Grant grant : grants) {
            ResourcePattern resource = new ResourcePattern(grant.type(), grant.name(), grant.pattern());
            for (AclOperation operation : grant.operations()) {
                bindings.add(new AclBinding(resource,
                        new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW)));
            }
        }
        return bindings;
    }
}
