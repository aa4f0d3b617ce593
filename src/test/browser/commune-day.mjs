/*
 * A commune's working day in Tasklist, as its officials click it (Phường Tân Giang):
 * dossiers come in from the portal and a walk-in citizen's at the counter (Tiếp nhận hồ sơ, the
 * papers checklist refusing a missing required paper); the one-stop checks and accepts them and prints Mẫu 01 from
 * "Phiếu hẹn vừa cấp"; the head assigns; the specialist appraises and drafts; the head reviews
 * with the draft in front of them; the leader previews the draft PDF and approves; the one-stop
 * collects the exact fee with its receipt, returns one result at the counter and sends one by
 * post, and the post's delivery is confirmed before the dossier counts as returned; a third
 * dossier is withdrawn at the counter. Usage: node commune-day.mjs <base url> <screenshot dir>
 */
import {Scenario, basic, check, completeTask, enter, enterDate, field, noEnglish, notifications, openTask, press, tasklistReady, tick} from './lib.mjs';

const [, , base, shots] = process.argv;
const s = new Scenario('commune-day', base, shots);
const PORTAL = {'X-API-Key': 'demo-portal-key'};
const HOLDER = {
  Task_ReceptionCheck: 'tan-giang.reception', Task_CollectFee: 'tan-giang.reception',
  Task_AssignSpecialist: 'tan-giang.vp.head', Task_AppraiseDossier: 'tan-giang.vp.specialist1',
  Task_ReviewDraft: 'tan-giang.vp.head', Task_LeaderApproval: 'tan-giang.leader',
  Task_ReturnByPost: 'tan-giang.reception', Task_ConfirmPostDelivery: 'tan-giang.reception',
  Task_ReturnAtCounter: 'tan-giang.reception'
};
const applicant = {fullName: 'Nguyễn Thị Hồng Nhung', idNumber: '001190012345', phone: '0912345678',
  email: 'nhung@example.vn', address: 'Tổ 5, phường Tân Giang, tỉnh Cao Bằng'};

