#!/usr/bin/env node
// Lints deploy/docker/Dockerfile without Docker (no hadolint here): pinned base images, a non-root
// numeric USER, an exec-form ENTRYPOINT, Spring Boot's layered extraction, the ignore file beside it,
// and build-all.sh building exactly the chart's services.
//
//   node check-dockerfile.cjs <Dockerfile> --chart <chart dir>
'use strict';

const fs = require('fs');
const path = require('path');
const YAML = require('./yaml.cjs');

// Instructions with continuation lines joined and comments (outside continuations) dropped.
function instructions(text) {
  const out = [];
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!current && (line.startsWith('#') || line === '')) continue;
    if (current && line.startsWith('#')) continue;
    if (line.endsWith('\\')) {
      current += `${line.slice(0, -1)} `;
      continue;
    }
    current += line;
    const m = /^(\w+)\s+([\s\S]*)$/.exec(current);
    if (m) out.push({ op: m[1].toUpperCase(), args: m[2].trim() });
    current = '';
  }
  return out;
}

function main() {
  const argv = process.argv.slice(2);
  const dockerfile = argv[0];
  const chartDir = argv[argv.indexOf('--chart') + 1];
  if (!dockerfile || argv.indexOf('--chart') < 0) throw new Error('usage: check-dockerfile.cjs DOCKERFILE --chart DIR');

  const violations = [];
  let checks = 0;
  const expect = (ok, message) => {
    checks++;
    if (!ok) violations.push(message);
  };

  const all = instructions(fs.readFileSync(dockerfile, 'utf8'));
  const stages = [];
  for (const ins of all) {
    if (ins.op === 'FROM') {
      const [image, as, name] = ins.args.split(/\s+/);
      stages.push({ image, name: as && as.toUpperCase() === 'AS' ? name : null, body: [] });
    } else if (stages.length) {
      stages[stages.length - 1].body.push(ins);
    }
  }
  expect(stages.length >= 2, 'a multi-stage build (builder and runtime) is expected');

  const stageNames = new Set(stages.map((s) => s.name).filter(Boolean));
  for (const s of stages) {
    if (stageNames.has(s.image)) continue;
    const digest = s.image.includes('@sha256:');
    const afterSlash = s.image.slice(s.image.lastIndexOf('/') + 1);
    const tag = afterSlash.includes(':') ? afterSlash.slice(afterSlash.indexOf(':') + 1) : '';
    expect(!s.image.includes('$'), `FROM ${s.image}: resolve the image literally, not from an ARG`);
    expect(digest || (tag && tag !== 'latest'), `FROM ${s.image}: pin a tag other than latest (or a digest)`);
  }

  const runtime = stages[stages.length - 1] || { body: [] };
  const users = runtime.body.filter((i) => i.op === 'USER').map((i) => i.args);
  const user = (users[users.length - 1] || '').split(':')[0];
  expect(users.length > 0, 'the runtime stage sets no USER (it would run as root)');
  expect(/^\d+$/.test(user) && user !== '0', `USER ${user || '(none)'}: use a numeric non-root UID, so runAsNonRoot can verify it`);

  const entrypoints = runtime.body.filter((i) => i.op === 'ENTRYPOINT');
  let execForm = false;
  try {
    const parsed = JSON.parse((entrypoints[entrypoints.length - 1] || {}).args);
    execForm = Array.isArray(parsed) && parsed.length > 0 && parsed.every((p) => typeof p === 'string');
  } catch (e) {
    execForm = false;
  }
  expect(execForm, 'the runtime ENTRYPOINT must be in exec form (a JSON array), so java is PID 1 and gets SIGTERM');
  expect(!runtime.body.some((i) => i.op === 'CMD' && !i.args.startsWith('[')), 'CMD in shell form');

  const runs = all.filter((i) => i.op === 'RUN').map((i) => i.args).join('\n');
  expect(/-Djarmode=tools\b/.test(runs) && /extract\s+--layers\s+--launcher/.test(runs),
    'the jar is not extracted with `-Djarmode=tools extract --layers --launcher`');
  expect(/\.\/mvnw\b.*-pl\s+"?\$SERVICE"?\s+-am\s+package/.test(runs), 'the builder does not run ./mvnw -pl $SERVICE -am package');
  const copied = runtime.body.filter((i) => i.op === 'COPY').map((i) => i.args).join('\n');
  for (const layer of ['dependencies', 'spring-boot-loader', 'snapshot-dependencies', 'application']) {
    expect(copied.includes(`/layers/${layer}/`), `the runtime stage does not copy the ${layer} layer`);
  }
  expect(all.some((i) => i.op === 'ARG' && /^SERVICE\b/.test(i.args)), 'no ARG SERVICE');

  const ignoreFile = `${dockerfile}.dockerignore`;
  const ignore = fs.existsSync(ignoreFile) ? fs.readFileSync(ignoreFile, 'utf8').split('\n').map((l) => l.trim()) : [];
  expect(ignore.length > 0, `${path.basename(ignoreFile)} missing beside the Dockerfile`);
  for (const pattern of ['**/target/', '.git/']) {
    expect(ignore.includes(pattern), `${path.basename(ignoreFile)} does not exclude ${pattern}`);
  }

  const values = YAML.parse(fs.readFileSync(path.join(chartDir, 'values.yaml'), 'utf8'));
  const buildAll = fs.readFileSync(path.join(path.dirname(dockerfile), 'build-all.sh'), 'utf8');
  const listed = (/^SERVICES=\(([^)]*)\)/m.exec(buildAll) || [, ''])[1].trim().split(/\s+/).filter(Boolean);
  expect(JSON.stringify([...listed].sort()) === JSON.stringify(Object.keys(values.services).sort()),
    `build-all.sh builds ${JSON.stringify(listed)}, the chart deploys ${JSON.stringify(Object.keys(values.services))}`);

  const name = path.relative(process.cwd(), dockerfile);
  if (violations.length) {
    for (const v of violations) console.log(`  VIOLATION ${name}: ${v}`);
    console.log(`dockerfile ${name}: ${violations.length} of ${checks} checks failed`);
    process.exit(1);
  }
  console.log(`dockerfile ${name}: all ${checks} checks passed (${stages.length} stages, USER ${user}, exec-form ENTRYPOINT)`);
}

try {
  main();
} catch (e) {
  console.error(`check-dockerfile: ${e.message}`);
  process.exit(2);
}
