import {h, replace, pageHead, time, ago, badge, fact, announce} from '../dom.js';
import {api, poll} from '../api.js';
import {DataTable} from '../table.js';
import {field, fail} from '../form.js';
import {dialogForm, confirmDelete} from '../crud.js';

/**
 * The read-only NFS share BMCs mount firmware and ISO images from: what is exported, to whom, and what the share
 * is doing (bytes read, calls per second, connected clients, the latest mounts). Admin only.
 */
export default function mount(main) {
  const error = h('div', {role: 'alert'});
  const status = h('dl', {class: 'facts'});
  const counters = h('div', {class: 'counters'});
  const exportsTable = new DataTable([
    {key: 'path', label: 'Export', render: e => h('strong', {}, e.path)},
    {key: 'directory', label: 'Directory', render: e => h('code', {}, `repository/${e.directory}`)},
    {key: 'clients', label: 'Clients', value: e => e.clients.join(', '),
      render: e => e.clients.length ? h('span', {class: 'chips'}, e.clients.map(c => h('code', {class: 'chip'}, c)))
        : h('span', {class: 'muted'}, 'nobody')},
    {key: 'offered', label: 'State', value: e => e.offered ? 'offered' : 'not offered',
      render: e => badge(e.offered ? 'offered' : 'no clients', e.offered ? 'succeeded' : 'partially_failed')},
    {key: 'updatedAt', label: 'Changed', render: e => e.updatedAt && e.updatedAt !== '1970-01-01T00:00:00Z' ? time(e.updatedAt) : 'built in'},
    {key: 'actions', label: 'Actions', sortable: false, className: 'col-actions', render: e => h('span', {class: 'row-actions'},
      h('button', {type: 'button', class: 'btn btn-small', onclick: () => edit(e), 'aria-label': `Edit ${e.path}`}, 'Edit'),
      h('button', {type: 'button', class: 'btn btn-small btn-danger-quiet', onclick: () => remove(e), 'aria-label': `Delete ${e.path}`}, 'Delete'))},
  ], {caption: 'Exports', empty: 'No exports. Create one to offer files to BMCs.', rowKey: e => e.name,
    initialSort: {key: 'path', dir: 'asc'}, filter: false});
  const mounts = new DataTable([
    {key: 'at', label: 'When', render: m => time(m.at)},
    {key: 'client', label: 'Client', render: m => h('code', {}, m.client)},
    {key: 'path', label: 'Path'},
    {key: 'granted', label: 'Outcome', value: m => m.granted ? 'granted' : 'refused',
      render: m => badge(m.granted ? 'granted' : 'refused', m.granted ? 'succeeded' : 'failed')},
    {key: 'reason', label: 'Reason', value: m => m.reason ?? ''},
  ], {caption: 'Recent mounts', empty: 'No client has mounted anything since the appliance started.',
    rowKey: m => `${m.at}|${m.client}|${m.path}`, initialSort: {key: 'at', dir: 'desc'}, pageSize: 25});

  main.append(h('section', {class: 'page'},
    pageHead('NFS share', 'Read-only NFSv3 share BMCs mount firmware packages and ISO images from. '
      + 'An export is offered only to the clients listed; changes apply at once.',
      h('button', {type: 'button', class: 'btn btn-primary', id: 'new-export', onclick: () => edit(null)}, 'New export')),
    error, counters,
    h('section', {class: 'card', 'aria-labelledby': 'share-exports'}, h('h2', {id: 'share-exports'}, 'Exports'), exportsTable.el),
    h('div', {class: 'grid-2'},
      h('section', {class: 'card', 'aria-labelledby': 'share-mounts'}, h('h2', {id: 'share-mounts'}, 'Recent mounts'), mounts.el),
      h('section', {class: 'card', 'aria-labelledby': 'share-status'}, h('h2', {id: 'share-status'}, 'Share'), status))));

  async function load() {
    try {
      const [list, activity] = await Promise.all([api('GET', '/shares'), api('GET', '/share-activity')]);
      error.replaceChildren();
      exportsTable.setRows(list);
      mounts.setRows(activity.recentMounts);
      replace(counters,
        counter('Bytes read', bytes(activity.bytesRead), 'share-bytes'),
        counter('Calls per second', activity.opsPerSecond.toFixed(1), 'share-ops'),
        counter('Connected clients', String(activity.activeClients.length), 'share-clients'),
        counter('Exports offered', `${list.filter(e => e.offered).length} of ${list.length}`, 'share-offered'));
      replace(status, activity.running
        ? [fact('State', badge('running', 'succeeded')), fact('Address', h('code', {}, activity.address)),
          fact('Ports', `portmap ${activity.portmapPort ?? 'off'} · MOUNT ${activity.mountdPort} · NFS ${activity.nfsPort}`),
          fact('Calls answered', `${activity.operations} (${activity.errors} with an error)`),
          fact('Clients now', activity.activeClients.length ? activity.activeClients.join(', ') : null),
          fact('Last mount', activity.recentMounts.length ? ago(activity.recentMounts[0].at) : null)]
        : [fact('State', badge('off', 'cancelled')), fact('Why', 'nfs.enabled is false in the configuration')]);
    } catch (e) {
      replace(error, h('p', {class: 'alert alert-error'}, e.message));
    }
  }

  function edit(existing) {
    const creating = existing === null;
    dialogForm({title: creating ? 'New export' : `Edit ${existing.path}`, id: 'export-form',
      submitLabel: creating ? 'Create export' : 'Save changes',
      fields: [
        creating ? field({label: 'Name', name: 'name', required: true, attrs: {maxlength: 64, pattern: '[a-z0-9][a-z0-9._\\-]*'},
          hint: 'Clients mount /NAME. Lower-case letters, digits, ".", "_" and "-".'}) : null,
        field({label: 'Directory', name: 'directory', value: existing?.directory ?? '',
          hint: 'Inside the repository, e.g. iso or vendor/dell. Empty: the same as the name. Created if missing.'}),
        field({label: 'Clients', name: 'clients', type: 'textarea', rows: 5, value: existing?.clients.join('\n') ?? '',
          hint: 'One per line: a CIDR (10.20.0.0/16), an address or a host name; * for everyone. Empty: not offered.'}),
      ].filter(Boolean),
      submit: async v => {
        const clients = v.clients.split('\n').map(s => s.trim()).filter(Boolean);
        const body = {clients};
        if (v.directory) body.directory = v.directory;
        if (creating) {
          if (!v.name) fail('name', 'A name is required.');
          body.name = v.name;
          await api('POST', '/shares', {body});
        } else {
          await api('PUT', `/shares/${encodeURIComponent(existing.name)}`, {body});
        }
        announce(creating ? `Export /${v.name} created.` : `Export ${existing.path} saved.`, 'success');
        await load();
      }});
  }

  const remove = e => confirmDelete({title: `Delete ${e.path}?`,
    message: 'Clients lose access at once; BMCs in the middle of a firmware update or ISO boot fail. The files stay in the repository.',
    confirmLabel: 'Delete export', path: `/shares/${encodeURIComponent(e.name)}`,
    done: `Export ${e.path} deleted.`, reload: load});

  return poll(load, 5000);
}

function counter(label, value, id) {
  return h('div', {class: 'counter', id}, h('span', {class: 'counter-value'}, value), h('span', {class: 'counter-label'}, label));
}

function bytes(n) {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}
