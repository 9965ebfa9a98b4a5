#!/usr/bin/env bash
# Offline validation of planscore's deployment descriptors: no Docker daemon, no Kubernetes API
# server, no registry needed. Run from the repository root (CI: as root on Debian 12):
#
#   deploy/ci/validate-deployment.sh
#
# Checks, one result line each:
#   dockerfile  <module>/src/main/docker/Dockerfile.jvm exists, copies target/quarkus-app, EXPOSEs the
#               service's port and runs as user 185
#   secrets     no tracked file holds a private key (a PEM "BEGIN ... PRIVATE KEY" block)
#   compose     docker-compose.yml is accepted by `docker-compose config -q` (Debian's docker-compose
#               1.29.2, installed here with --no-install-recommends if missing) with its required
#               secrets set, refused without them, and publishes only the gateway port
#   kustomize   the base and the local overlay (with secrets made by its make-secrets.sh in a temporary
#               copy) render (`kubectl kustomize`; without kubectl the YAML
#               files listed in each kustomization.yaml are parsed and checked one by one instead)
#   k8s-schema  every core, apps, policy and networking document validates against the Kubernetes
#               OpenAPI schema (npm kubernetes-models@4.5.1, installed into a temporary directory)
#   k8s-rules   planscore's own rules: probes on /q/health/ready and /q/health/live, requests and
#               limits, Services select a Deployment, internal services only reachable from the gateway,
#               every KafkaTopic of docs/events.md present, Secrets referenced exist (or are a KafkaUser's)
#
# Idempotent: installs nothing that is already there and writes only to a temporary directory.
# Exit status: 0 when every check passes, 1 otherwise.
set -euo pipefail

if [[ ! -f docker-compose.yml || ! -d deploy/k8s ]]; then
    echo "FAIL  setup: run this from the repository root (docker-compose.yml and deploy/k8s/ not found in $PWD)"
    exit 1
fi

