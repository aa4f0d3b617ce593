/*
 * motcua: "Phiếu hẹn vừa cấp" in Tasklist's header. Once the one-stop accepts a dossier its
 * reception task is gone, yet the citizen waits at the counter for the appointment slip (Mẫu 01):
 * this menu lists the dossiers the official accepted today, newest first, each with its Mẫu 01
 * one click away (a new tab, ready to print). Read from GET /api/me/appointment-slips.
 */
import {ROOT, inHeader} from './header.js';

const SLIPS = ROOT + '/api/me/appointment-slips';

function element(tag, attributes = {}, text) {
  const e = document.createElement(tag);
  Object.entries(attributes).forEach(([k, v]) => e.setAttribute(k, v));
  if (text !== undefined) e.textContent = text;
  return e;
}

async function fill(panel) {
  panel.replaceChildren(element('li', {class: 'motcua-slips-note'}, 'Đang tải…'));
  try {
    const response = await fetch(SLIPS, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    const slips = response.ok ? await response.json() : [];
    panel.replaceChildren();
    if (!slips.length) {
      panel.appendChild(element('li', {class: 'motcua-slips-note'}, 'Hôm nay bạn chưa tiếp nhận hồ sơ nào.'));
    }
    for (const slip of slips) {
      const item = element('li', {class: 'motcua-slip'});
      const link = element('a', {href: slip._links.mau01, target: '_blank', rel: 'noopener',
        title: 'In Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)'});
      link.appendChild(element('strong', {}, slip.code));
      link.appendChild(element('span', {}, ' · ' + slip.applicant + ' · ' + slip.procedure));
      link.appendChild(element('small', {}, 'Tiếp nhận lúc ' + slip.acceptedAt + ' · In Mẫu 01'));
      item.appendChild(link);
      panel.appendChild(item);
    }
  } catch (e) {
    panel.replaceChildren(element('li', {class: 'motcua-slips-note'}, 'Không tải được danh sách phiếu hẹn.'));
  }
}

inHeader('.motcua-slips-action', nav => {
  const item = element('li', {class: 'motcua-slips-action dropdown'});
  const toggle = element('a', {href: '', role: 'button'}, 'Phiếu hẹn vừa cấp');
  const panel = element('ul', {class: 'dropdown-menu dropdown-menu-right motcua-slips'});
  toggle.addEventListener('click', event => {
    event.preventDefault();
    const open = !item.classList.contains('open');
    item.classList.toggle('open', open);
    if (open) {
      fill(panel);
    }
  });
  document.addEventListener('click', event => {
    if (!item.contains(event.target)) {
      item.classList.remove('open');
    }
  });
  item.appendChild(toggle);
  item.appendChild(panel);
  nav.insertBefore(item, nav.firstChild);
});

export default [];
