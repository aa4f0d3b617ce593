#!/usr/bin/env node
// Checks the analysts' files like code; `mvn verify` runs it and fails on any problem.
//   processes/**/*.bpmn                      bpmnlint with processes/.bpmnlintrc (what Modeler shows)
//   forms/*.form                             form.schema.json, then an import by form-js 1.8.7,
//                                            the version Tasklist 7.24 embeds
//   processes/.camunda/element-templates/    @camunda/element-templates-json-schema
// Usage: node .ci/lint/check.mjs   (it runs `npm ci` here first when node_modules is not the locked one)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const rel = (file) => relative(root, file);

const problems = [];
const summary = [];

const count = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function report(file, where, severity, message) {
  problems.push({ file: rel(file), where, severity, message });
}

function filesUnder(dir, suffix) {
  let found = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (name === 'node_modules') continue;
    if (statSync(path).isDirectory()) found = found.concat(filesUnder(path, suffix));
    else if (name.endsWith(suffix)) found.push(path);
  }
  return found;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    report(file, '', 'error', `not valid JSON: ${e.message}`);
    return undefined;
  }
}

/** Where in a form or template an ajv error points: the id of the nearest component, e.g. "Field_64 /validate". */
function locate(document, instancePath, where = '') {
  const parts = instancePath.split('/').slice(1);
  let node = document;
  let rest = [];
  for (const part of parts) {
    node = node?.[part];
    rest.push(part);
    if (node && typeof node === 'object' && !Array.isArray(node) && (node.id || node.name)) {
      where = node.id || node.name;
      rest = [];
    }
  }
  return [where, rest.length ? '/' + rest.join('/') : ''].filter(Boolean).join(' ');
}

function ajvMessage(error) {
  const extra = error.params?.additionalProperty ? ` '${error.params.additionalProperty}'`
    : error.params?.allowedValues ? `: ${error.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`
    : '';
  return error.message + extra;
}

// ---------------------------------------------------------------- the tools themselves
function ensureTools() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`The model check needs Node.js 20.19 or newer; this is ${process.version}.`);
    process.exit(2);
  }
  // node_modules is what `npm ci` made from this exact lock file, or it is made again
  const stamp = join(here, 'node_modules/.installed-from');
  const lock = createHash('sha256')
    .update(readFileSync(join(here, 'package.json'))).update(readFileSync(join(here, 'package-lock.json')))
    .digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lock) return;
  console.log('Installing the model check tools: npm ci --prefix .ci/lint');
  const windows = process.platform === 'win32'; // npm is npm.cmd there, started through the shell
  const npm = spawnSync('npm', ['ci', '--prefix', windows ? `"${here}"` : here, '--no-audit', '--no-fund', '--ignore-scripts'],
    { stdio: 'inherit', shell: windows });
  if (npm.status !== 0) {
    console.error('npm ci failed: the model check cannot run.');
    process.exit(2);
  }
  writeFileSync(stamp, lock);
}

// ---------------------------------------------------------------- BPMN
async function checkBpmn() {
  const { Linter } = require('bpmnlint');
  const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
  const { BpmnModdle } = require('bpmn-moddle');
  const camunda = require('camunda-bpmn-moddle/resources/camunda.json');

  const configFile = join(root, 'processes/.bpmnlintrc');
  const config = readJson(configFile);
  if (!config) return;
  const files = filesUnder(join(root, 'processes'), '.bpmn');
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    // one linter and one moddle per file: rules keep state between the elements they visit
    const linter = new Linter({ config, resolver: new NodeResolver({ require }) });
    const moddle = new BpmnModdle({ camunda });
    let parsed;
    try {
      parsed = await moddle.fromXML(readFileSync(file, 'utf8'));
    } catch (e) {
      report(file, '', 'error', `cannot be read: ${e.message.split('\n')[0]}`);
      errors++;
      continue;
    }
    for (const w of parsed.warnings) {
      report(file, w.element?.id || '', 'error', `import warning: ${w.message.split('\n')[0]}`);
      errors++;
    }
    const results = await linter.lint(parsed.rootElement);
    for (const [rule, reports] of Object.entries(results)) {
      for (const r of reports) {
        const severity = r.category === 'warn' ? 'warning' : r.category === 'info' ? 'info' : 'error';
        if (severity === 'error') errors++;
        if (severity === 'warning') warnings++;
        report(file, r.id || '', severity, `${r.message} (${rule})`);
      }
    }
  }
  summary.push(`BPMN (${[].concat(config.extends ?? []).join(' + ')}): ${count(files.length, 'file')}, ${count(errors, 'error')}, ${count(warnings, 'warning')}`);
}

