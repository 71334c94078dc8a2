#!/usr/bin/env node
// Checks a `helm template` render of deploy/charts/lotus-saga against the rules the chart promises,
// and against the values it was rendered with (so a template that ignores a value is caught too).
//
//   node check-manifests.cjs --chart <chart dir> [--values extra.yaml ...] --name <label> render.yaml
//
// Prints the manifest count and, on any violation, one line per violation; exits 1 then.
'use strict';

const fs = require('fs');
const path = require('path');
const YAML = require('./yaml.cjs');

// --- arguments and values ------------------------------------------------------------------------

function parseArgs(argv) {
  const args = { values: [], name: 'render', chart: null, file: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--values') args.values.push(argv[++i]);
    else if (a === '--chart') args.chart = argv[++i];
    else if (a === '--name') args.name = argv[++i];
    else if (!args.file) args.file = a;
    else throw new Error(`unexpected argument ${a}`);
  }
  if (!args.chart || !args.file) {
    throw new Error('usage: check-manifests.cjs --chart DIR [--values FILE ...] [--name LABEL] RENDER');
  }
  return args;
}

const isMap = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

// Helm's coalescing of values files: maps merge, later files win, null deletes a key.
function coalesce(base, override) {
  const out = { ...base };
  for (const [k, v] of Object.entries(override || {})) {
    if (v === null) delete out[k];
    else if (isMap(v) && isMap(out[k])) out[k] = coalesce(out[k], v);
    else out[k] = v;
  }
  return out;
}

function readYaml(file) {
  return YAML.parse(fs.readFileSync(file, 'utf8')) || {};
}

// --- the checks ------------------------------------------------------------------------------------

