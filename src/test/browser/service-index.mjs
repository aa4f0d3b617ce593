/*
 * The service index where people read it: the province admin's Cockpit page "Chỉ số phục vụ"
 * (ranking, trend, indicators, the dossiers behind a figure), the one-page PDF of the Monday meeting
 * (read back with pdftotext, drawn with pdftoppm), and a commune leader's read-only page from
 * Tasklist, showing their commune only. Usage: node service-index.mjs <base url> <screenshot dir>
 */
import {execFileSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {Scenario, basic, check, noEnglish, tasklistReady} from './lib.mjs';

const [, , base, shots] = process.argv;
const s = new Scenario('service-index', base, shots);
const PORTAL = {'X-API-Key': 'demo-portal-key'};

function today() {
  return new Intl.DateTimeFormat('en-CA', {timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit'})
    .format(new Date());
}

function mondayOf(day) {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() - (d.getUTCDay() + 6) % 7);
  return d.toISOString().slice(0, 10);
}

/** A birth registration accepted at the one-stop today, its first paper scanned. */
async function accepted() {
  const r = await s.api('POST', '/api/dossiers', {procedureCode: '1.001193', communeCode: 'tan-giang', channel: 'ONLINE',
    returnMethod: 'COUNTER', eventDate: today(),
    applicant: {fullName: 'Hoàng Văn Chỉ', idNumber: '001190099999', phone: '0912000111', address: 'Tổ 2, phường Tân Giang'},
    components: ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh hoặc giấy tờ thay thế', 'Giấy tờ tùy thân của người đi đăng ký']
      .map(name => ({name, copies: 1}))}, PORTAL);
  check(r.status === 201, 'submitted: ' + JSON.stringify(r.body));
  const code = r.body.code;
  const tasks = await s.api('GET', '/engine-rest/task?processInstanceBusinessKey=' + code, undefined, basic('tan-giang.reception'));
  const done = await s.api('POST', '/engine-rest/task/' + tasks.body[0].id + '/complete',
    {variables: {receptionDecision: {value: 'ACCEPT'}}}, basic('tan-giang.reception'));
  check(done.status === 204, 'accepted: ' + done.status);
  const scan = await fetch(s.base + '/api/dossiers/' + code + '/components/1/file', {method: 'PUT',
    headers: {...basic('tan-giang.reception'), 'Content-Type': 'application/pdf'}, body: '%PDF-1.4\n%%EOF\n'});
  check(scan.status === 200, 'paper scanned: ' + scan.status);
  return code;
}

try {
  await s.start();
  const code = await s.step('a dossier accepted today, one paper scanned', accepted);
  const week = mondayOf(today());

  await s.step('the province admin reads the index in Cockpit', async () => {
    const page = await s.as('admin', 'cockpit');
    await page.locator('[cam-widget-header]').waitFor();
    const link = page.getByRole('link', {name: 'Chỉ số phục vụ'});
    await link.first().waitFor();
    await link.first().click();
    await page.getByText('Chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)').waitFor();
    // the page opens on the last full week; this week's dossier is one click on
    await page.getByRole('button', {name: 'Tuần sau ›'}).click();
    await page.locator('.mi-ranking').getByText('Phường Tân Giang').waitFor();
    await page.waitForTimeout(500);
    check(await page.locator('.mi-trend circle').count() >= 1, 'the trend has this week\'s point');
    check(await page.locator('.mi-indicators tr.mi-red').count() >= 1, 'indicators below target are red');
    await noEnglish(page, 'cockpit-chi-so');
    await s.shot(page, 'cockpit-chi-so-phuc-vu');
    // the dossiers behind 4.2: none digitized yet (one paper of three)… and behind 3.3, this online dossier
    const row = page.locator('.mi-indicators tr', {hasText: 'Tỷ lệ hồ sơ nộp trực tuyến'});
    await row.getByRole('button', {name: 'Xem hồ sơ'}).click();
    await page.locator('.mi-drill').getByText(code).waitFor();
    await page.locator('.mi-drill').scrollIntoViewIfNeeded();
    await s.shot(page, 'cockpit-ho-so-cua-chi-tieu');

    const pdf = await page.request.get(s.base + '/api/service-index/weekly/pdf?week=' + week);
    check(pdf.status() === 200 && pdf.headers()['content-type'] === 'application/pdf', 'the weekly PDF: ' + pdf.status());
    const file = join(s.shots, 'bao-cao-tuan.pdf');
    writeFileSync(file, await pdf.body());
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
    for (const expected of ['BÁO CÁO CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP', 'Xu hướng điểm chỉ số 12 tuần gần nhất',
      'Xếp hạng xã, phường', 'Phường Tân Giang', 'Tỷ lệ hồ sơ nộp trực tuyến', 'Hồ sơ trễ hạn trong tuần']) {
      check(text.includes(expected), 'the PDF says "' + expected + '"');
    }
    const pages = execFileSync('pdfinfo', [file]).toString('utf8').match(/Pages:\s+(\d+)/)[1];
    check(pages === '1', 'the PDF is one page, not ' + pages);
    execFileSync('pdftoppm', ['-png', '-r', '70', '-singlefile', file, join(s.shots, 'bao-cao-tuan')]);
    console.log('  PDF ' + file + ' (and bao-cao-tuan.png)');
  });

  await s.step('a commune leader reads the commune\'s figures from Tasklist', async () => {
    const page = await tasklistReady(s, await s.as('tan-giang.leader'), 'tan-giang.leader');
    const link = page.locator('.motcua-index-link a');
    await link.waitFor();
    const [view] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await view.waitForLoadState('networkidle');
    await view.getByRole('button', {name: 'Tuần sau ›'}).click();
    await view.locator('.mi-ranking').getByText('Phường Tân Giang').waitFor();
    check(await view.locator('.mi-ranking tr').count() === 2, 'the leader sees one commune, their own');
    check(!(await view.getByText('Phường Thục Phán').count()), 'no other commune');
    await noEnglish(view, 'leader-chi-so');
    await s.shot(view, 'lanh-dao-xa-chi-so');
  });
  console.log('OK: service-index');
} finally {
  await s.close();
}
