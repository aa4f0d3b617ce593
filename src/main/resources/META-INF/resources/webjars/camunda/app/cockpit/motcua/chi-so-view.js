/*
 * motcua: the service index of Decision 766 ("Chỉ số phục vụ"), drawn from motcua's API
 * (/api/service-index/weekly, /api/service-index/dossiers): the week's score and its trend over twelve
 * weeks, the communes' ranking with the change since the week before, every indicator with the ones
 * below target in red, the dossiers behind any figure a click away, and the week's late dossiers.
 * Used by the Cockpit plugin (province admins) and by the leaders' page /chi-so-phuc-vu.html (their
 * commune); the server decides what each may see.
 */
const NUMBER = new Intl.NumberFormat('vi-VN', {minimumFractionDigits: 2, maximumFractionDigits: 2});

function el(tag, attributes = {}, ...children) {
  const e = document.createElement(tag);
  Object.entries(attributes).forEach(([k, v]) => {
    if (k === 'onclick') e.addEventListener('click', v);
    else e.setAttribute(k, v);
  });
  children.flat().forEach(c => e.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
  return e;
}

const number = v => (v === null || v === undefined ? '—' : NUMBER.format(v));
const day = iso => (iso ? new Date(iso).toLocaleDateString('vi-VN', {timeZone: 'Asia/Ho_Chi_Minh'}) : '—');
const dayOf = d => d.toISOString().slice(0, 10);

function monday(isoDay) {
  const d = new Date(isoDay + 'T00:00:00Z');
  const shift = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - shift);
  return dayOf(d);
}