function check(docs, values, chart) {
  const violations = [];
  let checks = 0;
  const expect = (ok, where, message) => {
    checks++;
    if (!ok) violations.push(`${where}: ${message}`);
  };
  const idOf = (d) => `${d.kind}/${(d.metadata || {}).name}`;
  const ofKind = (kind) => docs.filter((d) => d.kind === kind);
  const named = (kind, name) => docs.find((d) => d.kind === kind && d.metadata.name === name);

  const temporalTls = (values.temporal || {}).tls || {};
  const existingSecrets = new Set(
    [...Object.values(values.secrets || {}), temporalTls.enabled ? temporalTls : null]
      .map((s) => s && s.existingSecret)
      .filter(Boolean),
  );

  // Every object: name and the standard labels.
  for (const d of docs) {
    const labels = (d.metadata && d.metadata.labels) || {};
    for (const label of ['app.kubernetes.io/name', 'app.kubernetes.io/instance', 'app.kubernetes.io/managed-by']) {
      expect(labels[label], idOf(d), `label ${label} missing`);
    }
  }

  const deployments = ofKind('Deployment');
  const services = ofKind('Service');
  const configMaps = ofKind('ConfigMap');

  // One Deployment per entry of values.services, named by its component label.
  const wanted = Object.keys(values.services || {}).sort();
  const rendered = deployments.map((d) => d.metadata.labels['app.kubernetes.io/component']).sort();
  expect(JSON.stringify(wanted) === JSON.stringify(rendered), 'Deployments',
    `expected one per service ${JSON.stringify(wanted)}, got ${JSON.stringify(rendered)}`);

  for (const d of deployments) {
    const id = idOf(d);
    const key = d.metadata.labels['app.kubernetes.io/component'];
    const svcValues = (values.services || {})[key] || {};
    const pod = d.spec.template.spec;
    const podLabels = d.spec.template.metadata.labels || {};
    const podSc = pod.securityContext || {};

    const replicas = 'replicaCount' in svcValues ? svcValues.replicaCount : values.replicaCount;
    expect(d.spec.replicas === replicas, id, `replicas ${d.spec.replicas}, values say ${replicas}`);
    expect(Object.entries(d.spec.selector.matchLabels || {}).every(([k, v]) => podLabels[k] === v), id,
      'selector does not match the pod template labels');
    expect(((d.spec.template.metadata.annotations || {})['checksum/config'] || '').length === 64, id,
      'pod annotation checksum/config missing (pods would not roll on a config change)');
    expect(pod.automountServiceAccountToken === false, id, 'automountServiceAccountToken is not false');
    expect(podSc.runAsNonRoot === true, id, 'pod securityContext.runAsNonRoot is not true');

    const volumes = pod.volumes || [];
    for (const c of [...(pod.initContainers || []), ...(pod.containers || [])]) {
      const cid = `${id} container ${c.name}`;
      const sc = c.securityContext || {};
      const nonRoot = 'runAsNonRoot' in sc ? sc.runAsNonRoot : podSc.runAsNonRoot;
      const user = 'runAsUser' in sc ? sc.runAsUser : podSc.runAsUser;
      const seccomp = (sc.seccompProfile || podSc.seccompProfile || {}).type;
      expect(nonRoot === true, cid, 'runAsNonRoot is not true');
      expect(user !== 0, cid, 'runs as user 0');
      expect(sc.allowPrivilegeEscalation === false, cid, 'allowPrivilegeEscalation is not false');
      expect(sc.readOnlyRootFilesystem === true, cid, 'readOnlyRootFilesystem is not true');
      expect(((sc.capabilities || {}).drop || []).includes('ALL'), cid, 'capabilities do not drop ALL');
      expect(seccomp === 'RuntimeDefault', cid, `seccompProfile is ${seccomp}, not RuntimeDefault`);

      const tmp = (c.volumeMounts || []).find((m) => m.mountPath === '/tmp');
      const tmpVolume = tmp && volumes.find((v) => v.name === tmp.name);
      expect(tmpVolume && tmpVolume.emptyDir, cid, 'no emptyDir at /tmp (the root file system is read-only)');

      const image = c.image || '';
      const tag = image.includes(':') ? image.slice(image.lastIndexOf(':') + 1) : '';
      expect(tag && !tag.includes('/') && tag !== 'latest', cid, `image ${image} has no fixed tag`);
      if (!(pod.initContainers || []).includes(c)) {
        expect(image === expectedImage(values, chart, key, svcValues), cid,
          `image ${image}, values say ${expectedImage(values, chart, key, svcValues)}`);
      }
    }

    const c = (pod.containers || [])[0] || {};
    const cid = `${id} container ${c.name}`;
    const ports = c.ports || [];
    const portOk = (p) => ports.some((cp) => cp.name === p || cp.containerPort === p);
    const http = ports.find((p) => p.name === 'http') || {};
    expect(http.containerPort === svcValues.port, cid, `port http is ${http.containerPort}, values say ${svcValues.port}`);
    for (const [probe, wantedPath] of [['livenessProbe', '/actuator/health/liveness'], ['readinessProbe', '/actuator/health/readiness']]) {
      const get = (c[probe] || {}).httpGet;
      expect(get, cid, `${probe} missing`);
      if (get) {
        expect(get.path === wantedPath, cid, `${probe} path ${get.path}, want ${wantedPath}`);
        expect(portOk(get.port), cid, `${probe} port ${get.port} is not a container port`);
      }
    }

    const resources = c.resources || {};
    for (const kind of ['requests', 'limits']) {
      for (const what of ['cpu', 'memory']) {
        expect((resources[kind] || {})[what] !== undefined, cid, `resources.${kind}.${what} missing`);
      }
    }
    const wantedResources = 'resources' in svcValues ? svcValues.resources : values.resources;
    expect(sameQuantities(resources, wantedResources), cid,
      `resources ${JSON.stringify(resources)}, values say ${JSON.stringify(wantedResources)}`);

    // The environment: what it references must exist; what every service needs must be there.
    const env = effectiveEnv(c, configMaps);
    expect(env.LOTUS_BIND_ADDRESS === '0.0.0.0', cid, `LOTUS_BIND_ADDRESS is ${env.LOTUS_BIND_ADDRESS}, not 0.0.0.0`);
    expect(String(env.SERVER_PORT) === String(http.containerPort), cid, `SERVER_PORT ${env.SERVER_PORT} is not the http port`);
    expect(/MaxRAMPercentage/.test(env.JAVA_TOOL_OPTIONS || ''), cid, 'JAVA_TOOL_OPTIONS does not size the heap from the container limit');
    for (const name of ['LOTUS_TEMPORAL_TARGET', 'LOTUS_TEMPORAL_NAMESPACE', 'LOTUS_KAFKA_BOOTSTRAP', 'LOTUS_DB_URL']) {
      expect(env[name], cid, `${name} not set`);
    }
    checkBackendEnv({ expect, cid, env, key, svcValues, values, pod, c, services });
    const tracing = values.tracing || {};
    expect(env.LOTUS_TRACING_ENABLED === String(tracing.enabled === true), cid, `LOTUS_TRACING_ENABLED is ${env.LOTUS_TRACING_ENABLED}, tracing.enabled is ${tracing.enabled}`);
    expect((env.LOTUS_OTLP_ENDPOINT || '') === (tracing.otlpEndpoint || ''), cid, `LOTUS_OTLP_ENDPOINT is ${env.LOTUS_OTLP_ENDPOINT}, tracing.otlpEndpoint is ${tracing.otlpEndpoint}`);
    for (const [secretName, variable] of [['jwt', 'LOTUS_JWT_SIGNING_JWKS'], ['staff', 'LOTUS_STAFF_PASSWORD']]) {
      const wantedSecret = (svcValues.secrets || []).includes(secretName);
      expect(wantedSecret === (variable in env), cid, `${variable} ${wantedSecret ? 'missing' : 'set, but values do not give it this secret'}`);
    }
    // The gateway must refuse to start without its keys rather than make one per replica.
    if (key === 'api-gateway') {
      expect('LOTUS_JWT_SIGNING_JWKS' in env, cid, 'LOTUS_JWT_SIGNING_JWKS missing: the gateway has no signing keys');
      expect(env.LOTUS_JWT_REQUIRE_KEY === 'true', cid, `LOTUS_JWT_REQUIRE_KEY is ${env.LOTUS_JWT_REQUIRE_KEY}, not true`);
    }
    expect(!('LOTUS_JWT_SIGNING_JWK' in env), cid, 'LOTUS_JWT_SIGNING_JWK (one key) is set; the chart gives LOTUS_JWT_SIGNING_JWKS');
    for (const ref of references(pod)) {
      checks++;
      if (ref.optional) continue;
      const target = named(ref.kind, ref.name);
      if (target) {
        if (ref.key) {
          const data = { ...(target.data || {}), ...(target.stringData || {}) };
          expect(ref.key in data, `${id} ${ref.via}`, `${ref.kind} ${ref.name} has no key ${ref.key}`);
        }
      } else if (ref.kind === 'Secret' && existingSecrets.has(ref.name)) {
        // created outside the chart, as declared by secrets.*.existingSecret or temporal.tls
      } else if (ref.kind === 'Secret') {
        violations.push(`${id} ${ref.via}: Secret ${ref.name} is neither rendered nor declared in secrets.*.existingSecret`);
      } else {
        violations.push(`${id} ${ref.via}: ConfigMap ${ref.name} is not rendered`);
      }
    }
  }

  // The Job that registers the order search attributes: a Helm hook, locked down like the services.
  // This chart's Jobs (an umbrella render has its own besides).
  const jobs = ofKind('Job').filter((j) => (j.metadata.labels || {})['app.kubernetes.io/name'] === chart.name);
  const register = ((values.searchAttributes || {}).register) !== false;
  expect(jobs.length === (register ? 1 : 0), 'Job', `${jobs.length} Jobs, searchAttributes.register is ${register}`);
  for (const job of jobs) {
    const id = idOf(job);
    const hooks = ((job.metadata.annotations || {})['helm.sh/hook'] || '').split(',');
    expect(hooks.includes('post-install') && hooks.includes('post-upgrade'), id, 'not a post-install and post-upgrade hook');
    const pod = job.spec.template.spec;
    const podSc = pod.securityContext || {};
    expect(pod.automountServiceAccountToken === false, id, 'automountServiceAccountToken is not false');
    expect(podSc.runAsNonRoot === true, id, 'pod securityContext.runAsNonRoot is not true');
    for (const c of pod.containers || []) {
      const cid = `${id} container ${c.name}`;
      const sc = c.securityContext || {};
      expect(sc.runAsNonRoot === true && sc.runAsUser !== 0, cid, 'may run as root');
      expect(sc.allowPrivilegeEscalation === false && sc.readOnlyRootFilesystem === true, cid,
        'allows privilege escalation or a writable root file system');
      const resources = c.resources || {};
      expect(['requests', 'limits'].every((k) => (resources[k] || {}).cpu && (resources[k] || {}).memory), cid,
        'resources incomplete');
      const tag = (c.image || '').split(':')[1];
      expect(tag && tag !== 'latest', cid, `image ${c.image} has no fixed tag`);
      const env = Object.fromEntries((c.env || []).map((e) => [e.name, e.value]));
      expect(env.TEMPORAL_ADDRESS === values.temporal.target, cid, `TEMPORAL_ADDRESS ${env.TEMPORAL_ADDRESS}, values say ${values.temporal.target}`);
      expect(env.TEMPORAL_NAMESPACE === values.temporal.namespace, cid, `TEMPORAL_NAMESPACE ${env.TEMPORAL_NAMESPACE}, values say ${values.temporal.namespace}`);
      for (const attribute of ['OrderStatus:Keyword', 'OrderWaitingFor:Keyword', 'OrderUserId:Int', 'OrderProductId:Int']) {
        expect((c.args || []).join(' ').includes(attribute), cid, `does not register ${attribute}`);
      }
    }
  }

  // Services select exactly one Deployment and target a port it declares.
  for (const s of services) {
    const id = idOf(s);
    const selector = s.spec.selector || {};
    const targets = deployments.filter((d) =>
      Object.entries(selector).every(([k, v]) => (d.spec.template.metadata.labels || {})[k] === v));
    expect(Object.keys(selector).length > 0 && targets.length === 1, id, `selects ${targets.length} Deployments, want 1`);
    const containers = targets.length === 1 ? targets[0].spec.template.spec.containers : [];
    for (const p of s.spec.ports || []) {
      expect(containers.some((c) => (c.ports || []).some((cp) => cp.name === p.targetPort || cp.containerPort === p.targetPort)),
        id, `targetPort ${p.targetPort} is not a container port`);
    }
  }

  // The gateway reaches the others through Services that exist, on their ports.
  for (const cm of configMaps) {
    for (const [k, v] of Object.entries(cm.data || {})) {
      if (!/^LOTUS_(BILLING|STOCK|DELIVERY|NOTIFICATION)_URL$/.test(k)) continue;
      const m = /^http:\/\/([^:/]+):(\d+)$/.exec(v);
      const target = m && named('Service', m[1]);
      expect(target && target.spec.ports.some((p) => p.port === Number(m[2])), idOf(cm), `${k}=${v} is not a rendered Service and port`);
    }
  }

  // Ingress: exactly as configured.
  const ingresses = ofKind('Ingress');
  const ing = values.ingress || {};
  expect(ingresses.length === (ing.enabled ? 1 : 0), 'Ingress', `${ingresses.length} rendered, ingress.enabled is ${ing.enabled}`);
  for (const i of ingresses) {
    const id = idOf(i);
    const hosts = (i.spec.rules || []).map((r) => r.host);
    expect(JSON.stringify(hosts) === JSON.stringify([ing.host]), id, `hosts ${JSON.stringify(hosts)}, values say ${ing.host}`);
    expect((i.spec.ingressClassName || '') === (ing.className || ''), id, `ingressClassName ${i.spec.ingressClassName}, values say ${ing.className}`);
    expect(stable(i.spec.tls || []) === stable(ing.tls || []), id, 'tls differs from ingress.tls');
    for (const t of i.spec.tls || []) {
      expect((t.hosts || []).includes(ing.host), id, `tls entry ${t.secretName} does not cover ${ing.host}`);
    }
    for (const r of i.spec.rules || []) {
      for (const p of (r.http || {}).paths || []) {
        const b = p.backend.service;
        const target = named('Service', b.name);
        expect(target && target.spec.ports.some((sp) => sp.port === b.port.number || sp.name === b.port.name),
          id, `path ${p.path} goes to ${b.name}:${b.port.number}, which is not rendered`);
        expect(!p.path.startsWith('/actuator'), id, `path ${p.path} exposes the actuator publicly`);
      }
    }
  }

  // ServiceMonitor: only when enabled, scraping /actuator/prometheus on every Service.
  const monitors = ofKind('ServiceMonitor');
  const monitoring = ((values.metrics || {}).serviceMonitor || {}).enabled === true;
  expect(monitors.length === (monitoring ? 1 : 0), 'ServiceMonitor',
    `${monitors.length} rendered, metrics.serviceMonitor.enabled is ${monitoring}`);
  for (const m of monitors) {
    const id = idOf(m);
    expect(m.apiVersion === 'monitoring.coreos.com/v1', id, `apiVersion ${m.apiVersion}`);
    const endpoints = m.spec.endpoints || [];
    expect(endpoints.length > 0 && endpoints.every((e) => e.path === '/actuator/prometheus' && e.port === 'http'),
      id, 'endpoints must scrape /actuator/prometheus on port http');
    const selector = (m.spec.selector || {}).matchLabels || {};
    for (const s of services) {
      expect(Object.entries(selector).every(([k, v]) => (s.metadata.labels || {})[k] === v), id,
        `does not select Service ${s.metadata.name}`);
    }
  }

  checkNetworkPolicies({ expect, docs, deployments, jobs: ofKind('Job'), values });

  return { violations, checks };
}

