#!/usr/bin/env bash
# Kafka users and ACLs of planscore on the Compose broker, run by the one-shot service kafka-setup before the
# services start (again on every `docker compose up`: it only upserts), signed in as the super user admin.
# The same grants as deploy/k8s/base/kafka-users.yaml and deploy/embedded-infra KafkaAccess.
#
#   kafka-setup.sh                      each service's SCRAM user (password from <SERVICE>_KAFKA_PASSWORD) and ACLs
#   kafka-setup.sh health               the broker answers the super user (the kafka service's health check)
#   kafka-setup.sh agency <agencyId>    agency <agencyId>: its topic, user agency-<agencyId> (password from
#                                       AGENCY_KAFKA_PASSWORD) allowed to write only that topic
set -euo pipefail
bootstrap="${KAFKA_BOOTSTRAP:-kafka:9092}"
bin=/opt/kafka/bin
admin_config="$(mktemp)"
trap 'rm -f "$admin_config"' EXIT
cat > "$admin_config" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${PLANSCORE_KAFKA_ADMIN_PASSWORD:?}";
PROPERTIES

user() { # name password
    "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --command-config "$admin_config" --alter \
        --entity-type users --entity-name "$1" --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]" > /dev/null
}
allow() { # principal operation resource-options...
    local principal="$1" operation="$2"
    shift 2
    "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --command-config "$admin_config" --add --force \
        --allow-principal "User:$principal" --operation "$operation" "$@" > /dev/null
}
owns() { allow "$1" All --topic "$2"; }
consumes() { allow "$1" Read --topic "$2"; allow "$1" Write --topic "$2"; } # Write: dead-letter redrive
group() { allow "$1" Read --group "$2" --resource-pattern-type prefixed; }

if [[ "${1:-}" == health ]]; then
    exec "$bin/kafka-broker-api-versions.sh" --bootstrap-server "$bootstrap" --command-config "$admin_config"
fi

if [[ "${1:-}" == agency ]]; then
    agency="${2:?usage: kafka-setup.sh agency <agencyId>}"
    topic="measurements.submitted.v1.agency.$agency"
    "$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --command-config "$admin_config" --create --if-not-exists \
        --topic "$topic" --partitions 3 --config retention.ms=604800000 > /dev/null
    user "agency-$agency" "${AGENCY_KAFKA_PASSWORD:?set AGENCY_KAFKA_PASSWORD}"
    allow "agency-$agency" Write --topic "$topic"
    echo "Kafka user agency-$agency may write only $topic"
    exit 0
fi

user plans-service "${PLANS_SERVICE_KAFKA_PASSWORD:?}"
owns plans-service plans.plan-versions.v1

user measurements-service "${MEASUREMENTS_SERVICE_KAFKA_PASSWORD:?}"
owns measurements-service measurements.recorded.v1
owns measurements-service measurements.rejected.v1
# the administrators' topic, every agency's topic and their dead letters
allow measurements-service All --topic measurements.submitted.v1 --resource-pattern-type prefixed
consumes measurements-service plans.plan-versions.v1
owns measurements-service plans.plan-versions.v1.dlq.measurements-service
group measurements-service measurements-service

user scoring-service "${SCORING_SERVICE_KAFKA_PASSWORD:?}"
allow scoring-service All --topic scoring. --resource-pattern-type prefixed
consumes scoring-service plans.plan-versions.v1
consumes scoring-service measurements.recorded.v1
owns scoring-service plans.plan-versions.v1.dlq.scoring-service
owns scoring-service measurements.recorded.v1.dlq.scoring-service
group scoring-service scoring-service

user gateway "${GATEWAY_KAFKA_PASSWORD:?}"
consumes gateway scoring.score-updated.v1
owns gateway scoring.score-updated.v1.dlq.gateway
group gateway gateway

echo "Kafka users and ACLs of plans-service, measurements-service, scoring-service and gateway are in place"