function addDays(isoDay, n) {
  const d = new Date(isoDay + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return dayOf(d);
}

const STYLE = `
.motcua-index { font-size: 14px; padding: 12px 18px; color: #222; }
.motcua-index h2 { font-size: 20px; margin: 4px 0 10px; }
.motcua-index h3 { font-size: 16px; margin: 16px 0 6px; }
.motcua-index .mi-bar { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-bottom: 10px; }
.motcua-index .mi-score { font-size: 28px; font-weight: bold; margin-right: 8px; }
.motcua-index .mi-grid { display: grid; grid-template-columns: minmax(320px, 1fr) minmax(420px, 1.3fr); gap: 18px; }
.motcua-index table { border-collapse: collapse; width: 100%; }
.motcua-index th, .motcua-index td { border-bottom: 1px solid #ddd; padding: 4px 6px; text-align: left; vertical-align: top; }
.motcua-index th { background: #f3f5f7; }
.motcua-index .mi-red { color: #b71c1c; }
.motcua-index .mi-up { color: #1b5e20; }
.motcua-index a.mi-link, .motcua-index button.mi-link { cursor: pointer; color: #1565c0; background: none; border: 0; padding: 0; text-decoration: underline; }
.motcua-index .mi-selected td { background: #e3f2fd; }
.motcua-index .mi-note { color: #666; }
`;

async function json(url) {
  const response = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (response.status === 401) throw new Error('Phiên đăng nhập đã hết, vui lòng đăng nhập lại.');
  if (!response.ok) {
    let detail = '';
    try {
      detail = (await response.json()).detail || '';
    } catch (e) {
      // not JSON
    }
    throw new Error(detail || 'Không tải được dữ liệu (' + response.status + ').');
  }
  return response.json();
}

function trendChart(points) {
  const w = 460, h = 190, left = 34, right = 14, top = 14, bottom = 28;
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
  svg.setAttribute('class', 'mi-trend');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'Xu hướng điểm chỉ số 12 tuần gần nhất');
  const add = (tag, attrs, text) => {
    const e = document.createElementNS(ns, tag);
    Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v));
    if (text !== undefined) e.textContent = text;
    svg.appendChild(e);
    return e;
  };
  const x = i => left + i * (w - left - right) / Math.max(1, points.length - 1);
  const y = v => top + (h - top - bottom) * (1 - v / 100);
  for (let v = 0; v <= 100; v += 25) {
    add('line', {x1: left, x2: w - right, y1: y(v), y2: y(v), stroke: '#ddd'});
    add('text', {x: left - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#777'}, v);
  }
  points.forEach((p, i) => {
    if (i % 2 === (points.length - 1) % 2) {
      add('text', {x: x(i), y: h - 8, 'text-anchor': 'middle', 'font-size': 10, fill: '#777'},
        p.weekStart.slice(8, 10) + '/' + p.weekStart.slice(5, 7));
    }
  });
  let path = '';
  points.forEach((p, i) => {
    if (p.score === null || p.score === undefined) return;
    path += (path && points[i - 1] && points[i - 1].score != null ? 'L' : 'M') + x(i) + ' ' + y(p.score) + ' ';
  });
  if (path) add('path', {d: path, fill: 'none', stroke: '#1565c0', 'stroke-width': 2});
  points.forEach((p, i) => {
    if (p.score === null || p.score === undefined) return;
    add('circle', {cx: x(i), cy: y(p.score), r: 3, fill: '#1565c0'}).appendChild(
      Object.assign(document.createElementNS(ns, 'title'), {textContent: 'Tuần ' + day(p.weekStart) + ': ' + number(p.score)}));
  });
  return svg;
}

/**
 * Draws the index into node. options.base: the service's root ('' when served by it);
 * options.week: a day of the week to show (default: the last full week).
 */
export function renderIndex(node, options = {}) {
  const base = options.base || '';
  const state = {week: options.week || monday(addDays(dayOf(new Date()), -7)), commune: null, scope: null};
  node.replaceChildren(el('style', {}, STYLE));
  const root = el('div', {class: 'motcua-index'});
  node.appendChild(root);

  async function drill(indicator, title) {
    const box = root.querySelector('.mi-drill');
    box.replaceChildren(el('h3', {}, title), el('p', {class: 'mi-note'}, 'Đang tải…'));
    try {
      const lines = await json(indicator.dossiers + '&part=numerator');
      const table = el('table', {},
        el('tr', {}, ['Hồ sơ', 'Xã, phường', 'Thủ tục', 'Tiếp nhận', 'Hẹn trả', 'Kết thúc', 'Kênh', 'Đánh giá'].map(h => el('th', {}, h))));
      lines.forEach(l => table.appendChild(el('tr', {},
        el('td', {}, l.code), el('td', {}, l.communeName), el('td', {}, l.procedureName), el('td', {}, day(l.acceptedAt)),
        el('td', {}, day(l.dueAt)), el('td', {}, l.endedAt ? day(l.endedAt) : 'chưa xong'),
        el('td', {}, l.channel === 'ONLINE' ? 'Trực tuyến' : l.channel === 'POST' ? 'Bưu chính' : 'Trực tiếp'),
        el('td', {}, {RAT_HAI_LONG: 'Rất hài lòng', HAI_LONG: 'Hài lòng', KHONG_HAI_LONG: 'Không hài lòng'}[l.rating] || '—'))));
      box.replaceChildren(el('h3', {}, title + ' (' + lines.length + (lines.length >= 200 ? '+' : '') + ' hồ sơ)'),
        lines.length ? table : el('p', {class: 'mi-note'}, 'Không có hồ sơ nào.'));
    } catch (e) {
      box.replaceChildren(el('h3', {}, title), el('p', {class: 'mi-red'}, e.message));
    }
  }

  function indicatorsTable(scope) {
    const table = el('table', {class: 'mi-indicators'},
      el('tr', {}, ['Mã', 'Chỉ tiêu', 'Giá trị', 'Mức đạt', 'Tử số / mẫu số', ''].map(h => el('th', {}, h))));
    for (const g of scope.groups) {
      table.appendChild(el('tr', {}, el('th', {colspan: 6},
        g.code + '. ' + g.name + ': ' + (g.judged ? number(g.points) + '/' + g.maxPoints + ' điểm' : 'chưa có hồ sơ để đánh giá'))));
      for (const i of g.indicators) {
        const red = i.belowTarget ? {class: 'mi-red'} : {};
        table.appendChild(el('tr', red,
          el('td', {}, i.code),
          el('td', {}, i.name + (i.fullAt ? ' (đạt tối đa từ ' + number(i.fullAt) + ' %)' : '')),
          el('td', {}, i.value == null ? '—' : number(i.value) + (i.unit === '%' ? ' %' : ' ngày')),
          el('td', {}, i.achievement == null ? '—' : number(100 * i.achievement) + ' %'),
          el('td', {}, i.numerator + ' / ' + i.denominator),
          el('td', {}, el('button', {class: 'mi-link', onclick: () => drill(i, i.code + ' ' + i.name + ' – ' + scope.name)}, 'Xem hồ sơ'))));
      }
    }
    return table;
  }

  async function load() {
    root.replaceChildren(el('h2', {}, 'Chỉ số phục vụ người dân, doanh nghiệp'), el('p', {class: 'mi-note'}, 'Đang tải…'));
    let review;
    let report;
    try {
      const to = addDays(state.week, 6);
      review = await json(base + '/api/service-index/weekly?week=' + state.week);
      report = await json(base + '/api/service-index?from=' + state.week + '&to=' + to
        + (review.scope ? '&commune=' + encodeURIComponent(review.scope) : ''));
    } catch (e) {
      root.replaceChildren(el('h2', {}, 'Chỉ số phục vụ người dân, doanh nghiệp'), el('p', {class: 'mi-red'}, e.message));
      return;
    }
    const scopes = [report.province, ...report.communes].filter(Boolean);
    const scope = scopes.find(s => s.code === state.scope) || scopes[0] || null;
    const change = review.score != null && review.previousScore != null ? review.score - review.previousScore : null;
    const bar = el('div', {class: 'mi-bar'},
      el('button', {class: 'btn btn-default', onclick: () => { state.week = addDays(state.week, -7); load(); }}, '‹ Tuần trước'),
      el('strong', {}, 'Tuần ' + day(review.weekStart) + ' – ' + day(review.weekEnd)),
      el('button', {class: 'btn btn-default', onclick: () => { state.week = addDays(state.week, 7); load(); }}, 'Tuần sau ›'),
      el('a', {class: 'btn btn-default', href: base + '/api/service-index/weekly/pdf?week=' + state.week, target: '_blank', rel: 'noopener'},
        'Báo cáo PDF cho cuộc họp tuần'),
      el('a', {class: 'btn btn-default', href: base + '/api/service-index?from=' + state.week + '&to=' + addDays(state.week, 6)
        + (review.scope ? '&commune=' + encodeURIComponent(review.scope) : '') + '&format=csv'}, 'Tải bảng tính (CSV)'));
    const summary = el('p', {},
      el('span', {class: 'mi-score'}, number(review.score)),
      '/100 – ' + review.scopeName + '; tuần trước: ' + number(review.previousScore),
      change == null ? '' : el('span', {class: change < 0 ? 'mi-red' : 'mi-up'}, ' (' + (change > 0 ? '+' : '') + number(change) + ')'),
      '; hồ sơ trễ hạn trong tuần: ' + review.late.length);
    const ranking = el('table', {class: 'mi-ranking'},
      el('tr', {}, ['Hạng', 'Xã, phường', 'Điểm', 'Tuần trước', 'Thay đổi', 'Hồ sơ'].map(h => el('th', {}, h))));
    review.ranking.forEach(c => ranking.appendChild(el('tr', scope && c.code === scope.code ? {class: 'mi-selected'} : {},
      el('td', {}, c.rank == null ? '—' : c.rank),
      el('td', {}, el('button', {class: 'mi-link', onclick: () => { state.scope = c.code; load(); }}, c.name)),
      el('td', {}, number(c.score)),
      el('td', {}, c.previousRank == null ? '—' : 'hạng ' + c.previousRank + ' (' + number(c.previousScore) + ')'),
      el('td', c.change != null && c.change < 0 ? {class: 'mi-red'} : {}, c.change == null ? '—' : (c.change > 0 ? '+' : '') + number(c.change)),
      el('td', {}, c.handled))));
    const late = el('table', {class: 'mi-late'},
      el('tr', {}, ['Hồ sơ', 'Xã, phường', 'Thủ tục', 'Hẹn trả', 'Bước', 'Lý do'].map(h => el('th', {}, h))));
    review.late.slice(0, 50).forEach(d => late.appendChild(el('tr', {},
      el('td', {}, d.code), el('td', {}, d.communeName), el('td', {}, d.procedureName), el('td', {}, day(d.dueAt)),
      el('td', {}, d.step || '—'), el('td', {}, d.reason))));
    root.replaceChildren(
      el('h2', {}, 'Chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)'), bar, summary,
      el('div', {class: 'mi-grid'},
        el('div', {}, el('h3', {}, 'Xu hướng 12 tuần gần nhất'), trendChart(review.trend),
          el('h3', {}, 'Xếp hạng xã, phường'), review.ranking.length ? ranking : el('p', {class: 'mi-note'}, 'Chưa có hồ sơ trong tuần.')),
        scope ? el('div', {}, el('h3', {}, 'Các chỉ tiêu: ' + scope.name + (scope.score == null ? '' : ' – ' + number(scope.score) + ' điểm')),
          el('p', {class: 'mi-note'}, 'Chữ đỏ: dưới mức đạt tối đa. Bấm "Xem hồ sơ" để thấy các hồ sơ được tính.'),
          indicatorsTable(scope))
          : el('div', {}, el('h3', {}, 'Các chỉ tiêu'), el('p', {class: 'mi-note'}, 'Chưa có hồ sơ nào được tiếp nhận hay giải quyết trong tuần này.'))),
      el('div', {class: 'mi-drill'}),
      el('h3', {}, 'Hồ sơ trễ hạn trong tuần'), review.late.length ? late : el('p', {class: 'mi-note'}, 'Không có hồ sơ trễ hạn.'));
  }

  load();
}