// What a service gets for the backends it uses (values services.*.uses), and nothing more.
function checkBackendEnv({ expect, cid, env, key, svcValues, values, pod, c, services }) {
  const uses = svcValues.uses || [];
  const db = values.database || {};
  const role = (db.roles || {})[key];
  const secretRef = (name) => {
    const e = (c.env || []).find((x) => x.name === name);
    return e && e.valueFrom && e.valueFrom.secretKeyRef;
  };
  if (uses.includes('database')) {
    expect(env.LOTUS_FLYWAY_USER === db.migrationUser, cid, `LOTUS_FLYWAY_USER is ${env.LOTUS_FLYWAY_USER}, database.migrationUser is ${db.migrationUser}`);
    expect(secretRef('LOTUS_FLYWAY_PASSWORD'), cid, 'LOTUS_FLYWAY_PASSWORD is not from a Secret');
    const user = role ? role.user : db.migrationUser;
    expect(env.LOTUS_DB_USER === user, cid, `LOTUS_DB_USER is ${env.LOTUS_DB_USER}, want ${user} (database.roles)`);
    const ref = secretRef('LOTUS_DB_PASSWORD');
    expect(ref, cid, 'LOTUS_DB_PASSWORD is not from a Secret');
    if (ref && role) {
      expect(ref.key === key, cid, `LOTUS_DB_PASSWORD from key ${ref.key}, want the service's own key ${key}`);
      expect(ref.name !== (secretRef('LOTUS_FLYWAY_PASSWORD') || {}).name || ref.key !== (secretRef('LOTUS_FLYWAY_PASSWORD') || {}).key,
        cid, 'the service connects with the migration role\'s password');
    }
  } else {
    for (const name of ['LOTUS_DB_USER', 'LOTUS_DB_PASSWORD', 'LOTUS_FLYWAY_USER', 'LOTUS_FLYWAY_PASSWORD']) {
      expect(!(name in env), cid, `${name} set, but the service does not use the database`);
    }
  }

  const kafka = values.kafka || {};
  const sasl = /^SASL/.test(kafka.securityProtocol || '');
  expect(env.LOTUS_KAFKA_SECURITY_PROTOCOL === (kafka.securityProtocol || 'PLAINTEXT'), cid,
    `LOTUS_KAFKA_SECURITY_PROTOCOL is ${env.LOTUS_KAFKA_SECURITY_PROTOCOL}, kafka.securityProtocol is ${kafka.securityProtocol}`);
  const kafkaUser = sasl && uses.includes('kafka');
  expect(kafkaUser === ('LOTUS_KAFKA_USERNAME' in env), cid, `LOTUS_KAFKA_USERNAME ${kafkaUser ? 'missing (SASL)' : 'set without SASL or Kafka'}`);
  if (kafkaUser) {
    expect(env.LOTUS_KAFKA_USERNAME === (kafka.users || {})[key], cid, `LOTUS_KAFKA_USERNAME is ${env.LOTUS_KAFKA_USERNAME}, kafka.users.${key} is ${(kafka.users || {})[key]}`);
    const ref = secretRef('LOTUS_KAFKA_PASSWORD');
    expect(ref && ref.key === key, cid, `LOTUS_KAFKA_PASSWORD is not the key ${key} of a Secret`);
    expect(env.LOTUS_KAFKA_SASL_MECHANISM === kafka.saslMechanism, cid, `LOTUS_KAFKA_SASL_MECHANISM is ${env.LOTUS_KAFKA_SASL_MECHANISM}`);
  }

  const tls = ((values.temporal || {}).tls || {});
  const wantTls = tls.enabled === true && uses.includes('temporal');
  expect(wantTls === ('LOTUS_TEMPORAL_TLS_CERT' in env), cid, `LOTUS_TEMPORAL_TLS_CERT ${wantTls ? 'missing' : 'set, but no TLS to Temporal here'}`);
  if (wantTls) {
    const mount = (c.volumeMounts || []).find((m) => m.name === 'temporal-tls');
    const volume = (pod.volumes || []).find((v) => v.name === 'temporal-tls');
    expect(mount && mount.readOnly === true && volume && volume.secret && volume.secret.secretName === tls.existingSecret, cid,
      `the Secret ${tls.existingSecret} is not mounted read-only for TLS to Temporal`);
    for (const [name, file] of [['LOTUS_TEMPORAL_TLS_CERT', 'tls.crt'], ['LOTUS_TEMPORAL_TLS_KEY', 'tls.key'], ['LOTUS_TEMPORAL_TLS_CA', 'ca.crt']]) {
      expect(mount && env[name] === `${mount.mountPath}/${file}`, cid, `${name} is ${env[name]}, not ${file} of the mounted Secret`);
    }
  }

  // Internal services verify the gateway's tokens with its public keys.
  const gateway = (values.services || {})['api-gateway'] || {};
  if (svcValues.internalApi) {
    const m = /^http:\/\/([^:/]+):(\d+)\/\.well-known\/jwks\.json$/.exec(env.LOTUS_INTERNAL_JWKS_URI || '');
    const target = m && services.find((s) => s.metadata.name === m[1]);
    expect(target && target.metadata.labels['app.kubernetes.io/component'] === 'api-gateway' && Number(m[2]) === gateway.port,
      cid, `LOTUS_INTERNAL_JWKS_URI ${env.LOTUS_INTERNAL_JWKS_URI} is not the gateway Service's /.well-known/jwks.json`);
  } else {
    expect(!('LOTUS_INTERNAL_JWKS_URI' in env), cid, 'LOTUS_INTERNAL_JWKS_URI set on a service without an internal API');
  }
}

