import {h} from '../dom.js';
import {api} from '../api.js';
import {bindForm, field, fail} from '../form.js';

/** First boot: set the admin and readonly passwords. options: {onDone}. */
export default function mount(main, {onDone}) {
  const form = h('form', {class: 'stack', id: 'setup-form', 'data-anonymous': 'true'},
    h('fieldset', {},
      h('legend', {}, 'Administrator (user ', h('code', {}, 'admin'), ')'),
      field({label: 'Password', name: 'adminPassword', type: 'password', required: true,
        hint: 'Manages everything, including users, credentials and TLS.'}),
      field({label: 'Repeat password', name: 'adminPasswordRepeat', type: 'password', required: true})),
    h('fieldset', {},
      h('legend', {}, 'Read-only (user ', h('code', {}, 'readonly'), ')'),
      field({label: 'Password', name: 'readonlyPassword', type: 'password', required: true,
        hint: 'Sees everything except secrets and changes nothing — for help desks and dashboards.'}),
      field({label: 'Repeat password', name: 'readonlyPasswordRepeat', type: 'password', required: true})),
    h('button', {type: 'submit', class: 'btn btn-primary btn-block'}, 'Finish setup'));
  bindForm(form, async v => {
    if (v.adminPassword !== v.adminPasswordRepeat) fail('adminPasswordRepeat', 'The two passwords differ.');
    if (v.readonlyPassword !== v.readonlyPasswordRepeat) fail('readonlyPasswordRepeat', 'The two passwords differ.');
    await api('POST', '/setup', {body: {adminPassword: v.adminPassword, readonlyPassword: v.readonlyPassword}, anonymous: true});
    onDone();
  });
  main.append(h('section', {class: 'login-card card card-wide', 'aria-labelledby': 'setup-title'},
    h('div', {class: 'login-brand'}, h('span', {class: 'brand-mark', 'aria-hidden': 'true'}), 'lightsout'),
    h('h1', {id: 'setup-title'}, 'First-boot setup'),
    h('p', {class: 'muted'}, 'Choose the passwords of the two built-in accounts. Setup runs once; later changes are made under My account.'),
    form));
  form.elements.adminPassword.focus();
}
