// After the newman run: the business metrics it caused are on /actuator/prometheus, and every
// service is ready with the parts it needs. Writes e2e-results/metrics-checks.json for ./lotus.
// The workflow worker reports its metrics every 10 s, hence the polling.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const port = (name) => process.env[name];
const services = {
  gateway: port('LOTUS_GATEWAY_PORT'),
  workflows: port('LOTUS_WORKFLOWS_PORT'),
  billing: port('LOTUS_BILLING_PORT'),
  stock: port('LOTUS_STOCK_PORT'),
  delivery: port('LOTUS_DELIVERY_PORT'),
  notification: port('LOTUS_NOTIFICATION_PORT'),
};
const readiness = {
  gateway: ['db', 'kafka', 'temporal'],
  workflows: ['kafka', 'temporal'],
  billing: ['db', 'temporal'],
  stock: ['db', 'temporal'],
  delivery: ['db', 'temporal'],
  notification: ['db', 'kafka'],
};
// [service, metric name, labels that must match, what it shows]
const metrics = [
  ['gateway', 'lotus_orders_placed_total', {}, 'orders placed'],
  ['gateway', 'lotus_orders_current', { state: 'NotifyingSourceSystem' }, 'orders handed to delivery now'],
  ['gateway', 'lotus_orders_current', { state: 'Cancelled' }, 'orders cancelled now'],
  ['workflows', 'lotus_order_wait_seconds_count', { waiting_for: 'funds', outcome: 'resumed' }, 'waits for funds that ended with a top-up'],
  ['workflows', 'lotus_order_wait_seconds_count', { waiting_for: 'stock', outcome: 'resumed' }, 'waits for stock that ended with an arrival'],
  ['workflows', 'lotus_order_wait_seconds_count', { waiting_for: 'courier', outcome: 'resumed' }, 'waits for a courier that ended with an acceptance'],
  ['workflows', 'lotus_order_compensations_total', { step: 'refund' }, 'refunds run by cancellations'],
  ['notification', 'lotus_notifications_stored_total', { type: 'ORDER_IN_DELIVERY' }, 'hand-over notifications stored'],
  ['workflows', 'temporal_workflow_completed_total', {}, 'Temporal SDK: workflows completed'],
  ['gateway', 'temporal_request_total', {}, 'Temporal SDK: client requests'],
];

function parse(text) {
  const samples = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? ([^ ]+)/.exec(line);
    if (!match) continue;
    const labels = {};
    for (const pair of (match[2] || '').matchAll(/([a-zA-Z_]+)="((?:[^"\\]|\\.)*)"/g)) {
      labels[pair[1]] = pair[2];
    }
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

async function scrape(service) {
  const answer = await fetch(`http://127.0.0.1:${services[service]}/actuator/prometheus`);
  if (!answer.ok) throw new Error(`${service}: /actuator/prometheus answered ${answer.status}`);
  return parse(await answer.text());
}

function total(samples, name, labels) {
  return samples
    .filter((s) => s.name === name)
    .filter((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

async function main() {
  const checks = [];
  const deadline = Date.now() + 25_000;
  for (const [service, name, labels, meaning] of metrics) {
    let value = 0;
    let error;
    do {
      try {
        value = total(await scrape(service), name, labels);
        error = undefined;
      } catch (e) {
        error = e.message;
      }
      if (value > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    } while (Date.now() < deadline);
    const shown = `${service} ${name}${JSON.stringify(labels)} = ${value} (${meaning})`;
    checks.push({ check: shown, passed: value > 0, error });
  }
  for (const [service, components] of Object.entries(readiness)) {
    const answer = await fetch(`http://127.0.0.1:${services[service]}/actuator/health/readiness`);
    const health = await answer.json();
    const up = components.every((c) => health.components?.[c]?.status === 'UP');
    checks.push({
      check: `${service} readiness ${health.status} with ${components.join(', ')} UP`,
      passed: answer.ok && health.status === 'UP' && up,
    });
  }
  for (const c of checks) console.log(`  ${c.passed ? 'ok  ' : 'FAIL'} ${c.check}${c.error ? ' — ' + c.error : ''}`);
  const passed = checks.filter((c) => c.passed).length;
  const report = { passed, failed: checks.length - passed, checks };
  const folder = process.env.LOTUS_E2E_RESULTS || path.join(__dirname, '..', 'e2e-results');
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'metrics-checks.json'), JSON.stringify(report, null, 2));
  console.log(`metrics and readiness: ${passed} passed, ${report.failed} failed`);
  process.exitCode = report.failed === 0 ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
