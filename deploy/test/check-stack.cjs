#!/usr/bin/env node
// Checks deploy/charts/lotus-saga-stack without its remote subcharts (they cannot be downloaded
// here): pinned, switchable dependencies, and values that wire the services to the subcharts'
// service names, databases, listeners and secrets.
//
//   node check-stack.cjs <umbrella chart dir> [--repo <repository root>]
//
// The repository root (default: three levels above the chart) is where the services'
// application.yml files are read, for the consumer groups the Kafka ACLs must name.
'use strict';

const fs = require('fs');
const path = require('path');
const YAML = require('./yaml.cjs');

// The consumer group ids the services use (their application.yml), so ACLs name the real groups.
function consumerGroup(repo, module) {
  const yml = YAML.parse(fs.readFileSync(path.join(repo, module, 'src/main/resources/application.yml'), 'utf8'));
  return ((((yml.spring || {}).kafka || {}).consumer || {})['group-id']);
}

function checkKafka(expect, get, values, saga, repo) {
  const protocol = get(values, 'kafka.listeners.client.protocol');
  expect(/^SASL_/.test(protocol) && get(saga, 'kafka.securityProtocol') === protocol,
    `kafka client listener ${protocol} and lotus-saga.kafka.securityProtocol ${get(saga, 'kafka.securityProtocol')} are not the same SASL protocol`);
  const override = get(values, 'kafka.overrideConfiguration') || {};
  const mechanism = get(saga, 'kafka.saslMechanism');
  expect(/^SCRAM-/.test(mechanism) && override['listener.name.client.sasl.enabled.mechanisms'] === mechanism,
    `the client listener does not take exactly ${mechanism} (listener.name.client.sasl.enabled.mechanisms)`);
  expect(String(override['auto.create.topics.enable']) === 'false', 'Kafka creates topics automatically');
  expect(/StandardAuthorizer$/.test(override['authorizer.class.name'] || '') && String(override['allow.everyone.if.no.acl.found']) === 'false',
    'Kafka does not authorize by ACLs (authorizer.class.name, allow.everyone.if.no.acl.found=false)');

  const scramUsers = get(values, 'kafka.sasl.client.users') || [];
  const users = get(saga, 'kafka.users') || {};
  for (const [service, user] of Object.entries(users)) {
    expect(scramUsers.includes(user), `the Kafka user ${user} of ${service} is not in kafka.sasl.client.users`);
  }
  expect(new Set(Object.values(users)).size === Object.keys(users).length, 'two services share a Kafka user');
  const access = get(values, 'kafkaAccess') || {};
  expect(access.enabled === true && scramUsers.includes(access.adminUser)
    && String(override['super.users'] || '').split(';').includes(`User:${access.adminUser}`),
    'kafkaAccess.adminUser is not a SCRAM user and super user');
  expect(get(saga, 'secrets.kafka.existingSecret') === get(values, 'kafka.sasl.existingSecret')
    && access.existingSecret === get(values, 'kafka.sasl.existingSecret'), 'the Kafka passwords do not come from one Secret');

  const topic = 'lotus.order-events';
  const dlt = `${topic}.DLT`;
  const topics = (access.topics || []).map((t) => t.name);
  expect(topics.includes(topic) && topics.includes(dlt), `kafkaAccess.topics does not create ${topic} and ${dlt}`);
  const acls = access.acls || {};
  const writers = (t) => Object.keys(acls).filter((u) => (acls[u].write || []).includes(t)).sort();
  expect(JSON.stringify(writers(topic)) === JSON.stringify([users.workflows]), `${topic} is written by ${writers(topic)}, want only ${users.workflows}`);
  for (const service of ['api-gateway', 'notification']) {
    const acl = acls[users[service]] || {};
    const group = consumerGroup(repo, service);
    expect((acl.read || []).includes(topic) && JSON.stringify(acl.groups || []) === JSON.stringify([group]),
      `${users[service]} does not read ${topic} in its group ${group} only`);
  }
  const consumers = Object.keys(acls).filter((u) => (acls[u].read || []).includes(topic)).sort();
  expect(JSON.stringify(writers(dlt)) === JSON.stringify(consumers), `${dlt} is written by ${writers(dlt)}, want the consumers ${consumers}`);
  expect(Object.values(acls).every((a) => Object.keys(a).every((k) => ['read', 'write', 'groups'].includes(k))), 'kafkaAccess.acls has other rights than read, write, groups');
}

