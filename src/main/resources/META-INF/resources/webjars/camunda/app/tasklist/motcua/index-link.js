/*
 * motcua: "Chỉ số phục vụ" in Tasklist's header: the commune's figures of the service index
 * (Decision 766) for its leader and officials, on the read-only page /chi-so-phuc-vu.html (the
 * server shows each official their own commune only).
 */
import {ROOT, inHeader} from './header.js';

inHeader('.motcua-index-link', nav => {
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
});

export default [];