/** A day before today in Vietnam: yyyy-mm-dd for the API, dd/mm/yyyy as an official types it. */
function daysAgo(days, typed = false) {
  const parts = new Intl.DateTimeFormat('en-CA', {timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit'})
    .format(new Date(Date.now() - days * 86400000)).split('-');
  return typed ? `${parts[2]}/${parts[1]}/${parts[0]}` : parts.join('-');
}

async function submit(procedureCode, returnMethod, papers) {
  // a birth registered on time (the fee is owed only when late): the child was born three days ago
  const eventDate = procedureCode === '1.001193' ? daysAgo(3) : undefined;
  const r = await s.api('POST', '/api/dossiers', {procedureCode, communeCode: 'tan-giang', channel: 'COUNTER', returnMethod,
    applicant, eventDate, components: papers.map(name => ({name, copies: 1}))}, PORTAL);
  check(r.status === 201, 'submitted: ' + JSON.stringify(r.body));
  return r.body.code;
}

async function dossier(code) {
  return (await s.api('GET', '/api/dossiers/' + code, undefined, PORTAL)).body;
}

async function openStep(code) {
  const r = await s.api('GET', '/engine-rest/task?processInstanceBusinessKey=' + encodeURIComponent(code), undefined, basic('admin'));
  check(r.status === 200, 'tasks of ' + code + ': ' + r.status);
  // the dossier's main step (a late-dossier explanation may run beside it, for the head)
  return r.body.find(t => t.taskDefinitionKey in HOLDER) || null;
}

const pages = {};
async function pageOf(user) {
  if (!pages[user]) {
    pages[user] = await tasklistReady(s, await s.as(user), user);
  } else {
    // as an official presses F5
    await tasklistReady(s, pages[user], user, true);
  }
  return pages[user];
}

async function pdfBehind(page, linkText) {
  const link = page.locator('.fjs-container a', {hasText: linkText}).first();
  await page.locator('.fjs-container a[target=_blank]', {hasText: linkText}).first().waitFor({timeout: 5000})
    .catch(() => check(false, `"${linkText}" opens in a new tab`));
  const response = await page.request.get(new URL(await link.getAttribute('href'), s.base).toString());
  check(response.status() === 200 && (response.headers()['content-type'] || '').startsWith('application/pdf'),
    `"${linkText}" is a PDF (${response.status()})`);
}

async function act(code, step, label, taskId) {
  const user = HOLDER[step];
  check(user, 'a holder for ' + step);
  const page = await pageOf(user);
  await s.step(`${user}: ${step} of ${code}`, async () => {
    const landing = (await page.locator('.task-filter.active .name a').first().innerText()).split('\n')[0].trim();
    check(landing === 'Việc cần xử lý', `${user} lands on "Việc cần xử lý" (not "${landing}")`);
    await openTask(page, 'Việc cần xử lý', code, taskId);
    switch (step) {
      case 'Task_ReceptionCheck':
        check(await field(page, 'Số định danh cá nhân').locator('input').inputValue() === '001190012345', 'the ID number is shown');
        check((await field(page, 'Phí, lệ phí').locator('input').inputValue()).length > 0, 'the fee is shown');
        await tick(page, 'Hồ sơ đầy đủ, hợp lệ: tiếp nhận và cấp giấy hẹn (Mẫu 01)');
        break;
      case 'Task_CollectFee':
        await enter(page, 'Số tiền đã thu', '5000');
        await enter(page, 'Số biên lai', 'BL-2026-0001');
        break;
      case 'Task_AssignSpecialist': {
        await field(page, 'Công chức thụ lý').locator('.fjs-input-group, .fjs-select-display, input').first().click();
        await page.locator('.fjs-dropdownlist-item').first().click();
        break;
      }
      case 'Task_AppraiseDossier':
        await tick(page, 'Hồ sơ đủ điều kiện: dự thảo kết quả, trình trưởng phòng');
        await enter(page, 'Dự thảo kết quả giải quyết', 'Xác nhận bà Nguyễn Thị Hồng Nhung hiện chưa đăng ký kết hôn với ai.');
        break;
      case 'Task_ReviewDraft':
        await pdfBehind(page, 'Dự thảo kết quả (PDF)');
        await tick(page, 'Đồng ý, trình lãnh đạo UBND ký');
        break;
      case 'Task_LeaderApproval':
        await pdfBehind(page, 'Dự thảo kết quả (PDF)');
        await tick(page, 'Phê duyệt, ký ban hành kết quả');
        break;
      case 'Task_ReturnByPost':
        await enter(page, 'Số hiệu bưu gửi', 'EB123456789VN');
        break;
      case 'Task_ConfirmPostDelivery': {
        check((await dossier(code)).status === 9, 'dispatched by post: not returned yet (status 9)');
        const date = field(page, 'Ngày phát');
        check(await date.locator('input').first().getAttribute('placeholder') === 'dd/mm/yyyy', 'the date reads dd/mm/yyyy');
        await tick(page, 'Bưu điện đã phát kết quả cho công dân');
        const today = new Intl.DateTimeFormat('vi-VN', {timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit',
          year: 'numeric'}).format(new Date());
        await enterDate(page, 'Ngày phát', today);
        await enter(page, 'Ghi chú', 'Người nhận: Nguyễn Thị Hồng Nhung');
        break;
      }
      case 'Task_ReturnAtCounter':
        await enter(page, 'Họ và tên người nhận kết quả', 'Nguyễn Thị Hồng Nhung');
        break;
      default:
        throw new Error('no action for ' + step);
    }
    await noEnglish(page, `${step} form`);
    await page.locator('.task-filter .motcua-count').first().waitFor({timeout: 5000})
      .catch(() => check(false, 'the filters show their counts beside an open task'));
    await s.shot(page, label + '-' + step);
    await completeTask(page);
    // done when the engine no longer holds the task (a refusal would leave it open and fail here)
    for (let wait = 0; ; wait++) {
      const open = await openStep(code);
      if (!open || open.id !== taskId) break;
      check(wait < 60, `${step} of ${code} was completed in Tasklist (notifications: ${(await notifications(page)).join(' | ')})`);
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  });
  if (step === 'Task_ReceptionCheck') {
    await s.step('the appointment slip is one click away', async () => {
      await page.getByText('Phiếu hẹn vừa cấp', {exact: true}).click();
      const slip = page.locator('.motcua-slips a', {hasText: code}).first();
      await slip.waitFor();
      await s.shot(page, label + '-phieu-hen');
      const response = await page.request.get(new URL(await slip.getAttribute('href'), s.base).toString());
      check(response.status() === 200 && response.headers()['content-type'].startsWith('application/pdf'), 'Mẫu 01 is a PDF');
      await page.getByText('Phiếu hẹn vừa cấp', {exact: true}).click();
    });
  }
}

/** The dossier's next step for an official, or null once it is returned (steps may start a moment later). */
async function nextStep(code) {
  for (let wait = 0; wait < 40; wait++) {
    const task = await openStep(code);
    if (task || (await dossier(code)).status === 10) {
      return task;
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
  throw new Error(code + ' waits with no step for an official and is not returned');
}

async function carry(code, label) {
  for (let i = 0; i < 15; i++) {
    const task = await nextStep(code);
    if (!task) {
      return;
    }
    await act(code, task.taskDefinitionKey, label, task.id);
  }
  throw new Error(code + ' never finished');
}

try {
  await s.start();
  const byPost = await submit('1.004873', 'POST', ['Tờ khai cấp Giấy xác nhận tình trạng hôn nhân']);
  const withdrawn = await submit('1.001193', 'COUNTER', ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh hoặc giấy tờ thay thế',
    'Giấy tờ tùy thân của người đi đăng ký']);

  await s.step('the one-stop sees its work, with a count on every filter, and nothing it cannot use', async () => {
    const page = await pageOf('tan-giang.reception');
    await page.locator('.task-filter .motcua-count').first().waitFor();
    const filters = await page.locator('.task-filter').count();
    check(await page.locator('.task-filter .motcua-count').count() === filters, 'a count on each of the ' + filters + ' filters');
    const work = await page.locator('.task-filter', {hasText: 'Việc cần xử lý'}).locator('.motcua-count').innerText();
    check(Number(work) >= 2, 'the new dossiers wait in "Việc cần xử lý" (' + work + ')');
    check(!(await page.locator('.ce-eol-banner').isVisible()), 'no Camunda 8 banner');
    check(!(await page.locator('.create-task-action').isVisible()), 'no "Tạo công việc"');
    check(await page.locator('.start-process-action').isVisible(), 'the one-stop may start "Tiếp nhận hồ sơ"');
    await noEnglish(page, 'Tasklist');
    await s.shot(page, 'landing');
  });

  await carry(byPost, 'buu-chinh');
  const sent = await dossier(byPost);
  check(sent.status === 10, 'returned by post once delivered: ' + sent.status);
  check(sent.statusHistory.some(h => /biên lai BL-2026-0001|BL-2026-0001/.test(h.note || '')), 'the receipt is in the history');

  const atCounter = await s.step('a walk-in citizen is registered at the counter from Tasklist', async () => {
    const page = await pageOf('tan-giang.reception');
    await page.locator('.start-process-action a').click();
    await page.locator('.modal-content').getByText('Tiếp nhận hồ sơ', {exact: true}).click();
    const form = page.locator('.modal-content .fjs-container');
    await form.waitFor();
    await field(page, 'Thủ tục hành chính').locator('input').first().fill('khai sinh');
    // the search finds every procedure with these words; the official picks birth registration itself
    check(await page.locator('.fjs-dropdownlist-item', {hasText: 'khai sinh'}).count() >= 3, 'the search lists the birth procedures');
    await page.locator('.fjs-dropdownlist-item', {hasText: '1.001193 — Đăng ký khai sinh'}).first().click();
    await enterDate(page, 'Ngày sinh hoặc ngày chết', daysAgo(3, true));
    await enter(page, 'Họ và tên người nộp hồ sơ', 'Lục Thị Mai');
    await enter(page, 'Số định danh cá nhân', '004192000123');
    await enter(page, 'Số điện thoại', '0987654321');
    await enter(page, 'Địa chỉ', 'Tổ 3, phường Tân Giang, tỉnh Cao Bằng');
    await tick(page, 'Nhận trực tiếp tại Bộ phận Một cửa');
    await tick(page, 'Tờ khai đăng ký khai sinh (bắt buộc)');
    await tick(page, 'Hồ sơ đầy đủ, hợp lệ: tiếp nhận ngay');
    await noEnglish(page, 'intake form');
    await s.shot(page, 'tiep-nhan-tai-quay');
    // two required papers are not ticked: refused, naming them, and nothing is registered
    await (await press(page, page.locator('.modal-footer').getByRole('button', {name: 'Khởi tạo'}), 'Khởi tạo')).click();
    const refusal = page.locator('.alert, .notification, [cam-notifications]').filter({hasText: 'Giấy chứng sinh'}).first();
    await refusal.waitFor();
    await s.shot(page, 'tiep-nhan-thieu-giay-to');
    await tick(page, 'Giấy chứng sinh hoặc giấy tờ thay thế (bắt buộc)');
    await tick(page, 'Giấy tờ tùy thân của người đi đăng ký (bắt buộc)');
    await (await press(page, page.locator('.modal-footer').getByRole('button', {name: 'Khởi tạo'}), 'Khởi tạo')).click();
    await page.locator('.modal-content').waitFor({state: 'detached'});
    await page.getByText('Phiếu hẹn vừa cấp', {exact: true}).click();
    const slip = page.locator('.motcua-slips a', {hasText: 'Lục Thị Mai'}).first();
    await slip.waitFor();
    await s.shot(page, 'tiep-nhan-phieu-hen');
    const code = (await slip.locator('strong').innerText()).trim();
    await page.getByText('Phiếu hẹn vừa cấp', {exact: true}).click();
    const registered = await dossier(code);
    check(registered.status === 4 && registered.channel === 'COUNTER' && registered.components.length === 3,
      'registered and accepted at the counter: ' + JSON.stringify(registered).slice(0, 300));
    return code;
  });
  await carry(atCounter, 'tai-quay');
  check((await dossier(atCounter)).status === 10, 'returned at the counter');

  await s.step('a dossier withdrawn at the counter leaves the one-stop\'s work', async () => {
    const r = await s.api('POST', `/api/dossiers/${withdrawn}/withdrawal`, {reason: 'Công dân nộp đơn xin rút hồ sơ tại quầy'},
      basic('tan-giang.reception'));
    check(r.status === 200 && r.body.status === 7, 'withdrawn: ' + JSON.stringify(r.body).slice(0, 200));
    const page = await pageOf('tan-giang.reception');
    await page.locator('.task-filter', {hasText: 'Việc cần xử lý'}).first().click();
    await page.waitForTimeout(1000);
    check(await page.locator('.tasks-list .task', {hasText: withdrawn}).count() === 0, 'its task is gone');
    await s.shot(page, 'rut-ho-so');
  });

  await s.step('the history shows names, not logins', async () => {
    const page = await tasklistReady(s, await s.as('tan-giang.reception'), 'tan-giang.reception');
    const extra = await submit('1.001193', 'COUNTER', ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh hoặc giấy tờ thay thế',
      'Giấy tờ tùy thân của người đi đăng ký']);
    await tasklistReady(s, page, 'tan-giang.reception', true);
    await openTask(page, 'Việc cần xử lý', extra);
    await page.locator('.task-details').getByText('Lịch sử', {exact: true}).click();
    await page.locator('.history-pane').getByText('Nguyễn Thị Thu Trang').first().waitFor();
    check(!(await page.locator('.history-pane').innerText()).includes('tan-giang.reception'), 'no login in the history');
    check((await page.locator('.task-details .tenant-id').innerText()).trim() === 'Phường Tân Giang', 'the commune by name');
    await s.shot(page, 'lich-su');
  });
  console.log('OK: commune-day');
} finally {
  await s.close();
}
