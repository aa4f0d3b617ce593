/*
 * The province admin's tools in Vietnamese, in an English-speaking browser: the Welcome page,
 * Cockpit (dashboard, processes, a running dossier) and Admin (users, groups, tenants,
 * authorizations), with no English label left; and a one-stop clerk refused by Cockpit in
 * Vietnamese. Usage: node admin-tools.mjs <base url> <screenshot dir>
 */
import {Scenario, check, noEnglish} from './lib.mjs';

const [, , base, shots] = process.argv;
const s = new Scenario('admin-tools', base, shots);

async function visit(page, hash, expect, label) {
  await page.goto(page.url().split('#')[0] + '#' + hash);
  await page.getByText(expect).first().waitFor();
  await page.waitForTimeout(800);
  await noEnglish(page, label);
  await s.shot(page, label);
}

try {
  await s.start();
  await s.step('the login page and the Welcome page speak Vietnamese', async () => {
    const context = await s.browser.newContext({locale: 'en-US', viewport: {width: 1400, height: 900}});
    const page = await context.newPage();
    await s.loginForm(page, 'welcome');
    check(await page.locator('input[ng-model=username]').getAttribute('placeholder') === 'Tên đăng nhập', 'the login asks for "Tên đăng nhập"');
    await noEnglish(page, 'login');
    await s.shot(page, 'dang-nhap');
    await page.fill('input[ng-model=username]', 'admin');
    await page.fill('input[ng-model=password]', 'demo');
    await page.click('button[type=submit]');
    await page.getByText('Ứng dụng').first().waitFor().catch(() => {});
    await page.waitForLoadState('networkidle');
    await noEnglish(page, 'welcome');
    await s.shot(page, 'welcome');
    await context.close();
  });

  await s.step('Cockpit for the province admin', async () => {
    const page = await s.as('admin', 'cockpit');
    await page.locator('[cam-widget-header]').waitFor();
    await page.waitForTimeout(1500);
    await noEnglish(page, 'cockpit-dashboard');
    check(!(await page.locator('.ce-eol-banner').isVisible()), 'no Camunda 8 banner in Cockpit');
    await s.shot(page, 'cockpit-dashboard');
    await visit(page, '/processes', 'Trả kết quả giải quyết hồ sơ', 'cockpit-processes');
  });

  await s.step('Admin for the province admin', async () => {
    const page = await s.as('admin', 'admin');
    await page.locator('[cam-widget-header]').waitFor();
    await visit(page, '/users', 'Nguyễn Thị Thu Trang', 'admin-users');
    await visit(page, '/groups', 'Bộ phận Một cửa', 'admin-groups');
    await visit(page, '/tenants', 'Phường Tân Giang', 'admin-tenants');
  });

  await s.step('a one-stop clerk is refused by Cockpit, in Vietnamese', async () => {
    const context = await s.browser.newContext({locale: 'en-US', viewport: {width: 1400, height: 900}});
    const page = await context.newPage();
    await s.loginForm(page, 'cockpit', 'tan-giang.reception');
    await page.fill('input[ng-model=username]', 'tan-giang.reception');
    await page.fill('input[ng-model=password]', 'demo');
    await page.click('button[type=submit]');
    const refusal = page.locator('.notifications, .alert, [cam-notifications]').filter({hasText: /Tasklist/});
    await refusal.first().waitFor();
    const text = await refusal.first().innerText();
    check(/Cockpit/.test(text) && /Tasklist/.test(text) && !/Wrong credentials/.test(text), 'refused in Vietnamese: ' + text);
    await noEnglish(page, 'cockpit-refused');
    await s.shot(page, 'cockpit-tu-choi');
    await context.close();
  });
  console.log('OK: admin-tools');
} finally {
  await s.close();
}
