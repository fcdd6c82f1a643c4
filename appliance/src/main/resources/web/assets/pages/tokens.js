import {h, pageHead, time, badge, announce} from '../dom.js';
import {api} from '../api.js';
import {ROLES} from '../session.js';
import {DataTable} from '../table.js';
import {field, openDialog} from '../form.js';
import {listLoader, dialogForm, confirmDelete} from '../crud.js';

/** API tokens for scripts (Authorization: Bearer). A token's value is shown once, when it is created. */
export default function mount(main) {
  const error = h('div', {role: 'alert'});
  const table = new DataTable([
    {key: 'name', label: 'Name', render: t => h('strong', {}, t.name)},
    {key: 'role', label: 'Role', render: t => badge(t.role, 'role')},
    {key: 'createdAt', label: 'Created', render: t => time(t.createdAt)},
    {key: 'lastUsedAt', label: 'Last used', render: t => time(t.lastUsedAt)},
    {key: 'actions', label: 'Actions', sortable: false, className: 'col-actions', render: t =>
      h('button', {type: 'button', class: 'btn btn-small btn-danger-quiet', onclick: () => revoke(t), 'aria-label': `Revoke ${t.name}`}, 'Revoke')},
  ], {caption: 'API tokens', empty: 'No API tokens.', rowKey: t => t.id, initialSort: {key: 'name', dir: 'asc'}});
  const load = listLoader(table, '/tokens', error);
  main.append(h('section', {class: 'page'},
    pageHead('API tokens', 'For scripts and monitoring: send Authorization: Bearer <token>. Tokens do not expire; revoke unused ones.',
      h('button', {type: 'button', class: 'btn btn-primary', id: 'new-token', onclick: create}, 'New token')),
    error, table.el));

  function create() {
    dialogForm({title: 'New API token', id: 'token-form', submitLabel: 'Create token',
      fields: [
        field({label: 'Name', name: 'name', required: true, hint: 'What uses it, e.g. "nagios".'}),
        field({label: 'Role', name: 'role', type: 'select', value: 'readonly', options: ROLES.map(r => [r, r])})],
      submit: async v => {
        const created = await api('POST', '/tokens', {body: {name: v.name, role: v.role}});
        await load();
        showOnce(created);
      }});
  }

  function showOnce(created) {
    const box = h('input', {type: 'text', readonly: true, class: 'mono token-value', value: created.token, 'aria-label': 'Token'});
    const copy = h('button', {type: 'button', class: 'btn', onclick: async () => {
      try {
        await navigator.clipboard.writeText(created.token);
        announce('Token copied.', 'success');
      } catch {
        box.select();
        announce('Press Ctrl+C to copy the selected token.');
      }
    }}, 'Copy');
    const {close} = openDialog(`Token ${created.name}`,
      h('p', {class: 'alert alert-warning'}, 'Copy the token now: it is not shown again.'),
      h('div', {class: 'copy-row'}, box, copy),
      h('div', {class: 'actions'}, h('button', {type: 'button', class: 'btn btn-primary', onclick: () => close()}, 'Done')));
    box.select();
  }

  const revoke = token => confirmDelete({title: `Revoke ${token.name}?`, message: 'Scripts using this token stop working at once.',
    confirmLabel: 'Revoke token', path: `/tokens/${encodeURIComponent(token.id)}`, done: `Token ${token.name} revoked.`, reload: load});

  load();
}
