import {h, pageHead, time, badge, announce} from '../dom.js';
import {api} from '../api.js';
import {session} from '../session.js';
import {DataTable} from '../table.js';
import {field, fail} from '../form.js';
import {listLoader, dialogForm, confirmDelete} from '../crud.js';

/** Accounts. admin and readonly are built in (set at first boot); admins add and remove operator accounts. */
export default function mount(main) {
  const error = h('div', {role: 'alert'});
  const table = new DataTable([
    {key: 'username', label: 'User name', render: u => h('span', {}, h('strong', {}, u.username),
      u.username === session().username ? h('span', {class: 'muted'}, ' (you)') : null)},
    {key: 'role', label: 'Role', render: u => badge(u.role, 'role')},
    {key: 'locked', label: 'Status', render: u => (u.locked ? badge('locked', 'failed') : badge('active', 'succeeded'))},
    {key: 'lastLoginAt', label: 'Last sign-in', render: u => time(u.lastLoginAt)},
    {key: 'actions', label: 'Actions', sortable: false, className: 'col-actions', render: u => (u.role === 'operator'
      ? h('button', {type: 'button', class: 'btn btn-small btn-danger-quiet', onclick: () => remove(u), 'aria-label': `Delete ${u.username}`}, 'Delete')
      : h('span', {class: 'muted'}, 'built in'))},
  ], {caption: 'Users', rowKey: u => u.username, initialSort: {key: 'username', dir: 'asc'}});
  const load = listLoader(table, '/users', error);
  main.append(h('section', {class: 'page'},
    pageHead('Users', 'Operators run power actions and jobs; they cannot see settings or credentials.',
      h('button', {type: 'button', class: 'btn btn-primary', id: 'new-user', onclick: create}, 'New operator')),
    error, table.el));

  function create() {
    dialogForm({title: 'New operator', id: 'user-form', submitLabel: 'Create operator',
      fields: [
        field({label: 'User name', name: 'username', required: true, attrs: {autocapitalize: 'off', spellcheck: 'false'}}),
        field({label: 'Password', name: 'password', type: 'password', required: true}),
        field({label: 'Repeat password', name: 'passwordRepeat', type: 'password', required: true}),
        h('p', {class: 'hint'}, 'The account gets the operator role.')],
      submit: async v => {
        if (v.password !== v.passwordRepeat) fail('passwordRepeat', 'The two passwords differ.');
        await api('POST', '/users', {body: {username: v.username, password: v.password, role: 'operator'}});
        announce(`Operator ${v.username} created.`, 'success');
        await load();
      }});
  }

  const remove = user => confirmDelete({title: `Delete ${user.username}?`, message: 'The account is removed and its sessions end.',
    confirmLabel: 'Delete user', path: `/users/${encodeURIComponent(user.username)}`, done: `User ${user.username} deleted.`, reload: load});

  load();
}