// ---------------------------------------------------------------- forms
function installDom() {
  const { JSDOM } = require('jsdom');
  const { window } = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  for (const name of ['window', 'document', 'navigator', 'Node', 'Element', 'HTMLElement', 'Event', 'KeyboardEvent',
    'CustomEvent', 'MutationObserver', 'getComputedStyle', 'requestAnimationFrame', 'cancelAnimationFrame']) {
    Object.defineProperty(globalThis, name, { value: window[name], configurable: true, writable: true });
  }
}

async function checkForms() {
  const Ajv = require('ajv');
  const validate = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true })
    .compile(JSON.parse(readFileSync(join(here, 'form.schema.json'), 'utf8')));

  installDom();
  const formJs = require('@bpmn-io/form-js-viewer');
  const formJsVersion = require('@bpmn-io/form-js-viewer/package.json').version;

  const files = filesUnder(join(root, 'forms'), '.form');
  const ids = new Map();
  const before = problems.length;
  for (const file of files) {
    const form = readJson(file);
    if (!form) continue;
    if (!validate(form)) {
      for (const e of validate.errors) report(file, locate(form, e.instancePath), 'error', ajvMessage(e));
    }
    if (ids.has(form.id)) report(file, '', 'error', `form id ${form.id} is also the id of ${ids.get(form.id)}`);
    ids.set(form.id, rel(file));
    if (form.schemaVersion > formJs.schemaVersion) {
      report(file, '', 'error', `schemaVersion ${form.schemaVersion}: Tasklist's form-js ${formJsVersion} reads up to ${formJs.schemaVersion}`);
    }
    // The real importer of the embedded form-js: unknown field types, duplicate ids or keys.
    const container = document.createElement('div');
    const viewer = new formJs.Form({ container });
    try {
      const { warnings } = await viewer.importSchema(form, {});
      for (const w of warnings) report(file, '', 'error', `form-js ${formJsVersion}: ${w.message}`);
    } catch (e) {
      report(file, '', 'error', `form-js ${formJsVersion} cannot open it: ${e.message}`);
    } finally {
      viewer.destroy();
    }
  }
  summary.push(`Forms (form-js ${formJsVersion}, schemaVersion <= ${formJs.schemaVersion}): ${count(files.length, 'file')}, ${count(problems.length - before, 'problem')}`);
}

// ---------------------------------------------------------------- element templates
function checkTemplates() {
  const Ajv = require('ajv');
  const ajvErrors = require('ajv-errors');
  const schemaPackage = '@camunda/element-templates-json-schema';
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajvErrors(ajv);
  const schema = require(`${schemaPackage}/resources/schema.json`);
  ajv.addSchema(schema);
  // the schema takes one template or a list; each template is checked on its own for precise errors
  const validate = ajv.getSchema(`${schema.$id}#/definitions/template`);
  const schemaVersion = require(`${schemaPackage}/package.json`).version;

  const files = filesUnder(join(root, 'processes/.camunda/element-templates'), '.json');
  const seen = new Set();
  const before = problems.length;
  let templateCount = 0;
  for (const file of files) {
    const document = readJson(file);
    if (!document) continue;
    const templates = Array.isArray(document) ? document : [document];
    templateCount += templates.length;
    for (const [index, template] of templates.entries()) {
      if (!validate(template)) {
        // if-then wrappers only repeat the precise error beneath them
        const precise = validate.errors.filter((e) => !['oneOf', 'anyOf', 'if'].includes(e.keyword));
        for (const e of precise.length ? precise : validate.errors) {
          report(file, locate(template, e.instancePath, template.id || `[${index}]`), 'error', ajvMessage(e));
        }
      }
      const key = `${template.id}@${template.version ?? ''}`;
      if (seen.has(key)) report(file, template.id, 'error', `template ${template.id} version ${template.version} is defined twice`);
      seen.add(key);
    }
  }
  summary.push(`Element templates (${schemaPackage} ${schemaVersion}): ${count(files.length, 'file')}, ${count(templateCount, 'template')}, ${count(problems.length - before, 'problem')}`);
}

// ---------------------------------------------------------------- main
ensureTools();
const started = Date.now();
await checkBpmn();
await checkForms();
checkTemplates();

const failing = problems.filter((p) => p.severity !== 'info');
let lastFile;
for (const p of problems) {
  if (p.file !== lastFile) console.log(`\n${p.file}`);
  lastFile = p.file;
  console.log(`  ${(p.where || '-').padEnd(38)} ${p.severity.padEnd(8)} ${p.message}`);
}
console.log('\nModel check');
for (const line of summary) console.log(`  ${line}`);
console.log(failing.length
  ? `FAILED: ${count(failing.length, 'problem')} in the models (${((Date.now() - started) / 1000).toFixed(1)} s)`
  : `OK: the models are clean (${((Date.now() - started) / 1000).toFixed(1)} s)`);
process.exit(failing.length ? 1 : 0);
