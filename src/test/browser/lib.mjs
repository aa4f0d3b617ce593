/*
 * Helpers of motcua's browser tests (each context starts with an empty profile): Debian's Chromium driven by playwright-core, the officials'
 * steps as they click them in Tasklist, screenshots of every step, and checks that fail loudly.
 */
import {chromium} from 'playwright-core';
import {mkdirSync} from 'node:fs';
import {join} from 'node:path';

export const CHROMIUM = process.env.MOTCUA_CHROMIUM || '/usr/bin/chromium';

export class Scenario {
  constructor(name, base, shots) {
    this.name = name;
    this.base = base.replace(/\/$/, '');
    this.shots = join(shots, name);
    this.count = 0;
    mkdirSync(this.shots, {recursive: true});
  }

  async start() {
    this.browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync']
    });
  }

  /** A new browser context (its own cookies) for one official, in an English-speaking browser on purpose. */
  async as(user, app = 'tasklist') {
    const context = await this.browser.newContext({viewport: {width: 1400, height: 900}, locale: 'en-US',
      timezoneId: 'Asia/Ho_Chi_Minh'});
    const page = await context.newPage();
    page.setDefaultTimeout(20000);
    page.on('pageerror', e => console.log(`[${user}] page error: ${e.message}`));
    watch(page, user);
    await this.loginForm(page, app, user);
    await page.fill('input[ng-model=username]', user);
    await page.fill('input[ng-model=password]', 'demo');
    await page.click('button[type=submit]');
    await page.waitForLoadState('networkidle');
    return page;
  }

  /**
   * Opens a webapp's page and waits for its login form. On a busy machine the webapp's start can stall
   * on a request before the form shows; a person loads the page again, and so does this, up to three
   * times, with a screenshot of each stall.
   */
  async loginForm(page, app, who = 'anonymous') {
    for (let attempt = 1; ; attempt++) {
      try {
        await page.goto(`${this.base}/camunda/app/${app}/default/`);
        await page.locator('input[ng-model=username]').waitFor({timeout: 20000});
        return;
      } catch (e) {
        noScriptRefused();
        if (attempt === 3) throw e;
        console.log(`  [${who}] the login form of ${app} did not show (${e.message.split('\n')[0]}); loading it again`);
        console.log(`  [${who}] requests still open: ${pending(page).join(' | ') || 'none'}`);
        await this.shot(page, `${who}-login-stall-${attempt}`).catch(() => {});
      }
    }
  }

  async shot(page, label) {
    this.count++;
    const file = join(this.shots, String(this.count).padStart(2, '0') + '-' + label + '.png');
    await page.screenshot({path: file, fullPage: false});
    console.log('  screenshot ' + file);
    return file;
  }

  async step(label, fn) {
    console.log('- ' + label);
    try {
      return await fn();
    } catch (e) {
      e.message = `${this.name}: step "${label}" failed: ${e.message}`;
      throw e;
    }
  }

  async api(method, path, body, headers = {}) {
    const response = await fetch(this.base + path, {
      method,
      headers: {'Content-Type': 'application/json', Accept: 'application/json', ...headers},
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    const text = await response.text();
    return {status: response.status, body: text ? JSON.parse(text) : null};
  }

  async close() {
    await this.browser?.close();
    noScriptRefused();
  }
}

/**
 * Keeps the requests a page has open and logs its failed requests and error answers, so that a page
 * that does not start says which request it waits for.
 */
export function watch(page, who) {
  const open = new Map();
  page.on('request', r => open.set(r, Date.now()));
  page.on('requestfinished', r => open.delete(r));
  page.on('requestfailed', r => {
    open.delete(r);
    console.log(`  [${who}] request failed: ${r.method()} ${r.url()} (${r.failure()?.errorText})`);
    if (r.failure()?.errorText === 'csp') REFUSED_BY_CSP.push(`${who}: ${r.url()}`);
  });
  page.on('response', r => {
    if (r.status() >= 400) console.log(`  [${who}] ${r.status()} ${r.request().method()} ${r.url().replace(/^https?:\/\/[^/]+/, '')}`);
  });
  page.motcuaOpen = open;
}

/**
 * Scripts the browser refused under the page's Content-Security-Policy. A page whose script tags carry
 * another response's nonce starts blank (Camunda kept the nonce in the ServletContext, shared by
 * concurrent requests: vn.motcua.engine.CspNoncePerRequest); any such refusal fails the scenario.
 */
export const REFUSED_BY_CSP = [];

function noScriptRefused() {
  if (REFUSED_BY_CSP.length) throw new Error('the browser refused scripts under the page\'s CSP: ' + REFUSED_BY_CSP.join(' | '));
}

/** The requests the page still waits for, oldest first, with how long each has been open. */
export function pending(page) {
  const now = Date.now();
  return [...(page.motcuaOpen || new Map())].sort((a, b) => a[1] - b[1])
    .map(([r, since]) => `${r.method()} ${r.url().replace(/^https?:\/\/[^/]+/, '')} (${now - since} ms)`);
}

/**
 * Waits until Tasklist shows its filters. Should it not start, the page is loaded again as a person
 * would, up to three times, logging the requests still open and taking a screenshot of each stall; a
 * stall because the browser refused the page's scripts fails at once (REFUSED_BY_CSP).
 */
export async function tasklistReady(scenario, page, who, reload = false) {
  for (let attempt = 1; ; attempt++) {
    if (attempt > 1 || reload) {
      if (attempt <= 2) await page.reload(); else await page.goto(`${scenario.base}/camunda/app/tasklist/default/`);
    }
    try {
      await page.locator('.task-filter').first().waitFor({timeout: 15000});
      return page;
    } catch (e) {
      noScriptRefused();
      console.log(`  Tasklist did not start for ${who} (load ${attempt}); requests still open: ${pending(page).join(' | ') || 'none'}`);
      await scenario.shot(page, `${who}-tasklist-stalled-${attempt}`).catch(() => {});
      if (attempt === 3) throw new Error('after ' + attempt + ' loads at ' + page.url() + ': ' + e.message);
    }
  }
}

export function check(condition, message) {
  if (!condition) {
    throw new Error('check failed: ' + message);
  }
}

export function basic(user) {
  return {Authorization: 'Basic ' + Buffer.from(user + ':demo').toString('base64')};
}

/**
 * Opens a filter by name and the task of a dossier from its card; claims it when unclaimed. A task
 * beyond the list's first page (a busy day) is opened by its address, as a bookmarked task is.
 */
export async function openTask(page, filter, code, taskId) {
  await page.locator('.task-filter', {hasText: filter}).first().click();
  const card = page.locator('.tasks-list .task', {hasText: code}).first();
  try {
    await card.waitFor({timeout: taskId ? 4000 : 20000});
    await card.locator('h4 a').click();
  } catch (e) {
    if (!taskId) throw e;
    const url = new URL(page.url());
    url.hash = url.hash.replace(/([?&])task=[^&]*/, '$1').replace(/[?&]$/, '') + (url.hash.includes('?') ? '&' : '?') + 'task=' + taskId;
    await page.goto(url.toString());
  }
  await page.locator('.task-details').waitFor();
  await page.locator('.fjs-container').first().waitFor();
  const claim = page.locator('.task-details').getByText('Nhận xử lý', {exact: true});
  if (await claim.count()) {
    await claim.first().click();
  }
  // the form stays disabled until Tasklist knows the task is the official's
  await page.waitForFunction(() => !document.querySelector('.disabled-form .fjs-container'));
  await settled(page);
  return card;
}

/**
 * Waits until Tasklist has stopped rendering the task's form: after a claim or a refresh of the list
 * it may render the form again, and what was typed into the first one would be lost.
 */
export async function settled(page) {
  await page.waitForLoadState('networkidle', {timeout: 5000}).catch(() => {});
  for (let i = 0; i < 20; i++) {
    const mark = 'm' + Date.now() + i;
    await page.evaluate(m => { const f = document.querySelector('.fjs-container'); if (f) f.dataset.motcuaMark = m; }, mark);
    await page.waitForTimeout(400);
    const same = await page.evaluate(m => {
      const f = document.querySelector('.fjs-container');
      return !!f && f.dataset.motcuaMark === m && !document.querySelector('.disabled-form .fjs-container');
    }, mark);
    if (same) return;
  }
  throw new Error('the task form never settled');
}

/** The form-js field with this label. */
export function field(page, label) {
  return page.locator('.fjs-form-field', {has: page.locator('label', {hasText: label})}).first();
}

/**
 * Types a value into the form-js field with this label and waits until the form holds it: form-js
 * takes input after a short debounce, and a value typed into the next field at once can be lost.
 */
export async function enter(page, label, value) {
  const input = field(page, label).locator('input, textarea').first();
  for (let attempt = 0; attempt < 3; attempt++) {
    await input.fill(value);
    await input.blur();
    await page.waitForTimeout(400);
    if (await input.inputValue() === value) return;
  }
  throw new Error(`the field "${label}" does not keep "${value}" (it shows "${await input.inputValue()}")`);
}

/**
 * Types a day (dd/mm/yyyy) into the form-js date field with this label and waits until the form
 * holds it: form-js shows it back as d/m/yyyy once the picker has parsed it on leaving the field,
 * and on a busy machine a value typed while the form still re-renders can be lost.
 */
export async function enterDate(page, label, ddmmyyyy) {
  const input = field(page, label).locator('input').first();
  const [d, m, y] = ddmmyyyy.split('/').map(Number);
  const shown = async () => (await input.inputValue()).split('/').map(Number);
  for (let attempt = 0; attempt < 3; attempt++) {
    await input.fill(ddmmyyyy);
    await input.press('Tab');
    await page.waitForTimeout(400);
    const [sd, sm, sy] = await shown();
    if (sd === d && sm === m && sy === y) return;
  }
  throw new Error(`the date field "${label}" does not keep ${ddmmyyyy} (it shows "${await input.inputValue()}")`);
}

/** Ticks the form-js checkbox, radio button or checklist item with this text and waits until the form holds it. */
export async function tick(page, text) {
  const box = page.locator('.fjs-form-field label', {hasText: text}).locator('input').first();
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!(await box.isChecked())) await box.check({force: true});
    await page.waitForTimeout(300);
    if (await box.isChecked()) return;
  }
  throw new Error(`"${text}" does not stay ticked`);
}

