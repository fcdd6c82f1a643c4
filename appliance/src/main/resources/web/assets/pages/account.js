import {h, pageHead, badge, fact, announce, duration} from '../dom.js';
import {api} from '../api.js';
import {session} from '../session.js';
import {bindForm, field, fail} from '../form.js';

/** The signed-in user's own account: role, session timeout, password change. */
export default function mount(main) {
  const me = session();
  const form = h('form', {class: 'stack narrow', id: 'password-form'},
    field({label: 'Current password', name: 'currentPassword', type: 'password', required: true, autocomplete: 'current-password'}),
    field({label: 'New password', name: 'newPassword', type: 'password', required: true}),
    field({label: 'Repeat new password', name: 'newPasswordRepeat', type: 'password', required: true}),
    h('div', {class: 'actions actions-left'}, h('button', {type: 'submit', class: 'btn btn-primary'}, 'Change password')));
  bindForm(form, async v => {
    if (v.newPassword !== v.newPasswordRepeat) fail('newPasswordRepeat', 'The two passwords differ.');
    await api('PUT', `/users/${encodeURIComponent(me.username)}/password`,
      {body: {currentPassword: v.currentPassword, newPassword: v.newPassword}});
    form.reset();
    announce('Your password has been changed.', 'success');
  });
  main.append(h('section', {class: 'page'},
    pageHead('My account'),
    h('section', {class: 'card'}, h('dl', {class: 'facts'},
      fact('User name', me.username), fact('Role', badge(me.role, 'role')),
      fact('Idle sign-out', me.idleTimeoutSeconds ? `after ${duration(me.idleTimeoutSeconds)} without activity` : null))),
    h('section', {class: 'card'}, h('h2', {}, 'Change password'), form)));
}
