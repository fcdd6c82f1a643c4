import {h, replace, time, badge, fact, progressBar, announce} from '../dom.js';
import {api, poll} from '../api.js';
import {can} from '../session.js';
import {confirmAction} from '../form.js';
import {DataTable} from '../table.js';
import {STATE_KIND, targetsText} from './campaigns.js';

const SERIES = [['VERIFIED', 'Woken', 'woken'], ['ALREADY_ON', 'Already on', 'already-on'], ['FAILED', 'Failed', 'failed']];

/** One campaign: live progress, a chart of outcomes over time (our own SVG), a row per node, CSV download. */
export default function mount(main, {params}) {
  const id = params.id;
  const title = h('h1', {}, 'Campaign');
  const summary = h('dl', {class: 'facts'});
  const bar = h('div', {id: 'campaign-progress'});
  const chart = h('figure', {class: 'chart', id: 'campaign-chart'});
  const error = h('div', {role: 'alert'});
  const cancel = can('power.act') ? h('button', {type: 'button', class: 'btn btn-danger-quiet', id: 'cancel-campaign', onclick: doCancel}, 'Cancel campaign') : null;
  const rows = new DataTable([
    {key: 'name', label: 'Node', render: r => h('a', {href: `#/nodes/${encodeURIComponent(r.nodeId)}`}, r.name)},
    {key: 'status', label: 'Status', render: r => badge(r.status.toLowerCase(), ROW_KIND[r.status] ?? 'queued')},
    {key: 'reason', label: 'Reason'},
    {key: 'method', label: 'Method'},
    {key: 'attempts', label: 'Attempts'},
    {key: 'doneAt', label: 'Done', render: r => time(r.doneAt)},
    // the after-window shutdown of the nodes the campaign woke (campaigns that power them off again)
    {key: 'powerOff', label: 'Power-off', render: r => !r.powerOff || r.powerOff === 'NONE' ? '—'
      : r.powerOff.toLowerCase().replaceAll('_', ' ')},
    {key: 'detail', label: 'Detail'},
  ], {caption: 'Nodes of this campaign', empty: 'No nodes.', rowKey: r => r.nodeId, initialSort: {key: 'name', dir: 'asc'}});
  main.append(h('section', {class: 'page'},
    h('p', {class: 'crumbs'}, h('a', {href: '#/campaigns'}, 'Wake campaigns')),
    h('div', {class: 'page-head'}, h('div', {}, title), h('div', {class: 'page-actions'},
      h('a', {class: 'btn', id: 'campaign-csv', href: `/api/v1/wake-campaigns/${encodeURIComponent(id)}/report.csv`, download: `campaign-${id}.csv`}, 'Download CSV'),
      cancel)),
    error,
    h('div', {class: 'grid-2'},
      h('section', {class: 'card', 'aria-labelledby': 'c-progress'}, h('h2', {id: 'c-progress'}, 'Progress'), bar, summary),
      h('section', {class: 'card', 'aria-labelledby': 'c-chart'}, h('h2', {id: 'c-chart'}, 'Outcomes over time'), chart)),
    h('section', {class: 'card', 'aria-labelledby': 'c-rows'}, h('h2', {id: 'c-rows'}, 'Nodes'), rows.el)));

  // The progress (a few hundred bytes) is read every 2 s; the report with a row per node (megabytes at 10,000
  // nodes) only when the counts moved, at most every 10 s for big campaigns, and once more when it has finished.
  let finished = false;
  let reportKey = null;
  let reportAt = 0;

  async function load() {
    if (finished) return;
    try {
      const c = await api('GET', `/wake-campaigns/${encodeURIComponent(id)}`);
      finished = c.state === 'done' || c.state === 'cancelled' || c.state === 'failed';
      replace(error, ...(c.failure ? [h('p', {class: 'alert alert-error', id: 'campaign-failure'}, `This campaign failed: ${c.failure}`)] : []));
      title.textContent = c.name;
      const p = c.progress;
      replace(bar, progressBar(p.total - p.pending, p.total, 'Campaign progress'));
      replace(summary, fact('State', badge(c.state, STATE_KIND[c.state] ?? c.state)),
        // a window not open yet shows its group as of now: the list is fixed only when the window opens
        fact('Nodes', h('span', {id: 'campaign-targets', title: c.targets.resolvedAt ? `resolved ${new Date(c.targets.resolvedAt).toLocaleString()}` : ''}, targetsText(c.targets))),
        fact('Woken', String(p.woken)), fact('Already on', String(p.alreadyOn)), fact('Failed', String(p.failed)),
        fact('Pending', String(p.pending)),
        fact('Success rate', `${p.total ? Math.round((p.woken + p.alreadyOn) * 100 / p.total) : 100} %`),
        fact('Start', time(c.start)), fact('Deadline', time(c.deadline)));
      if (cancel) cancel.hidden = finished;
      const key = `${c.state}:${p.woken}:${p.alreadyOn}:${p.failed}:${c.start}`;
      if (key !== reportKey && (finished || p.total <= 1000 || Date.now() - reportAt >= 10_000)) {
        const r = await api('GET', `/wake-campaigns/${encodeURIComponent(id)}/report`);
        reportKey = key;
        reportAt = Date.now();
        replace(chart, outcomeChart(r), h('figcaption', {class: 'legend'}, SERIES.map(([, label, cls]) =>
          h('span', {class: `legend-item series-${cls}`}, h('span', {class: 'swatch', 'aria-hidden': 'true'}), label))));
        rows.setRows(r.rows);
      }
    } catch (e) {
      replace(error, h('p', {class: 'alert alert-error'}, e.message));
    }
  }

  async function doCancel() {
    if (!await confirmAction('Cancel this campaign?', 'Nodes not woken yet are left as they are.', 'Cancel campaign')) return;
    try {
      await api('POST', `/wake-campaigns/${encodeURIComponent(id)}/cancel`);
      announce('Campaign cancelled.', 'success');
      await load();
    } catch (e) {
      announce(e.message, 'error');
    }
  }

  return poll(load, 2000);
}