ROOT="$PWD"
FAILED=0
pass() { printf 'PASS  %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*"; FAILED=1; }
skip() { printf 'SKIP  %s\n' "$*"; }
indent() { sed 's/^/      /'; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/planscore-validate.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

as_root() {
    if [[ "$(id -u)" == 0 ]]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else return 1; fi
}

# --- 0. No committed private key -----------------------------------------------------------------
# The pattern is split so that this script does not match itself.
if git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    keys="$(git -C "$ROOT" ls-files -z | xargs -0 grep -l -e "PRIVATE KEY""-----" -- 2>/dev/null || true)"
    if [[ -n "$keys" ]]; then
        fail "secrets: tracked files hold a private key (generate keys at run time instead):"
        echo "$keys" | indent
    else
        pass "secrets: no tracked file holds a private key"
    fi
else
    fail "secrets: $ROOT is not a git work tree; cannot list the tracked files"
fi

# --- 1. Dockerfiles -------------------------------------------------------------------------------
for pair in plans-service:8081 measurements-service:8082 scoring-service:8083 gateway:8080; do
    module="${pair%%:*}" port="${pair##*:}"
    file="$module/src/main/docker/Dockerfile.jvm"
    if [[ ! -f "$file" ]]; then
        fail "dockerfile: $file is missing"
    elif ! grep -q '^FROM ' "$file" \
        || ! grep -q '^COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/' "$file" \
        || ! grep -q '^COPY --chown=185 target/quarkus-app/\*\.jar /deployments/' "$file" \
        || ! grep -q "^EXPOSE $port\$" "$file" \
        || ! grep -q '^USER 185$' "$file"; then
        fail "dockerfile: $file lacks FROM, the quarkus-app COPY layers, 'EXPOSE $port' or 'USER 185'"
    else
        pass "dockerfile: $file (EXPOSE $port, USER 185)"
    fi
done

# --- 2. docker-compose.yml ------------------------------------------------------------------------
if ! command -v docker-compose >/dev/null 2>&1; then
    echo "      docker-compose not found: installing Debian's docker-compose (--no-install-recommends)"
    if ! { as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
            && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose; } \
            > "$WORK/apt.log" 2>&1; then
        indent < "$WORK/apt.log" | tail -n 20
    fi
fi
if ! command -v docker-compose >/dev/null 2>&1; then
    fail "compose: docker-compose is not installed and could not be installed (needs root and Debian apt)"
else
    compose_version="$(docker-compose version --short 2>/dev/null || echo unknown)"
    # Validate with stand-in secrets only, whatever the caller's environment holds; without them,
    # Compose must refuse to start.
    SECRET_VARS=(DB_PASSWORD PLANSCORE_BOOTSTRAP_ADMIN_KEY PLANSCORE_IDENTITY_PUBLIC_KEY PLANSCORE_IDENTITY_PRIVATE_KEY MP_JWT_VERIFY_PUBLICKEY
        KAFKA_ADMIN_PASSWORD PLANS_SERVICE_KAFKA_PASSWORD MEASUREMENTS_SERVICE_KAFKA_PASSWORD SCORING_SERVICE_KAFKA_PASSWORD GATEWAY_KAFKA_PASSWORD)
    unset_all=(-u DB_USER -u PLANSCORE_VERSION -u PLANSCORE_GATEWAY_BIND -u PLANSCORE_GATEWAY_PORT)
    stand_ins=()
    for var in "${SECRET_VARS[@]}"; do unset_all+=(-u "$var"); stand_ins+=("$var=stand-in"); done
    if env "${unset_all[@]}" "${stand_ins[@]}" \
            docker-compose -f docker-compose.yml config -q > "$WORK/compose.log" 2>&1; then
        pass "compose: docker-compose $compose_version accepts docker-compose.yml (config -q)"
    else
        fail "compose: docker-compose $compose_version rejects docker-compose.yml:"
        indent < "$WORK/compose.log"
    fi
    if env "${unset_all[@]}" docker-compose -f docker-compose.yml config -q > "$WORK/compose-unset.log" 2>&1; then
        fail "compose: docker-compose.yml starts without its secrets (${SECRET_VARS[*]})"
    else
        pass "compose: refused without its secrets"
    fi
    # Only the gateway may publish a port.
    if env "${stand_ins[@]}" docker-compose -f docker-compose.yml config > "$WORK/compose.resolved.yml" 2>/dev/null; then
        published="$(awk '
            /^services:/ { in_services = 1; next }
            in_services && /^[^ ]/ { in_services = 0 }
            in_services && /^  [A-Za-z0-9_.-]+:$/ { service = $1; sub(":", "", service) }
            in_services && /^    ports:/ { print service }' "$WORK/compose.resolved.yml" | sort -u | tr '\n' ' ')"
        if [[ "$published" == "gateway " ]]; then
            pass "compose: only the gateway publishes a port"
        else
            fail "compose: services publishing ports: '${published}' (expected only gateway)"
        fi
    fi
fi

# --- 3. Kustomize ---------------------------------------------------------------------------------
RENDERED=()
if command -v kubectl >/dev/null 2>&1; then
    # The local overlay's Secrets are made from generated files: render a copy with its own.
    cp -r deploy/k8s "$WORK/k8s"
    bash "$WORK/k8s/overlays/local/make-secrets.sh" > /dev/null
    for dir in deploy/k8s/base deploy/k8s/overlays/local; do
        out="$WORK/$(echo "$dir" | tr '/' '_').yaml"
        if kubectl kustomize "$WORK/${dir#deploy/}" > "$out" 2> "$WORK/kustomize.log"; then
            pass "kustomize: kubectl kustomize $dir renders $(grep -c '^kind:' "$out") documents"
            RENDERED+=("$dir=$out")
        else
            fail "kustomize: kubectl kustomize $dir failed:"
            indent < "$WORK/kustomize.log"
        fi
    done
    MODE=rendered
else
    skip "kustomize: kubectl not found; validating the files listed in each kustomization.yaml directly (generators and patches not applied)"
    MODE=files
fi

# --- 4. Schema and rules (node) -------------------------------------------------------------------
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    fail "k8s-schema: node and npm are required for the schema validation"
    exit 1
fi
mkdir -p "$WORK/node"
if ! (cd "$WORK/node" && npm init -y >/dev/null 2>&1 \
        && npm install --no-audit --no-fund --loglevel=error \
            kubernetes-models@4.5.1 @kubernetes-models/validate@4.0.0 js-yaml@4.3.2) > "$WORK/npm.log" 2>&1; then
    fail "k8s-schema: npm install of kubernetes-models@4.5.1, @kubernetes-models/validate, js-yaml failed:"
    indent < "$WORK/npm.log" | tail -n 20
    exit 1
fi

cat > "$WORK/node/validate.mjs" <<'NODE'
// usage: node validate.mjs rendered <label>=<file>...   |   node validate.mjs files <kustomization dir>...
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';

const [mode, ...args] = process.argv.slice(2);
let failed = false;
const pass = (msg) => console.log(`PASS  ${msg}`);
const fail = (msg, details = []) => {
  failed = true;
  console.log(`FAIL  ${msg}`);
  for (const d of details) console.log(`      ${d}`);
};

// The API groups kubernetes-models ships typed, schema-checked classes for.
const MODEL_GROUPS = new Set(['v1', 'apps/v1', 'policy/v1', 'networking.k8s.io/v1', 'batch/v1', 'autoscaling/v2']);

async function schemaErrors(doc) {
  // Kustomize wraps the base64 of long Secret values (PEM keys) over several lines; the API server's
  // decoder skips line breaks, the schema's "byte" format does not.
  if (doc.kind === 'Secret' && doc.data) {
    doc = { ...doc, data: Object.fromEntries(Object.entries(doc.data).map(([k, v]) => [k, String(v).replace(/\s+/g, '')])) };
  }
  const mod = await import(`kubernetes-models/${doc.apiVersion}/${doc.kind}`);
  const Model = mod[doc.kind] ?? mod.default;
  try {
    new Model(doc).validate();
    return null;
  } catch (e) {
    return e.message.replace(/\s+/g, ' ');
  }
}

function loadDocs(file) {
  return yaml.loadAll(fs.readFileSync(file, 'utf8')).filter((d) => d && typeof d === 'object');
}

// Every resource file a kustomization (and the kustomizations it includes) lists.
function kustomizationFiles(dir, seen = new Set()) {
  const kfile = path.join(dir, 'kustomization.yaml');
  const k = yaml.load(fs.readFileSync(kfile, 'utf8'));
  const files = [];
  for (const r of k.resources ?? []) {
    const p = path.join(dir, r);
    if (seen.has(p)) continue;
    seen.add(p);
    if (!fs.existsSync(p)) throw new Error(`${kfile}: resource ${r} does not exist`);
    if (fs.statSync(p).isDirectory()) files.push(...kustomizationFiles(p, seen));
    else files.push(p);
  }
  return files;
}

// planscore's own rules, on a set of documents (a rendered kustomization, or base files).
function planscoreRules(label, docs, complete) {
  const problems = [];
  const byKind = (kind) => docs.filter((d) => d.kind === kind);
  const deployments = byKind('Deployment').filter((d) => d.metadata?.labels?.['app.kubernetes.io/part-of'] === 'planscore');
  const expected = { gateway: 8080, 'plans-service': 8081, 'measurements-service': 8082, 'scoring-service': 8083 };
  for (const [name, port] of Object.entries(expected)) {
    const dep = deployments.find((d) => d.metadata.name === name);
    if (!dep) { problems.push(`Deployment ${name} is missing`); continue; }
    const c = dep.spec.template.spec.containers[0];
    if (c.readinessProbe?.httpGet?.path !== '/q/health/ready') problems.push(`${name}: readinessProbe is not /q/health/ready`);
    if (c.livenessProbe?.httpGet?.path !== '/q/health/live') problems.push(`${name}: livenessProbe is not /q/health/live`);
    if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory || !c.resources?.limits?.memory) problems.push(`${name}: resources requests/limits incomplete`);
    if (!(c.ports ?? []).some((p) => p.containerPort === port)) problems.push(`${name}: containerPort ${port} missing`);
    if (!(c.envFrom ?? []).some((e) => e.configMapRef) || !(c.envFrom ?? []).some((e) => e.secretRef)) problems.push(`${name}: env must come from a ConfigMap and a Secret`);
  }
  const scoring = deployments.find((d) => d.metadata.name === 'scoring-service');
  if (scoring && !(scoring.spec.replicas >= 2)) problems.push('scoring-service: replicas should be 2 or more');
  // Services select existing pods.
  for (const svc of byKind('Service')) {
    const sel = svc.spec?.selector ?? {};
    const podLabels = [...byKind('Deployment'), ...byKind('StatefulSet')].map((d) => d.spec.template.metadata.labels ?? {});
    if (!podLabels.some((l) => Object.entries(sel).every(([k, v]) => l[k] === v))) problems.push(`Service ${svc.metadata.name} selects no pod template`);
  }
  // Internal services: ingress only from the gateway (and plans-service from measurements-service,
  // which asks it for plan versions that have not reached it on Kafka yet).
  const policies = byKind('NetworkPolicy');
  const callers = (name) => name === 'plans-service' ? ['gateway', 'measurements-service'] : ['gateway'];
  const deny = policies.find((p) => p.spec.podSelector?.matchLabels?.['app.kubernetes.io/part-of'] === 'planscore' && !p.spec.ingress);
  if (!deny) problems.push('no default-deny ingress NetworkPolicy for planscore pods');
  for (const name of ['plans-service', 'measurements-service', 'scoring-service']) {
    const applying = policies.filter((p) => p.spec.podSelector?.matchLabels?.['app.kubernetes.io/name'] === name);
    const ok = applying.length > 0 && applying.every((p) => (p.spec.ingress ?? []).every((rule) =>
      (rule.from ?? []).length > 0 && rule.from.every((f) => callers(name).includes(f.podSelector?.matchLabels?.['app.kubernetes.io/name']) && !f.namespaceSelector && !f.ipBlock)));
    if (!ok) problems.push(`${name}: no NetworkPolicy limiting ingress to the gateway`);
  }
  // Topics of docs/events.md.
  const topics = new Set(byKind('KafkaTopic').map((t) => t.spec?.topicName ?? t.metadata.name));
  for (const t of ['plans.plan-versions.v1', 'measurements.submitted.v1', 'measurements.recorded.v1', 'measurements.rejected.v1', 'scoring.score-updated.v1', 'scoring.peer-results.v1']) {
    if (!topics.has(t)) problems.push(`KafkaTopic ${t} is missing`);
  }
  const pv = byKind('KafkaTopic').find((t) => t.spec?.topicName === 'plans.plan-versions.v1');
  if (pv && pv.spec.config?.['cleanup.policy'] !== 'compact') problems.push('plans.plan-versions.v1 must be compacted');
  // In a complete rendering, every referenced ConfigMap and Secret exists.
  if (complete) {
    const names = (kind) => new Set(byKind(kind).map((d) => d.metadata.name));
    // Strimzi's User Operator makes a Secret named after each KafkaUser (its SCRAM credentials).
    const cms = names('ConfigMap'), secrets = new Set([...names('Secret'), ...names('KafkaUser')]);
    for (const w of [...byKind('Deployment'), ...byKind('StatefulSet')]) {
      const spec = w.spec.template.spec;
      for (const c of spec.containers) {
        for (const e of c.envFrom ?? []) {
          if (e.configMapRef && !cms.has(e.configMapRef.name)) problems.push(`${w.metadata.name}: ConfigMap ${e.configMapRef.name} not defined`);
          if (e.secretRef && !secrets.has(e.secretRef.name)) problems.push(`${w.metadata.name}: Secret ${e.secretRef.name} not defined`);
        }
        for (const e of c.env ?? []) {
          const ref = e.valueFrom?.secretKeyRef;
          if (ref && !secrets.has(ref.name)) problems.push(`${w.metadata.name}: Secret ${ref.name} not defined`);
        }
      }
      for (const v of spec.volumes ?? []) {
        if (v.configMap && !cms.has(v.configMap.name)) problems.push(`${w.metadata.name}: ConfigMap ${v.configMap.name} not defined`);
      }
    }
  }
  if (problems.length) fail(`k8s-rules: ${label}: ${problems.length} problem(s)`, problems);
  else pass(`k8s-rules: ${label}: probes, resources, selectors, NetworkPolicies, topics${complete ? ', ConfigMap/Secret references' : ''}`);
}

async function validateSet(label, docs) {
  const errors = [];
  let checked = 0;
  const skipped = new Map();
  for (const doc of docs) {
    const id = `${doc.apiVersion}/${doc.kind} ${doc.metadata?.name ?? '?'}`;
    if (!doc.apiVersion || !doc.kind || !doc.metadata?.name) { errors.push(`${id}: apiVersion, kind and metadata.name are required`); continue; }
    if (doc.kind === 'Kustomization') continue;
    if (!MODEL_GROUPS.has(doc.apiVersion)) {
      // Custom resources (Strimzi): no schema here, only the basic shape.
      if (typeof doc.spec !== 'object') errors.push(`${id}: spec missing`);
      skipped.set(`${doc.apiVersion}/${doc.kind}`, (skipped.get(`${doc.apiVersion}/${doc.kind}`) ?? 0) + 1);
      continue;
    }
    let err;
    try { err = await schemaErrors(doc); } catch (e) { err = `no model for ${doc.apiVersion}/${doc.kind} (${e.message})`; }
    if (err) errors.push(`${id}: ${err}`);
    checked++;
  }
  const crs = [...skipped].map(([k, n]) => `${n} ${k}`).join(', ');
  if (errors.length) fail(`k8s-schema: ${label}: ${errors.length} of ${checked} documents invalid`, errors);
  else pass(`k8s-schema: ${label}: ${checked} core/apps/policy/networking documents valid${crs ? `; custom resources shape-checked only: ${crs}` : ''}`);
}

if (mode === 'rendered') {
  for (const arg of args) {
    const [label, file] = arg.split('=');
    const docs = loadDocs(file);
    await validateSet(label, docs);
    planscoreRules(label, docs, label.includes('overlays/'));
  }
} else {
  for (const dir of args) {
    const label = path.relative(process.env.ROOT ?? '/', dir);
    let files;
    try { files = kustomizationFiles(dir); } catch (e) { fail(`kustomize: ${label}: ${e.message}`); continue; }
    const docs = [];
    let unparsable = 0;
    for (const f of files) {
      try { docs.push(...loadDocs(f)); } catch (e) { unparsable++; fail(`yaml: ${path.relative(process.env.ROOT ?? '/', f)} does not parse: ${e.message.split('\n')[0]}`); }
    }
    if (!unparsable) pass(`yaml: ${label}: kustomization.yaml and its ${files.length} resource files parse`);
    await validateSet(`${label} (files)`, docs);
    if (!label.includes('overlays/')) planscoreRules(`${label} (files)`, docs, false);
  }
}
process.exit(failed ? 1 : 0);
NODE

node_status=0
if [[ "$MODE" == rendered ]]; then
    if (( ${#RENDERED[@]} > 0 )); then
        (cd "$WORK/node" && node validate.mjs rendered "${RENDERED[@]}") || node_status=$?
    fi
else
    (cd "$WORK/node" && ROOT="$ROOT" node validate.mjs files "$ROOT/deploy/k8s/base" "$ROOT/deploy/k8s/overlays/local") || node_status=$?
fi
(( node_status == 0 )) || FAILED=1

if (( FAILED )); then
    echo "RESULT: deployment validation FAILED"
    exit 1
fi
echo "RESULT: deployment validation passed"
