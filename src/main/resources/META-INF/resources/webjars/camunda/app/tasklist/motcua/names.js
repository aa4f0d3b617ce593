/*
 * motcua: people and communes by name. Tasklist shows logins in the task's history and comments
 * ("tan-giang.reception") and the tenant id in the task header ("tan-giang"); officials read names:
 * "Nguyễn Thị Thu Trang", "Phường Tân Giang". Names are read once through the engine's API as the
 * official (GET user?idIn=…, tenant?id=…) and kept for the page's life.
 */
import {engineGet, onPageChange} from './engine-api.js';

const LOGIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const names = new Map(); // login or tenant id → name ('' while being read, null when unknown)

async function readUsers(ids) {
  ids.forEach(id => names.set(id, ''));
  try {
    const users = await engineGet('user?idIn=' + ids.map(encodeURIComponent).join(','));
    ids.forEach(id => names.set(id, null));
    for (const user of users) {
      names.set(user.id, [user.firstName, user.lastName].filter(Boolean).join(' '));
    }
  } catch (e) {
    ids.forEach(id => names.delete(id));
  }
  render();
}

async function readTenant(id) {
  names.set('tenant:' + id, '');
  try {
    const tenants = await engineGet('tenant?id=' + encodeURIComponent(id));
    names.set('tenant:' + id, tenants.length ? tenants[0].name : null);
  } catch (e) {
    names.delete('tenant:' + id);
  }
  render();
}

function textNodes(root) {
  const nodes = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node);
  }
  return nodes;
}

function render() {
  const missing = new Set();
  for (const area of document.querySelectorAll('.task-details [cam-tasklist-task-history], .task-details .history, .task-details .comments, .task-details [class*=history]')) {
    for (const node of textNodes(area)) {
      const login = node.textContent.trim();
      if (!LOGIN.test(login)) {
        continue;
      }
      const name = names.get(login);
      if (name) {
        node.textContent = node.textContent.replace(login, name);
        node.parentElement.setAttribute('title', login);
      } else if (name === undefined) {
        missing.add(login);
      }
    }
  }
  if (missing.size) {
    readUsers(Array.from(missing));
  }
  for (const element of document.querySelectorAll('.task-details .tenant-id')) {
    const id = element.getAttribute('uib-tooltip') || element.textContent.trim();
    const name = names.get('tenant:' + id);
    if (name && element.textContent.trim() !== name) {
      element.textContent = name;
    } else if (name === undefined) {
      readTenant(id);
    }
  }
}

onPageChange(render, 100);

export default [];