// --- network policies ------------------------------------------------------------------------------

function labelsMatch(selector, labels) {
  if (!selector) return false;
  const okLabels = Object.entries(selector.matchLabels || {}).every(([k, v]) => labels[k] === v);
  const okExpressions = (selector.matchExpressions || []).every((e) => {
    const has = e.key in labels;
    switch (e.operator) {
      case 'In': return has && e.values.includes(labels[e.key]);
      case 'NotIn': return !has || !e.values.includes(labels[e.key]);
      case 'Exists': return has;
      case 'DoesNotExist': return !has;
      default: return false;
    }
  });
  return okLabels && okExpressions;
}

// Does some policy selecting `to` let a pod of the release labelled `from` reach it on `port`?
function allowed(policies, fromLabels, toLabels, port) {
  const targeting = (type) => policies.filter((p) => (p.spec.policyTypes || []).includes(type));
  const peerOk = (peer, labels) => !peer.namespaceSelector && !peer.ipBlock && labelsMatch(peer.podSelector, labels);
  const portOk = (rule) => (rule.ports || []).some((p) => p.port === port);
  const ingress = targeting('Ingress').filter((p) => labelsMatch(p.spec.podSelector, toLabels))
    .some((p) => (p.spec.ingress || []).some((r) => portOk(r) && (r.from || []).some((peer) => peerOk(peer, fromLabels))));
  const egress = targeting('Egress').filter((p) => labelsMatch(p.spec.podSelector, fromLabels))
    .some((p) => (p.spec.egress || []).some((r) => portOk(r) && (r.to || []).some((peer) => peerOk(peer, toLabels))));
  return ingress && egress;
}

