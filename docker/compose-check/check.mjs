#!/usr/bin/env node
// Checks a Compose file without Docker; CI runs it on docker/compose.yaml (docker/check-compose.sh).
//   1. dclint: the file is YAML and valid against the Compose Specification's JSON schema
//      (compose-spec's compose_spec.json, bundled by dclint), then dclint's rules (dclintrc.json).
//   2. What the schema leaves as strings but Compose parses when it starts: durations (Go syntax,
//      "10s", "1m30s") and healthcheck retries (an integer), after ${VAR:-default} interpolation.
//   3. Our rules: every service but postgres has a health check, and a dependency on service_healthy
//      names a service that has one (Compose refuses to start otherwise).
// Usage: node docker/compose-check/check.mjs [FILE]
//        node docker/compose-check/check.mjs --healthcheck SERVICE [FILE]  the health check's test, as JSON
//        node docker/compose-check/check.mjs --image SERVICE [FILE]        the image, with default values
// It runs `npm ci` here first when node_modules is not the locked one.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

function installTools() {
  const stamp = join(here, 'node_modules/.installed-from');
  const lock = createHash('sha256')
    .update(readFileSync(join(here, 'package.json'))).update(readFileSync(join(here, 'package-lock.json')))
    .digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lock) return;
  console.error(`Installing the compose check's tools: npm ci --prefix ${relative(process.cwd(), here) || '.'}`);
  const npm = spawnSync('npm', ['ci', '--prefix', here, '--no-audit', '--no-fund', '--ignore-scripts'],
    { stdio: ['ignore', 'ignore', 'inherit'] });
  if (npm.status !== 0) {
    console.error('npm ci failed: the compose check cannot run.');
    process.exit(2);
  }
  writeFileSync(stamp, lock);
}

/** Compose's interpolation with every variable unset: ${X:-d} and ${X-d} give d, ${X} and ${X:?e} give "". */
function withDefaults(value) {
  if (typeof value !== 'string') return value;
  return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (match, name, op, arg) => match === '$$' ? '$' : (op === '-' || op === ':-' ? arg : ''));
}

// Go's time.ParseDuration, as Compose reads healthcheck and stop durations
const DURATION = /^[+-]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h))+$|^0$/;
const DURATIONS = ['interval', 'timeout', 'start_period', 'start_interval'];

function semanticProblems(compose) {
  const problems = [];
  const services = compose?.services ?? {};
  for (const [name, service] of Object.entries(services)) {
    const check = service?.healthcheck;
    if (check && !check.disable) {
      for (const key of DURATIONS) {
        if (check[key] !== undefined && !DURATION.test(String(withDefaults(check[key])))) {
          problems.push(`services.${name}.healthcheck.${key}: "${check[key]}" is not a duration such as 10s or 1m30s`);
        }
      }
      if (check.retries !== undefined && !/^\d+$/.test(String(withDefaults(check.retries)))) {
        problems.push(`services.${name}.healthcheck.retries: "${check.retries}" is not a whole number`);
      }
      const test = check.test;
      if (!test || (Array.isArray(test) && !['CMD', 'CMD-SHELL', 'NONE'].includes(test[0]))) {
        problems.push(`services.${name}.healthcheck.test: must be a string or start with CMD, CMD-SHELL or NONE`);
      }
    }
    if (service?.stop_grace_period !== undefined && !DURATION.test(String(withDefaults(service.stop_grace_period)))) {
      problems.push(`services.${name}.stop_grace_period: "${service.stop_grace_period}" is not a duration`);
    }
    if (name !== 'postgres' && (!check || check.disable || check.test?.[0] === 'NONE')) {
      problems.push(`services.${name}: a motcua node needs a health check (its readiness probe)`);
    }
    const dependsOn = service?.depends_on;
    if (dependsOn && !Array.isArray(dependsOn)) {
      for (const [other, how] of Object.entries(dependsOn)) {
        if (!services[other]) problems.push(`services.${name}.depends_on: no service "${other}"`);
        else if (how?.condition === 'service_healthy' && !services[other].healthcheck) {
          problems.push(`services.${name}.depends_on.${other}: service_healthy, but ${other} has no health check`);
        }
      }
    }
  }
  return problems;
}

const args = process.argv.slice(2);
const query = args[0]?.startsWith('--') ? { what: args.shift(), service: args.shift() } : undefined;
const file = resolve(args[0] ?? join(root, 'docker/compose.yaml'));

installTools();
const { parse } = await import('yaml');
let compose;
try {
  compose = parse(readFileSync(file, 'utf8'), { merge: true });
} catch (e) {
  console.error(`${relative(process.cwd(), file)}: not valid YAML: ${e.message}`);
  process.exit(1);
}

if (query) {
  const service = compose?.services?.[query.service];
  if (!service) {
    console.error(`${relative(process.cwd(), file)}: no service "${query.service}"`);
    process.exit(1);
  }
  if (query.what === '--healthcheck') {
    const test = service.healthcheck?.test;
    console.log(JSON.stringify(typeof test === 'string' ? ['CMD-SHELL', test] : test ?? null));
  } else if (query.what === '--image') {
    console.log(withDefaults(service.image ?? ''));
  } else {
    console.error(`unknown option ${query.what}`);
    process.exit(2);
  }
  process.exit(0);
}

const dclint = spawnSync(process.execPath,
  [join(here, 'node_modules/dclint/bin/dclint.cjs'), '--config', join(here, 'dclintrc.json'), '--max-warnings', '0', file],
  { stdio: 'inherit' });
const problems = semanticProblems(compose);
for (const problem of problems) console.error(`${relative(process.cwd(), file)}: ${problem}`);
if (dclint.status !== 0 || problems.length > 0) {
  console.error(`Compose check failed: ${relative(process.cwd(), file)}`);
  process.exit(1);
}
console.log(`Compose check: ${relative(process.cwd(), file)} is valid (Compose Specification schema, dclint rules, `
  + `durations, health checks of ${Object.keys(compose.services).length} services)`);
