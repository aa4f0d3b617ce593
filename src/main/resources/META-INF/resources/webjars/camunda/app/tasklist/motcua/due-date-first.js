/*
 * motcua: officials work by deadline. Tasklist sorts by creation date unless the address says
 * otherwise; when it says nothing, this sorts by due date, soonest first. An official who picks
 * another order keeps it (it is then in the address).
 */
const DUE_DATE_FIRST = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);

function dueDateFirst() {
  const hash = window.location.hash || '#/';
  const query = hash.indexOf('?');
  const params = new URLSearchParams(query < 0 ? '' : hash.substring(query + 1));
  if (!params.has('sorting')) {
    params.set('sorting', DUE_DATE_FIRST);
    const path = query < 0 ? hash : hash.substring(0, query);
    window.location.replace(path + '?' + params.toString());
  }
}

dueDateFirst();
window.addEventListener('hashchange', dueDateFirst);

export default [];
