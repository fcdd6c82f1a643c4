import {h} from '../dom.js';
import {bindForm, field} from '../form.js';
import {login} from '../session.js';

/** The sign-in card. options: {message, kind, hostname, onLoggedIn}. */
export default function mount(main, {message, kind = 'info', hostname, onLoggedIn}) {
  const username = field({label: 'User name', name: 'username', required: true, autocomplete: 'username',
    attrs: {autocapitalize: 'off', spellcheck: 'false'}});
  const password = field({label: 'Password', name: 'password', type: 'password', required: true,
    autocomplete: 'current-password'});
  const form = h('form', {class: 'stack', id: 'login-form', 'data-anonymous': 'true'},
    username, password,
    h('button', {type: 'submit', class: 'btn btn-primary btn-block'}, 'Sign in'));
  bindForm(form, async ({username: user, password: secret}) => {
    try {
      await login(user, secret);
    } catch (error) {
      form.elements.password.value = '';
      throw error;
    }
    await onLoggedIn();
  });
  main.append(h('section', {class: 'login-card card', 'aria-labelledby': 'login-title'},
    h('div', {class: 'login-brand'}, h('span', {class: 'brand-mark', 'aria-hidden': 'true'}), 'lightsout'),
    h('h1', {id: 'login-title'}, 'Sign in'),
    hostname ? h('p', {class: 'muted'}, `Appliance ${hostname}`) : null,
    message ? h('p', {class: `alert alert-${kind}`, role: 'status', id: 'login-message'}, message) : null,
    form));
  username.control.focus();
}
