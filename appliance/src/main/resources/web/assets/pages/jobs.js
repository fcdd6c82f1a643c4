import {h, pageHead, time, announce} from '../dom.js';
import {can} from '../session.js';
import {api, poll, query} from '../api.js';
import {DataTable} from '../table.js';
import {JOB_STATES, jobLink, jobType, jobState, jobProgress} from './jobs-common.js';

const POLL_MS = 2000;

/** All jobs, newest first, paged by the server, filtered by state, refreshed every two seconds. */
export default function mount(main, {query: initial, navigate}) {
  let state = JOB_STATES.includes(initial.get('state')) ? initial.get('state') : '';
  let page = 0;
  let size = 50;
  const error = h('div', {role: 'alert'});
  const stateSelect = h('select', {'aria-label': 'State', 'data-filter': '', onchange: () => {
    state = stateSelect.value;
    history.replaceState(null, '', `#/jobs${query({state})}`);
    table.page = 0;
    page = 0;
    refresh();
  }}, h('option', {value: ''}, 'All states'),
  JOB_STATES.map(s => h('option', {value: s, selected: s === state}, s.replaceAll('_', ' '))));
  const table = new DataTable([
    {key: 'id', label: 'Job', render: jobLink, value: j => Number(j.id) || j.id},
    {key: 'type', label: 'Type', render: j => jobType(j.type), className: 'nowrap'},
    {key: 'state', label: 'State', render: jobState},
    {key: 'progress', label: 'Progress', value: j => j.progress?.percent ?? 0, render: jobProgress, className: 'col-progress'},
    {key: 'summary', label: 'Summary'},
    {key: 'createdBy', label: 'By'},
    {key: 'createdAt', label: 'Created', render: j => time(j.createdAt)},
    {key: 'finishedAt', label: 'Finished', render: j => time(j.finishedAt)},
  ], {
    caption: 'Jobs', empty: 'No jobs match.', rowKey: j => j.id, filter: false, toolbar: [h('label', {class: 'inline'}, 'State ', stateSelect)],
    server: {load: (p, s) => { page = p; size = s; refresh(); }},
  });
  main.append(h('section', {class: 'page'},
    pageHead('Jobs', 'Long-running work and its progress per target. Updates every two seconds.',
      can('selftest.run') ? h('button', {type: 'button', class: 'btn', id: 'run-self-test', onclick: selfTest,
        title: 'Checks the database, vault, certificate and disk; one target per check'}, 'Run self-test') : null),
    error, table.el));

  async function refresh() {
    try {
      const result = await api('GET', `/jobs${query({state, page, size})}`);
      error.replaceChildren();
      table.setRows(result.items, result.total);
    } catch (e) {
      error.replaceChildren(h('p', {class: 'alert alert-error'}, e.message));
    }
  }

  async function selfTest(event) {
    event.target.disabled = true;
    try {
      const job = await api('POST', '/support/self-test');
      announce(`Self-test started as job #${job.id}.`, 'success');
      navigate(`jobs/${job.id}`);
    } catch (e) {
      announce(e.message, 'error');
      event.target.disabled = false;
    }
  }

  return poll(refresh, POLL_MS);
}
