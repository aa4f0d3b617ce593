/*
 * motcua: what the scripts that add an item to Tasklist's header share: the service's root, and the
 * moment to add it (once the header and the task list are there, and again when Tasklist redraws
 * the header without its item).
 */
const base = document.querySelector('base');
export const ROOT = (base ? base.getAttribute('app-root') : '/camunda').replace(/\/camunda\/?$/, '');

/** Calls add(nav) whenever Tasklist's header menu is shown without an element matching marker. */
export function inHeader(marker, add) {
  const install = () => {
    const nav = document.querySelector('[cam-widget-header] nav.app-menu > ul');
    if (!nav || document.querySelector(marker) || !document.querySelector('.task-filter, .tasks-list')) {
      return;
    }
    add(nav);
  };
  new MutationObserver(install).observe(document.body, {childList: true, subtree: true});
  install();
}
