/*
 * motcua: "Chỉ số phục vụ" in Tasklist's header: the commune's figures of the service index
 * (Decision 766) for its leader and officials, on the read-only page /chi-so-phuc-vu.html (the
 * server shows each official their own commune only).
 */
const base = document.querySelector('base');
const ROOT = (base ? base.getAttribute('app-root') : '/camunda').replace(/\/camunda\/?$/, '');

function install() {
  const nav = document.querySelector('[cam-widget-header] nav.app-menu > ul');
  if (!nav || document.querySelector('.motcua-index-link') || !document.querySelector('.task-filter, .tasks-list')) {
    return;
  }
  const item = document.createElement('li');
  item.className = 'motcua-index-link';
  const link = document.createElement('a');
  link.href = ROOT + '/chi-so-phuc-vu.html';
  link.target = '_blank';
  link.rel = 'noopener';
  link.title = 'Chỉ số phục vụ người dân, doanh nghiệp của xã, phường (Quyết định 766/QĐ-TTg)';
  link.textContent = 'Chỉ số phục vụ';
  item.appendChild(link);
  nav.insertBefore(item, nav.firstChild);
}

new MutationObserver(install).observe(document.body, {childList: true, subtree: true});
install();

export default [];
