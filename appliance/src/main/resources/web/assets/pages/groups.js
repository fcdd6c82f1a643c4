import {h, replace, pageHead, announce} from '../dom.js';
import {api, query} from '../api.js';
import {can} from '../session.js';
import {DataTable} from '../table.js';
import {openDialog, field} from '../form.js';
import {listLoader, dialogForm, confirmDelete} from '../crud.js';
import {NODE_TYPES, typeLabel, powerBadge, nodeLink} from './fleet-common.js';

/** Most members the dialog lists (the CLI's `nodes list --group` pages through more). */
const MEMBERS_SHOWN = 500;

const filterText = g => {
  const f = g.filter ?? {};
  const parts = [f.site && `site ${f.site}`, f.type && typeLabel(f.type), f.subnet && `subnet ${f.subnet}`,
    f.tag && `tag ${f.tag}`].filter(Boolean);
  return parts.length ? parts.join(', ') : 'every node';
};

/**
 * Node groups: a static group lists its nodes, a dynamic one is a filter evaluated each time it is used (so new
 * nodes join by themselves). Everyone reads them; admins and operators create, fill and delete them (the API's
 * roles). Campaigns and bulk power actions pick groups by name.
 */
export default function mount(main) {
  const manage = can('groups.manage');
  const error = h('div', {role: 'alert'});
  const table = new DataTable([
    {key: 'name', label: 'Name', render: g => h('strong', {}, g.name)},
    {key: 'dynamic', label: 'Kind', value: g => g.dynamic ? 'dynamic' : 'static'},
    {key: 'filter', label: 'Filter', sortable: false, value: g => g.dynamic ? filterText(g) : ''},
    {key: 'size', label: 'Nodes', value: g => g.size},
    {key: 'actions', label: 'Actions', sortable: false, className: 'col-actions', render: g => h('span', {class: 'row-actions'},
      h('button', {type: 'button', class: 'btn btn-small', 'data-members': g.name, onclick: () => members(g),
        'aria-label': `Members of ${g.name}`}, 'Members'),
      manage ? h('button', {type: 'button', class: 'btn btn-small btn-danger-quiet', onclick: () => remove(g),
        'aria-label': `Delete ${g.name}`}, 'Delete') : null)},
  ], {caption: 'Groups', empty: manage ? 'No groups yet. Create one to run campaigns and power actions on it.' : 'No groups yet.',
    rowKey: g => g.id, initialSort: {key: 'name', dir: 'asc'}});
  const load = listLoader(table, '/groups', error);
  main.append(h('section', {class: 'page'},
    pageHead('Groups', 'Static groups list their nodes; dynamic groups select by site, type, subnet and tag, so new nodes join by themselves.',
      manage ? h('button', {type: 'button', class: 'btn btn-primary', id: 'new-group', onclick: create}, 'New group') : null),
    error, table.el));

  function create() {
    const kind = field({label: 'Kind', name: 'kind', type: 'select', value: 'static', options: [['static', 'Static: the nodes you add'],
      ['dynamic', 'Dynamic: every node matching a filter']]});
    const filterFields = [
      field({label: 'Site', name: 'site', hint: 'Exact site name.'}),
      field({label: 'Type', name: 'type', type: 'select', value: '', options: [['', 'Any type'], ...NODE_TYPES]}),
      field({label: 'Subnet', name: 'subnet', hint: 'IPv4 CIDR of the BMC address or the last IP, e.g. 10.2.0.0/16.'}),
      field({label: 'Tag', name: 'tag'})];
    const showFilter = () => {
      for (const f of filterFields) {
        f.hidden = kind.control.value !== 'dynamic';
        f.control.disabled = f.hidden;
      }
    };
    kind.control.addEventListener('change', showFilter);
    showFilter();
    dialogForm({title: 'New group', id: 'group-form', submitLabel: 'Create group',
      fields: [field({label: 'Name', name: 'name', required: true, attrs: {maxlength: 100}}), kind, ...filterFields],
      submit: async v => {
        const body = {name: v.name, dynamic: v.kind === 'dynamic'};
        if (body.dynamic) for (const k of ['site', 'type', 'subnet', 'tag']) if (v[k]) body[k] = v[k];
        await api('POST', '/groups', {body});
        announce(`Group ${v.name} created.`, 'success');
        await load();
      }});
  }

  function members(group) {
    const path = `/groups/${encodeURIComponent(group.id)}`;
    const editable = manage && !group.dynamic;
    const status = h('div', {role: 'alert'});
    const list = h('div', {id: 'group-members'});
    const found = h('div', {id: 'group-candidates'});

    async function change(action, node) {
      try {
        await api('POST', `${path}/members${action === 'remove' ? '/remove' : ''}`, {body: {nodeIds: [node.id]}});
        announce(action === 'remove' ? `${node.name} removed from ${group.name}.` : `${node.name} added to ${group.name}.`, 'success');
        await Promise.all([showMembers(), load()]);
        if (action === 'add') replace(found);
      } catch (e) {
        replace(status, h('p', {class: 'alert alert-error'}, e.message));
      }
    }

    async function showMembers() {
      try {
        const page = await api('GET', `${path}/nodes${query({size: MEMBERS_SHOWN})}`);
        status.replaceChildren();
        replace(list, page.items.length ? nodeTable(page.items, editable ? n => h('button', {type: 'button',
          class: 'btn btn-small btn-danger-quiet', 'aria-label': `Remove ${n.name}`, onclick: () => change('remove', n)}, 'Remove') : null)
          : h('p', {class: 'muted'}, group.dynamic ? 'No node matches the filter.' : 'No members yet.'),
        page.total > page.items.length ? h('p', {class: 'hint'}, `The first ${page.items.length} of ${page.total} nodes.`) : null);
      } catch (e) {
        replace(status, h('p', {class: 'alert alert-error'}, e.message));
      }
    }

    const search = h('input', {type: 'search', id: 'member-search', name: 'q', 'aria-label': 'Find nodes to add',
      placeholder: 'Name, address, MAC…'});
    const find = h('form', {class: 'inline-form', id: 'member-find', onsubmit: async event => {
      event.preventDefault();
      try {
        const page = await api('GET', `/nodes${query({q: search.value.trim(), size: 20, sort: 'name'})}`);
        replace(found, page.items.length ? nodeTable(page.items, n => h('button', {type: 'button', class: 'btn btn-small',
          'aria-label': `Add ${n.name}`, onclick: () => change('add', n)}, 'Add')) : h('p', {class: 'muted'}, 'No node matches.'));
      } catch (e) {
        replace(status, h('p', {class: 'alert alert-error'}, e.message));
      }
    }}, search, h('button', {type: 'submit', class: 'btn'}, 'Find'));

    openDialog(`${group.name}: ${group.dynamic ? filterText(group) : 'members'}`, h('div', {class: 'stack'},
      status,
      group.dynamic ? h('p', {class: 'hint'}, 'Members follow the filter: change a node\'s site, type, address or tags to change them.') : null,
      list,
      editable ? h('div', {class: 'stack'}, h('h3', {}, 'Add nodes'), find, found) : null));
    showMembers();
  }

  const remove = group => confirmDelete({title: `Delete ${group.name}?`,
    message: 'The nodes stay; campaigns and actions that name this group can no longer find it.',
    confirmLabel: 'Delete group', path: `/groups/${encodeURIComponent(group.id)}`,
    done: `Group ${group.name} deleted.`, reload: load});

  load();
}

function nodeTable(nodes, action) {
  return h('table', {class: 'data compact'},
    h('thead', {}, h('tr', {}, ['Name', 'Type', 'Site', 'Power', action ? 'Action' : null].filter(Boolean)
      .map(t => h('th', {scope: 'col'}, t)))),
    h('tbody', {}, nodes.map(n => h('tr', {'data-node': n.name},
      h('td', {}, nodeLink(n)), h('td', {}, typeLabel(n.type)), h('td', {}, n.site), h('td', {}, powerBadge(n.power)),
      action ? h('td', {}, action(n)) : null))));
}
