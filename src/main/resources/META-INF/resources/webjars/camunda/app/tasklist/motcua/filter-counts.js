/*
 * motcua: the number of tasks on every filter, not only the selected one, so that work waiting
 * elsewhere is never hidden (Tasklist 7.24 counts only the filter in focus). Counts come from
 * GET filter/{id}/count as the official, refreshed on every change of page and every 30 seconds.
 */
import {engineGet, onPageChange} from './engine-api.js';

let filtersByName = null;
let counts = {};
let loading = false;

async function refreshCounts() {
  if (loading || !document.querySelector('.task-filter')) {
    return;
  }
  loading = true;
  try {
    if (!filtersByName) {
      filtersByName = {};
      for (const filter of await engineGet('filter?resourceType=Task')) {
        filtersByName[filter.name] = filter.id;
      }
    }
    const next = {};
    await Promise.all(Object.entries(filtersByName).map(async ([name, id]) => {
      next[name] = (await engineGet('filter/' + id + '/count')).count;
    }));
    counts = next;
    render();
  } catch (e) {
    filtersByName = null; // logged out, or the filters changed: read them again next time
  } finally {
    loading = false;
  }
}

function render() {
  for (const item of document.querySelectorAll('.task-filter')) {
    const link = item.querySelector('h4.name a');
    if (!link) {
      continue;
    }
    const name = Array.from(link.childNodes)
      .filter(node => node.nodeType === Node.TEXT_NODE)
      .map(node => node.textContent)
      .join('')
      .trim();
    if (!(name in counts)) {
      continue;
    }
    let badge = link.querySelector('.motcua-count');
    if (!badge) {
      badge = document.createElement('span');
      badge.className = 'motcua-count';
      link.appendChild(badge);
    }
    const text = String(counts[name]);
    if (badge.textContent !== text) {
      badge.textContent = text;
    }
    badge.classList.toggle('motcua-count-empty', counts[name] === 0);
    badge.title = counts[name] + ' công việc';
  }
}

let lastRefresh = 0;
onPageChange(() => {
  render();
  if (Date.now() - lastRefresh > 2000) {
    lastRefresh = Date.now();
    refreshCounts();
  }
}, 400);
setInterval(refreshCounts, 30000);

export default [];
