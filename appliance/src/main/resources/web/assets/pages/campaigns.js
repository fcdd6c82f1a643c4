import {h, pageHead, time, badge, progressBar, announce} from '../dom.js';
import {api, poll} from '../api.js';
import {can} from '../session.js';
import {DataTable} from '../table.js';
import {field} from '../form.js';
import {dialogForm} from '../crud.js';

/** Wake campaigns: waking many machines (overnight patching, a lab morning) with live progress. */
export default function mount(main, {navigate}) {
  const error = h('div', {role: 'alert'});
  const table = new DataTable([
    {key: 'name', label: 'Campaign', render: c => h('a', {href: `#/campaigns/${encodeURIComponent(c.id)}`}, c.name)},
    {key: 'state', label: 'State', render: c => badge(c.state, STATE_KIND[c.state] ?? c.state)},
    // what the current window targets: its own list once open, the selection as of now before
    {key: 'nodes', label: 'Nodes', value: c => c.targets.count, render: c => targetsText(c.targets)},
    {key: 'progress', label: 'Progress', value: c => c.progress.percentDone, className: 'col-progress',
      render: c => progressBar(c.progress.total - c.progress.pending, c.progress.total, `Progress of ${c.name}`)},
    {key: 'woken', label: 'Woken', value: c => c.progress.woken},
    {key: 'alreadyOn', label: 'Already on', value: c => c.progress.alreadyOn},
    {key: 'failed', label: 'Failed', value: c => c.progress.failed},
    {key: 'start', label: 'Start', render: c => time(c.start)},
    {key: 'deadline', label: 'Deadline', render: c => time(c.deadline)},
    {key: 'createdBy', label: 'By'},
  ], {caption: 'Wake campaigns', empty: 'No campaigns yet.', rowKey: c => c.id, initialSort: {key: 'start', dir: 'desc'}});
  main.append(h('section', {class: 'page'},
    pageHead('Wake campaigns', 'Wake a group of machines by a deadline: BMC power-on where there is one, wake-on-LAN otherwise, verified and retried.',
      can('power.act') ? h('button', {type: 'button', class: 'btn btn-primary', id: 'new-campaign', onclick: create}, 'New campaign') : null),
    error, table.el));

  async function load() {
    try {
      table.setRows(await api('GET', '/wake-campaigns'));
      error.replaceChildren();
    } catch (e) {
      error.replaceChildren(h('p', {class: 'alert alert-error'}, e.message));
    }
  }

  async function create() {
    // the groups to choose from; a help desk should not have to remember group names
    let groups = [];
    try {
      groups = await api('GET', '/groups');
    } catch (e) {
      announce(e.message, 'error');
    }
    const targets = field({label: 'Nodes', name: 'targets', type: 'select', value: groups.length ? 'group' : 'all', required: true,
      options: [['group', 'A node group'], ['list', 'Listed nodes'], ['all', 'All nodes']]});
    const group = groups.length
      ? field({label: 'Group', name: 'group', type: 'select', value: groups[0].name,
        options: groups.map(g => [g.name, `${g.name} (${g.size} node${g.size === 1 ? '' : 's'}${g.dynamic ? ', dynamic' : ''})`])})
      : field({label: 'Group', name: 'group', hint: 'No groups yet: create one with bin/lightsout groups create or POST /api/v1/groups.'});
    const list = field({label: 'Node ids', name: 'nodeIds', type: 'textarea', rows: 3, hint: 'One per line.'});
    const show = () => {
      for (const [wrapper, wanted] of [[group, 'group'], [list, 'list']]) {
        wrapper.hidden = targets.control.value !== wanted;
        wrapper.control.disabled = wrapper.hidden;
      }
    };
    targets.control.addEventListener('change', show);
    show();
    dialogForm({title: 'New wake campaign', id: 'campaign-form', submitLabel: 'Create campaign',
      fields: [
        field({label: 'Name', name: 'name', required: true, attrs: {maxlength: 128}}),
        targets, group, list,
        field({label: 'Start', name: 'start', type: 'datetime-local', hint: 'Empty: now. In your browser\'s time zone.'}),
        field({label: 'Deadline', name: 'deadline', value: '2h', hint: 'How long after the start (90m, 2h) nodes may take to come up.'}),
        field({label: 'Method', name: 'method', type: 'select', value: 'auto', options: [
          ['auto', 'BMC power-on where there is a BMC, else wake-on-LAN'], ['bmc', 'BMC only'], ['wol', 'Wake-on-LAN only']]}),
        field({label: 'Retries', name: 'retries', type: 'number', value: '2', attrs: {min: 0, max: 20},
          hint: 'More power-ons, only for nodes not seen on yet.'}),
        field({label: 'Retry delay', name: 'retryDelay', value: '5m', hint: 'Between power-ons of a node (90s, 5m).'}),
        field({label: 'Rate (power-ons per second)', name: 'rate', type: 'number', value: '10', attrs: {min: 0.1, max: 10000, step: 'any'}}),
        field({label: 'Verification port', name: 'verifyPort', type: 'number', attrs: {min: 1, max: 65535},
          hint: 'TCP port that answers once a machine without a BMC is up (445, 22, 3389). Empty: each node\'s own.'}),
        field({label: 'After the deadline', name: 'afterWindow', type: 'select', value: 'leave-on', options: [
          ['leave-on', 'Leave the nodes on'], ['power-off-woken', 'Shut down the nodes this campaign woke']]}),
      ],
      submit: async v => {
        const body = {name: v.name, deadline: v.deadline || undefined};
        if (v.targets === 'all') body.all = true;
        else if (v.targets === 'group') body.group = v.group;
        else body.nodeIds = (v.nodeIds ?? '').split('\n').map(s => s.trim()).filter(Boolean);
        if (v.start) body.start = new Date(v.start).toISOString();
        if (v.retries !== '') body.retries = Number(v.retries);
        if (v.retryDelay) body.retryDelay = v.retryDelay;
        if (v.rate !== '') body.rate = Number(v.rate);
        if (v.verifyPort) body.verifyPort = Number(v.verifyPort);
        body.method = v.method;
        body.afterWindow = v.afterWindow;
        const c = await api('POST', '/wake-campaigns', {body});
        announce(`Campaign ${c.name} created.`, 'success');
        navigate(`campaigns/${c.id}`);
      }});
  }

  return poll(load, 3000);
}

export const STATE_KIND = {scheduled: 'queued', running: 'running', done: 'succeeded', cancelled: 'cancelled', failed: 'failed'};

/** "group night-shift (dynamic), 312 nodes at window open", or "… as of now" for a window not open yet. */
export function targetsText(t) {
  return t.failure ? `${t.selection}: ${t.failure}` : t.description;
}