const ROW_KIND = {VERIFIED: 'succeeded', ALREADY_ON: 'succeeded', FAILED: 'failed', PENDING: 'queued', SENT: 'running'};
const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

/**
 * Cumulative count of each outcome by the time it was reached: one step line per series, from the campaign's
 * start to the last outcome (or now while it runs). Drawn with SVG presentation attributes and CSS classes only,
 * so the strict CSP (no inline style) holds.
 */
export function outcomeChart(report, now = Date.now()) {
  const W = 560, H = 220, L = 40, R = 12, T = 10, B = 28;
  const start = new Date(report.start).getTime();
  const done = report.rows.filter(r => r.doneAt).map(r => ({t: new Date(r.doneAt).getTime(), s: r.status}));
  const end = Math.max(start + 1000, ...done.map(d => d.t), report.state === 'running' ? Math.min(now, new Date(report.deadline).getTime()) : 0);
  const total = Math.max(1, report.counts.total);
  const x = t => L + (W - L - R) * (Math.max(0, t - start) / (end - start));
  const y = n => T + (H - T - B) * (1 - n / total);
  const g = svg('svg', {viewBox: `0 0 ${W} ${H}`, role: 'img', class: 'chart-svg',
    'aria-label': `Woken ${report.counts.woken}, already on ${report.counts.alreadyOn}, failed ${report.counts.failed} of ${report.counts.total}`});
  for (const n of [0, Math.round(total / 2), total]) {
    g.append(svg('line', {x1: L, x2: W - R, y1: y(n), y2: y(n), class: 'grid-line'}),
      svg('text', {x: L - 6, y: y(n) + 4, 'text-anchor': 'end', class: 'axis-label'}, String(n)));
  }
  g.append(svg('text', {x: L, y: H - 8, class: 'axis-label'}, clock(start)),
    svg('text', {x: W - R, y: H - 8, 'text-anchor': 'end', class: 'axis-label'}, clock(end)));
  for (const [status, , cls] of SERIES) {
    const times = done.filter(d => d.s === status).map(d => d.t).sort((a, b) => a - b);
    let path = `M${x(start)},${y(0)}`;
    times.forEach((t, i) => { path += ` H${x(t)} V${y(i + 1)}`; });
    path += ` H${x(end)}`;
    g.append(svg('path', {d: path, class: `series series-${cls}`, fill: 'none'}));
  }
  return g;
}

function clock(ms) {
  // 24-hour like every other time the portal shows
  return new Date(ms).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23'});
}