function checkNetworkPolicies({ expect, docs, deployments, jobs, values }) {
  const policies = docs.filter((d) => d.kind === 'NetworkPolicy');
  const podsOf = [...deployments, ...jobs].map((w) => ({ id: `${w.kind}/${w.metadata.name}`, labels: w.spec.template.metadata.labels || {}, w }));

  // No Deployment (or Job) is reachable without a policy: each is selected for Ingress and Egress.
  for (const pod of podsOf) {
    for (const type of ['Ingress', 'Egress']) {
      const selecting = policies.filter((p) => (p.spec.policyTypes || []).includes(type) && labelsMatch(p.spec.podSelector, pod.labels));
      expect(selecting.length > 0, pod.id, `no NetworkPolicy with policyTypes ${type} selects its pods`);
    }
  }
  // A rule without peers allows everyone; the chart never writes one.
  for (const p of policies) {
    for (const r of p.spec.ingress || []) expect((r.from || []).length > 0, `NetworkPolicy/${p.metadata.name}`, 'an ingress rule allows every source');
    for (const r of p.spec.egress || []) expect((r.to || []).length > 0, `NetworkPolicy/${p.metadata.name}`, 'an egress rule allows every destination');
  }

  // Who may talk to whom inside the release: the gateway to the internal services and back (their
  // keys), nobody else.
  const byComponent = Object.fromEntries(deployments.map((d) => [d.metadata.labels['app.kubernetes.io/component'], d.spec.template.metadata.labels || {}]));
  const svc = values.services || {};
  const gateway = byComponent['api-gateway'];
  if (!gateway || !policies.length) return;
  for (const [name, labels] of Object.entries(byComponent)) {
    if (name === 'api-gateway') continue;
    const internal = svc[name] && svc[name].internalApi === true;
    expect(allowed(policies, gateway, labels, svc[name].port) === internal, `NetworkPolicy ${name}`,
      internal ? 'the gateway cannot reach this internal service' : 'the gateway may reach a service without an internal API');
    expect(allowed(policies, labels, gateway, svc['api-gateway'].port) === internal, `NetworkPolicy ${name}`,
      internal ? 'cannot fetch the gateway\'s public keys' : 'may call the gateway without needing its keys');
    for (const [other, otherLabels] of Object.entries(byComponent)) {
      if (other === name || other === 'api-gateway') continue;
      expect(!allowed(policies, labels, otherLabels, svc[other].port), `NetworkPolicy ${name}`, `may call ${other}`);
    }
  }
}