/** Each form-js field that shows an error, or is required and empty: its label, value and message. */
async function formProblems(page) {
  return page.locator('.fjs-form-field').evaluateAll(fields => fields.flatMap(f => {
    const label = f.querySelector('label')?.innerText || '?';
    const input = f.querySelector('input:not([type=checkbox]):not([type=radio]), textarea, select');
    const error = f.querySelector('.fjs-form-field-error')?.innerText || '';
    const required = /\*\s*$/.test(label) && !!input && !input.value;
    return error || required || f.classList.contains('fjs-has-errors')
      ? [label + ' = "' + (input?.value ?? '') + '": ' + (error || 'required, empty')] : [];
  }));
}

/**
 * Clicks the form's button as an official would once it is enabled; a button that stays disabled
 * fails the scenario naming the fields the form holds against it.
 */
export async function press(page, button, name) {
  await button.evaluate(el => el.scrollIntoView({block: 'center'}));
  for (let waited = 0; waited < 5000 && !(await button.isEnabled()); waited += 250) {
    await page.waitForTimeout(250);
  }
  if (!(await button.isEnabled())) {
    throw new Error(`"${name}" is disabled; the form says: ` + ((await formProblems(page)).join(' | ') || 'nothing'));
  }
  return button;
}

/** The texts of the notifications Tasklist shows now (toasts at the top of the page). */
export async function notifications(page) {
  return (await page.locator('.page-notifications .alert').allInnerTexts()).map(t => t.replace(/^×\s*/, '').trim());
}

