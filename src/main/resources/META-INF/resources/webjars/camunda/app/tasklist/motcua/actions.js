/*
 * motcua: officials see only the actions they can use. "Tạo công việc" (a task outside any
 * procedure) is refused by the server to every official and is hidden in styles/user-styles.css.
 * "Khởi tạo quy trình" shows only when the official may start a process from Tasklist (the same
 * question Tasklist's start dialog asks the engine).
 */
import {engineGet} from './engine-api.js';

const STARTABLE = 'process-definition/count?latest=true&active=true&startableInTasklist=true'
  + '&startablePermissionCheck=true&notStartableInTasklist=false';

async function showStartWhenUsable() {
  try {
    const {count} = await engineGet(STARTABLE);
    document.documentElement.classList.toggle('motcua-can-start', count > 0);
  } catch (e) {
    document.documentElement.classList.remove('motcua-can-start');
  }
}

showStartWhenUsable();
window.addEventListener('hashchange', showStartWhenUsable);

export default [];