function expectedImage(values, chart, key, svcValues) {
  const image = values.image || {};
  const own = svcValues.image || {};
  const repository = own.repository || `${image.repositoryPrefix}/${key}`;
  const tag = own.tag || image.tag || chart.appVersion;
  return `${image.registry ? `${image.registry}/` : ''}${repository}:${tag}`;
}

// JSON with sorted keys, to compare what toYaml re-ordered.
function stable(v) {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (isMap(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stable(v[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

function sameQuantities(actual, wanted) {
  const norm = (r) => JSON.stringify(
    ['requests', 'limits'].map((k) => Object.entries((r || {})[k] || {}).map(([n, q]) => `${n}=${q}`).sort()));
  return norm(actual) === norm(wanted);
}

// The container's environment as the kubelet would build it (secrets shown by reference only).
function effectiveEnv(container, configMaps) {
  const env = {};
  for (const from of container.envFrom || []) {
    if (from.configMapRef) {
      const cm = configMaps.find((c) => c.metadata.name === from.configMapRef.name);
      Object.assign(env, (cm && cm.data) || {});
    }
  }
  for (const e of container.env || []) {
    env[e.name] = 'value' in e ? e.value : `<from ${Object.keys(e.valueFrom || {})[0]}>`;
  }
  return env;
}

// Every ConfigMap and Secret a pod refers to, with where it does.
function references(pod) {
  const refs = [];
  for (const c of [...(pod.initContainers || []), ...(pod.containers || [])]) {
    for (const from of c.envFrom || []) {
      if (from.configMapRef) refs.push({ kind: 'ConfigMap', ...from.configMapRef, via: `${c.name} envFrom` });
      if (from.secretRef) refs.push({ kind: 'Secret', ...from.secretRef, via: `${c.name} envFrom` });
    }
    for (const e of c.env || []) {
      const v = e.valueFrom || {};
      if (v.configMapKeyRef) refs.push({ kind: 'ConfigMap', ...v.configMapKeyRef, via: `${c.name} env ${e.name}` });
      if (v.secretKeyRef) refs.push({ kind: 'Secret', ...v.secretKeyRef, via: `${c.name} env ${e.name}` });
    }
  }
  for (const v of pod.volumes || []) {
    const sources = [v, ...(((v.projected || {}).sources) || [])];
    for (const s of sources) {
      if (s.configMap) refs.push({ kind: 'ConfigMap', name: s.configMap.name, optional: s.configMap.optional, via: `volume ${v.name}` });
      if (s.secret) refs.push({ kind: 'Secret', name: s.secret.secretName || s.secret.name, optional: s.secret.optional, via: `volume ${v.name}` });
    }
  }
  return refs;
}

// --- main ------------------------------------------------------------------------------------------

function main() {
  const args = parseArgs(process.argv.slice(2));
  const chart = readYaml(path.join(args.chart, 'Chart.yaml'));
  const values = [path.join(args.chart, 'values.yaml'), ...args.values].map(readYaml).reduce(coalesce, {});
  const docs = YAML.parseAllDocuments(fs.readFileSync(args.file, 'utf8'))
    .map((d) => {
      if (d.errors.length) throw new Error(`${args.file}: invalid YAML: ${d.errors[0].message}`);
      return d.toJSON();
    })
    .filter(Boolean);

  const kinds = {};
  for (const d of docs) kinds[d.kind] = (kinds[d.kind] || 0) + 1;
  const summary = Object.entries(kinds).sort().map(([k, n]) => `${k} ${n}`).join(', ');
  console.log(`render ${args.name}: ${docs.length} manifests (${summary})`);

  const { violations, checks } = check(docs, values, chart);
  if (violations.length) {
    for (const v of violations) console.log(`  VIOLATION ${v}`);
    console.log(`render ${args.name}: ${violations.length} of ${checks} checks failed`);
    process.exit(1);
  }
  console.log(`render ${args.name}: all ${checks} checks passed`);
}

try {
  main();
} catch (e) {
  console.error(`check-manifests: ${e.message}`);
  process.exit(2);
}
