import {h, pageHead, time, badge} from '../dom.js';
import {api, query} from '../api.js';
import {DataTable} from '../table.js';
import {field} from '../form.js';

/** The activity log: who did what, when, from where; filtered and paged by the server, newest first. */
export default function mount(main) {
  const error = h('div', {role: 'alert'});
  let page = 0;
  let size = 50;
  const filters = h('form', {class: 'filters', 'aria-label': 'Filter the activity log'},
    field({label: 'Text', name: 'q', type: 'search', attrs: {'data-filter': '', placeholder: 'Search detail, target…'}}),
    field({label: 'User', name: 'user'}),
    field({label: 'Action', name: 'action', attrs: {placeholder: 'e.g. login'}}),
    field({label: 'From', name: 'from', type: 'datetime-local'}),
    field({label: 'To', name: 'to', type: 'datetime-local'}),
    h('div', {class: 'filter-buttons'},
      h('button', {type: 'submit', class: 'btn btn-primary'}, 'Apply'),
      h('button', {type: 'reset', class: 'btn'}, 'Clear')));
  const table = new DataTable([
    {key: 'time', label: 'Time', render: a => time(a.time)},
    {key: 'user', label: 'User'},
    {key: 'action', label: 'Action'},
    {key: 'target', label: 'Target', render: a => jobTarget(a.target) ?? a.target ?? '—'},
    {key: 'outcome', label: 'Outcome', render: a => (a.outcome ? badge(a.outcome) : '—')},
    {key: 'detail', label: 'Detail', className: 'col-wide'},
    {key: 'sourceAddress', label: 'From address'},
  ], {caption: 'Activity log', empty: 'No activity matches.', rowKey: a => a.id, filter: false,
    server: {load: (p, s) => { page = p; size = s; load(); }}});
  filters.addEventListener('submit', e => { e.preventDefault(); table.page = 0; page = 0; load(); });
  filters.addEventListener('reset', () => setTimeout(() => { table.page = 0; page = 0; load(); }));
  main.append(h('section', {class: 'page'}, pageHead('Activity log', 'Every sign-in and change, newest first.'), filters, error, table.el));

  async function load() {
    const f = Object.fromEntries(new FormData(filters));
    const instant = v => (v ? new Date(v).toISOString() : '');
    try {
      const result = await api('GET', `/audit${query({user: f.user.trim(), action: f.action.trim(), q: f.q.trim(),
        from: instant(f.from), to: instant(f.to), page, size})}`);
      error.replaceChildren();
      table.setRows(result.items, result.total);
    } catch (e) {
      error.replaceChildren(h('p', {class: 'alert alert-error'}, e.message));
    }
  }

  load();
}

// job.* entries name their job as "job 42": make it a link to the job page
function jobTarget(target) {
  const match = /^job (\d+)$/.exec(target ?? '');
  return match ? h('a', {href: `#/jobs/${match[1]}`}, target) : null;
}