function main() {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: check-stack.cjs CHART_DIR [--repo DIR]');
  const repoAt = process.argv.indexOf('--repo');
  const repo = repoAt > 0 ? process.argv[repoAt + 1] : path.resolve(dir, '..', '..', '..');
    const chart = YAML.parse(fs.readFileSync(path.join(dir, 'Chart.yaml'), 'utf8'));
  const values = YAML.parse(fs.readFileSync(path.join(dir, 'values.yaml'), 'utf8'));

  const violations = [];
  let checks = 0;
  const expect = (ok, message) => {
    checks++;
    if (!ok) violations.push(message);
  };
  const get = (obj, dotted) => dotted.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);

  const deps = chart.dependencies || [];
  const byName = Object.fromEntries(deps.map((d) => [d.name, d]));
  expect(byName['lotus-saga'] && byName['lotus-saga'].repository === 'file://../lotus-saga',
    'lotus-saga must come from file://../lotus-saga');
  const repositories = {
    temporal: 'https://go.temporal.io/helm-charts',
    kafka: 'oci://registry-1.docker.io/bitnamicharts',
    postgresql: 'oci://registry-1.docker.io/bitnamicharts',
  };
  for (const [name, repository] of Object.entries(repositories)) {
    const d = byName[name];
    expect(d, `dependency ${name} missing`);
    if (!d) continue;
    expect(d.repository === repository, `${name}: repository ${d.repository}, want ${repository}`);
    expect(/^\d+\.\d+\.\d+$/.test(String(d.version)), `${name}: version ${d.version} is not pinned`);
    expect(d.condition === `${name}.enabled`, `${name}: condition ${d.condition}, want ${name}.enabled`);
    expect(typeof get(values, `${name}.enabled`) === 'boolean', `values ${name}.enabled is not a boolean`);
  }

  const saga = values['lotus-saga'] || {};
  const hostOf = (hostPort) => String(hostPort || '').split(':')[0];

  // Temporal: the frontend Service and the namespace the services use.
  const temporalName = get(values, 'temporal.fullnameOverride');
  expect(hostOf(get(saga, 'temporal.target')) === `${temporalName}-frontend`,
    `lotus-saga.temporal.target ${get(saga, 'temporal.target')} is not ${temporalName}-frontend:<port>`);
  const created = (get(values, 'temporal.server.config.namespaces.namespace') || []).map((n) => n.name);
  expect(get(values, 'temporal.server.config.namespaces.create') === true && created.includes(get(saga, 'temporal.namespace')),
    `Temporal namespace ${get(saga, 'temporal.namespace')} is not created by the temporal subchart`);
  expect(get(values, 'temporal.web.enabled') === true, 'temporal.web.enabled is not true (the Web UI)');

  // Kafka: the Service name, SASL/SCRAM with a user per service, ACLs, no automatic topics.
  const kafkaName = get(values, 'kafka.fullnameOverride');
  expect(String(get(saga, 'kafka.bootstrap')).split(',').every((b) => hostOf(b) === kafkaName),
    `lotus-saga.kafka.bootstrap ${get(saga, 'kafka.bootstrap')} is not ${kafkaName}:<port>`);
  checkKafka(expect, get, values, saga, repo);

  // Temporal: mutual TLS on the frontend, and the services present a client certificate.
  expect(get(saga, 'temporal.tls.enabled') === true && get(saga, 'temporal.tls.existingSecret'),
    'lotus-saga.temporal.tls is not enabled with a client certificate Secret');
  const frontendTls = get(values, 'temporal.server.config.tls.frontend.server') || {};
  expect(frontendTls.requireClientAuth === true && (frontendTls.clientCaFiles || []).length > 0,
    'Temporal\'s frontend does not require client certificates (server.config.tls.frontend.server)');
  const tlsMounts = (get(values, 'temporal.server.additionalVolumeMounts') || []).map((m) => m.mountPath);
  expect([frontendTls.certFile, frontendTls.keyFile, ...(frontendTls.clientCaFiles || [])]
    .every((f) => f && tlsMounts.some((m) => f.startsWith(`${m}/`))), 'Temporal\'s TLS files are not on a mounted volume');

  // PostgreSQL: host, database, user and the one Secret shared with Temporal.
  const pgName = get(values, 'postgresql.fullnameOverride');
  const url = /^jdbc:postgresql:\/\/([^:/]+)(?::\d+)?\/([^?]+)/.exec(get(saga, 'database.url') || '') || [];
  expect(url[1] === pgName, `lotus-saga.database.url host ${url[1]} is not ${pgName}`);
  expect(url[2] === get(values, 'postgresql.auth.database'), `database ${url[2]} is not postgresql.auth.database`);
  expect(get(saga, 'database.migrationUser') === get(values, 'postgresql.auth.username'),
    'lotus-saga.database.migrationUser is not postgresql.auth.username (the owner of the database)');
  // One role per service, made by the init scripts with passwords from a Secret.
  const roles = get(saga, 'database.roles') || {};
  for (const service of ['api-gateway', 'activities-billing', 'activities-stock', 'activities-delivery', 'notification']) {
    const role = roles[service] || {};
    expect(role.user && role.user !== get(saga, 'database.migrationUser') && role.schema,
      `lotus-saga.database.roles.${service} is not a role of its own with its schema`);
  }
  expect(new Set(Object.values(roles).map((r) => r.user)).size === Object.keys(roles).length, 'two services share a database role');
  expect(get(values, 'postgresql.primary.initdb.scriptsConfigMap') === 'lotus-db-roles-init',
    'postgresql.primary.initdb.scriptsConfigMap is not lotus-db-roles-init (the roles would not be made)');
  const rolesVolume = (get(values, 'postgresql.primary.extraVolumes') || []).find((v) => v.secret) || {};
  expect(rolesVolume.secret && rolesVolume.secret.secretName === get(saga, 'secrets.databaseRoles.existingSecret')
    && (get(values, 'postgresql.primary.extraVolumeMounts') || []).some((m) => m.name === rolesVolume.name && m.mountPath === '/lotus-db-roles'),
    'the role passwords (lotus-saga.secrets.databaseRoles) are not mounted at /lotus-db-roles for the init script');
  const pgSecret = get(values, 'postgresql.auth.existingSecret');
  expect(get(saga, 'secrets.database.existingSecret') === pgSecret, 'the services do not read the password from postgresql.auth.existingSecret');
  expect(get(saga, 'secrets.database.key') === get(values, 'postgresql.auth.secretKeys.userPasswordKey'),
    'lotus-saga.secrets.database.key is not postgresql.auth.secretKeys.userPasswordKey');
  for (const store of ['default', 'visibility']) {
    const sql = get(values, `temporal.server.config.persistence.datastores.${store}.sql`) || {};
    expect(hostOf(sql.connectAddr) === pgName, `temporal ${store} store connects to ${sql.connectAddr}, not ${pgName}`);
    expect(sql.existingSecret === pgSecret && sql.secretKey === get(values, 'postgresql.auth.secretKeys.adminPasswordKey'),
      `temporal ${store} store does not read the admin password from ${pgSecret}`);
  }

  // No secret values in the file.
  const text = fs.readFileSync(path.join(dir, 'values.yaml'), 'utf8');
  expect(!/^\s*(password|passwords|postgresPassword|signingJwks?|replicationPassword)\s*:\s*[^\s{]/m.test(text), 'values.yaml holds a password');

  if (violations.length) {
    for (const v of violations) console.log(`  VIOLATION ${chart.name}: ${v}`);
    console.log(`stack ${chart.name}: ${violations.length} of ${checks} checks failed`);
    process.exit(1);
  }
  console.log(`stack ${chart.name}: all ${checks} wiring checks passed (${deps.map((d) => `${d.name} ${d.version}`).join(', ')})`);
}

try {
  main();
} catch (e) {
  console.error(`check-stack: ${e.message}`);
  process.exit(2);
}
