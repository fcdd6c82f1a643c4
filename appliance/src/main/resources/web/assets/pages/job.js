import {h, replace, pageHead, time, badge, fact, announce} from '../dom.js';
import {api, poll} from '../api.js';
import {can} from '../session.js';
import {confirmAction} from '../form.js';
import {DataTable} from '../table.js';
import {ACTIVE_STATES, jobType, jobState, jobProgress} from './jobs-common.js';

const POLL_MS = 2000;

/** One job: its facts, overall progress, and a row per target; polls until the job has finished. */
export default function mount(main, {params}) {
  const id = params.id;
  const head = h('div');
  const facts = h('dl', {class: 'facts facts-wide'});
  const error = h('div', {role: 'alert'});
  const table = new DataTable([
    // a node's name (linked to it) when the target is a node, else the target as it is
    {key: 'label', label: 'Target', render: t => t.label && t.label !== t.target
      ? h('a', {href: `#/nodes/${encodeURIComponent(t.target)}`, title: t.target}, t.label) : (t.label ?? t.target)},
    {key: 'state', label: 'State', render: t => badge(t.state)},
    {key: 'progress', label: 'Progress', sortable: false, render: targetProgress, className: 'col-progress'},
    {key: 'status', label: 'Status'},
    {key: 'reason', label: 'Reason', className: 'col-wide'},
    {key: 'updatedAt', label: 'Updated', render: t => time(t.updatedAt)},
  ], {caption: `Targets of job ${id}`, empty: 'This job has no targets.', rowKey: t => t.target, pageSize: 100});
  main.append(h('section', {class: 'page'},
    h('p', {class: 'crumbs'}, h('a', {href: '#/jobs'}, 'Jobs'), ' / ', `#${id}`),
    head, error,
    h('section', {class: 'card'}, facts),
    h('h2', {}, 'Targets'), table.el));

  let stop = () => {};
  let lastState = null;

  async function cancel() {
    if (!await confirmAction(`Cancel job #${id}?`, 'Targets already done keep their result; the rest are not started.', 'Cancel job')) return;
    try {
      await api('POST', `/jobs/${encodeURIComponent(id)}/cancel`);
      announce(`Cancelling job #${id}.`);
      refresh();
    } catch (e) {
      announce(e.message, 'error');
    }
  }

  async function refresh() {
    let job;
    try {
      job = await api('GET', `/jobs/${encodeURIComponent(id)}`);
    } catch (e) {
      replace(error, h('p', {class: 'alert alert-error'}, e.status === 404 ? `There is no job #${id}.` : e.message));
      if (e.status === 404) stop();
      return;
    }
    error.replaceChildren();
    const active = ACTIVE_STATES.includes(job.state);
    if (job.state !== lastState) {
      replace(head, pageHead(`${jobType(job.type)} · #${job.id}`, job.summary,
        active && can('jobs.cancel') ? h('button', {type: 'button', class: 'btn btn-danger', onclick: cancel}, 'Cancel job') : null));
      if (lastState && !active) announce(`Job #${id} ${job.state.replaceAll('_', ' ')}.`);
      lastState = job.state;
    }
    const p = job.progress ?? {};
    replace(facts,
      fact('State', jobState(job)), fact('Progress', jobProgress(job)),
      fact('Created by', job.createdBy), fact('Created', time(job.createdAt)),
      fact('Started', time(job.startedAt)), fact('Finished', time(job.finishedAt)),
      fact('Targets', p.total === undefined ? '—' : `${p.done ?? 0} of ${p.total} done`));
    table.setRows((job.targets ?? []).map(t => ({...t})));
    if (!active) stop();
  }

  stop = poll(refresh, POLL_MS);
  return () => stop();
}

// Targets report a state, not a percentage: a queued target shows an empty bar, a running one an indeterminate bar,
// a finished one a full bar.
function targetProgress(t) {
  const label = `Progress of ${t.label ?? t.target}`;
  if (t.state === 'running') return h('span', {class: 'progress'}, h('progress', {'aria-label': label}), h('span', {class: 'progress-text'}, 'working'));
  const done = !['queued', 'pending'].includes(t.state);
  return h('span', {class: 'progress'}, h('progress', {max: 1, value: done ? 1 : 0, 'aria-label': label, class: `progress-${t.state}`}),
    h('span', {class: 'progress-text'}, done ? 'done' : 'waiting'));
}
