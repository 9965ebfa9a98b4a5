#!/usr/bin/env bash
# Generates the local overlay's secrets into secrets/ next to this script, once (existing files are
# kept): the service identity key pair, the key pair of public bearer JWTs (sign tokens with
# jwt-issuer-private.pem, issuer "planscore"), the database password, the bootstrap admin key and
# Compose's Kafka passwords (kafka.env).
# Files are readable by their owner only and never committed (.gitignore).
set -euo pipefail
dir="${1:-$(dirname "$0")/secrets}"
umask 077
mkdir -p "$dir"
cd "$dir"

key_pair() {
    [[ -f "$1-private.pem" && -f "$1-public.pem" ]] && return
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1-private.pem" 2>/dev/null
    openssl pkey -in "$1-private.pem" -pubout -out "$1-public.pem"
}
random() { openssl rand -base64 32 | tr -d '/+=\n'; }

key_pair identity
key_pair jwt-issuer
[[ -f db.env ]] || printf 'DB_USER=planscore\nDB_PASSWORD=%s\n' "$(random)" > db.env
[[ -f gateway.env ]] || printf 'PLANSCORE_BOOTSTRAP_ADMIN_KEY=psk_%s\n' "$(random)" > gateway.env
# Compose's Kafka passwords: the super user and each service's user (on Kubernetes, Strimzi makes them).
[[ -f kafka.env ]] || printf 'KAFKA_ADMIN_PASSWORD=%s\nPLANS_SERVICE_KAFKA_PASSWORD=%s\nMEASUREMENTS_SERVICE_KAFKA_PASSWORD=%s\nSCORING_SERVICE_KAFKA_PASSWORD=%s\nGATEWAY_KAFKA_PASSWORD=%s\n' \
    "$(random)" "$(random)" "$(random)" "$(random)" "$(random)" > kafka.env
echo "Secrets in $PWD (bootstrap admin key: $(cut -d= -f2 gateway.env))"
