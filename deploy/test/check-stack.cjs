#!/usr/bin/env node
// Checks deploy/charts/lotus-saga-stack without its remote subcharts (they cannot be downloaded
// here): pinned, switchable dependencies, and values that wire the services to the subcharts'
// service names, databases, listeners and secrets.
//
//   node check-stack.cjs <umbrella chart dir>
'use strict';

const fs = require('fs');
const path = require('path');
const YAML = require('./yaml.cjs');

function main() {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: check-stack.cjs CHART_DIR');
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

  // Kafka: the Service name and a listener the services can use without SASL.
  const kafkaName = get(values, 'kafka.fullnameOverride');
  expect(String(get(saga, 'kafka.bootstrap')).split(',').every((b) => hostOf(b) === kafkaName),
    `lotus-saga.kafka.bootstrap ${get(saga, 'kafka.bootstrap')} is not ${kafkaName}:<port>`);
  expect(get(values, 'kafka.listeners.client.protocol') === 'PLAINTEXT', 'kafka client listener is not PLAINTEXT');

  // PostgreSQL: host, database, user and the one Secret shared with Temporal.
  const pgName = get(values, 'postgresql.fullnameOverride');
  const url = /^jdbc:postgresql:\/\/([^:/]+)(?::\d+)?\/([^?]+)/.exec(get(saga, 'database.url') || '') || [];
  expect(url[1] === pgName, `lotus-saga.database.url host ${url[1]} is not ${pgName}`);
  expect(url[2] === get(values, 'postgresql.auth.database'), `database ${url[2]} is not postgresql.auth.database`);
  expect(get(saga, 'database.user') === get(values, 'postgresql.auth.username'), 'lotus-saga.database.user is not postgresql.auth.username');
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
  expect(!/^\s*(password|postgresPassword|signingJwk|replicationPassword)\s*:\s*\S/m.test(text), 'values.yaml holds a password');

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