/**
 * Clicks "Hoàn thành" as an official would: toasts left by earlier steps (claimed, saved) are closed
 * first, since Tasklist's notification panel lies over the top of the page and would take the click.
 */
export async function completeTask(page) {
  for (const text of await notifications(page)) {
    console.log('  notification: ' + text);
  }
  for (let i = 0; i < 10 && await page.locator('.page-notifications .alert button.close').count(); i++) {
    await page.locator('.page-notifications .alert button.close').first().click({force: true}).catch(() => {});
  }
  const button = await press(page, page.getByRole('button', {name: 'Hoàn thành'}), 'Hoàn thành');
  // Tasklist's notification panel (an empty layer at the top of the page) can lie over the button
  // whatever the scroll; the button is visible and enabled, so it is clicked as the DOM event it is
  await button.evaluate(b => b.click());
}

/** The words English must never show on a Vietnamese page (whole words, case-sensitive). */
export const ENGLISH = ['Field is required', 'Select', 'Search', 'Complete', 'Claim', 'Dashboard', 'Processes',
  'Users', 'Groups', 'Log out', 'Sign out', 'Tasks', 'Filters', 'Start process', 'Create task', 'Add a comment',
  'Username', 'Password', 'Login', 'Decisions', 'Deployments', 'Batches', 'Tenants', 'Authorizations', 'System',
  'Camunda 8', 'migrate'];

export async function noEnglish(page, where) {
  const text = await page.locator('body').innerText();
  const found = ENGLISH.filter(w => new RegExp('(^|[^\\p{L}])' + w + '($|[^\\p{L}])', 'u').test(text));
  check(found.length === 0, `${where} shows English: ${found.join(', ')}`);
}
