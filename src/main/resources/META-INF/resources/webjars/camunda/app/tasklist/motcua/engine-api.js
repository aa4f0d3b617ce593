/*
 * motcua: the engine's REST API as Tasklist itself calls it (the official's session; reads only).
 */
const base = document.querySelector('base');
const ENGINE = (base ? base.getAttribute('engine-api') : '/camunda/api/engine/') + 'engine/default/';

export async function engineGet(path) {
  const response = await fetch(ENGINE + path, {
    credentials: 'same-origin',
    headers: {Accept: 'application/json'}
  });
  if (!response.ok) {
    throw new Error(path + ': ' + response.status);
  }
  return response.json();
}

/**
 * Runs fn soon and whenever Tasklist's page changes (Angular re-renders without reloading): at
 * most once per delay, and never starved by a page that keeps changing (a ticking clock, a picker).
 */
export function onPageChange(fn, delay = 300) {
  let timer = null;
  const schedule = () => {
    if (timer === null) {
      timer = setTimeout(() => {
        timer = null;
        fn();
      }, delay);
    }
  };
  new MutationObserver(schedule).observe(document.body, {childList: true, subtree: true});
  window.addEventListener('hashchange', schedule);
  schedule();
}
