import {h, pageHead, time, badge, announce} from '../dom.js';
import {api} from '../api.js';
import {DataTable} from '../table.js';
import {field} from '../form.js';
import {listLoader, dialogForm, confirmDelete} from '../crud.js';

const TYPES = [['device', 'Device (BMC)'], ['windows', 'Windows account'], ['proxy', 'Proxy']];
const typeLabel = type => TYPES.find(([v]) => v === type)?.[1] ?? type;

/**
 * Credential profiles: the user names and passwords the appliance uses for BMCs, Windows hosts and proxies.
 * Passwords are write-only: the API answers passwordSet, the form never holds a stored secret.
 */
export default function mount(main) {
  const error = h('div', {role: 'alert'});
  const table = new DataTable([
    {key: 'name', label: 'Name', render: p => h('strong', {}, p.name)},
    {key: 'type', label: 'Type', value: p => typeLabel(p.type)},
    {key: 'username', label: 'User name'},
    {key: 'scope', label: 'Domain / URL', value: p => p.domain || p.url || ''},
    {key: 'passwordSet', label: 'Password', render: p => badge(p.passwordSet ? 'set' : 'not set', p.passwordSet ? 'succeeded' : 'failed')},
    {key: 'updatedAt', label: 'Updated', render: p => time(p.updatedAt ?? p.createdAt)},
    {key: 'actions', label: 'Actions', sortable: false, className: 'col-actions', render: p => h('span', {class: 'row-actions'},
      h('button', {type: 'button', class: 'btn btn-small', onclick: () => edit(p), 'aria-label': `Edit ${p.name}`}, 'Edit'),
      h('button', {type: 'button', class: 'btn btn-small btn-danger-quiet', onclick: () => remove(p), 'aria-label': `Delete ${p.name}`}, 'Delete'))},
  ], {caption: 'Credential profiles', empty: 'No credential profiles yet. Create one to manage BMCs.', rowKey: p => p.id,
    initialSort: {key: 'name', dir: 'asc'}});
  const load = listLoader(table, '/credential-profiles', error);
  main.append(h('section', {class: 'page'},
    pageHead('Credential profiles', 'Stored encrypted (AES-256-GCM). Passwords can be replaced but never read back.',
      h('button', {type: 'button', class: 'btn btn-primary', id: 'new-profile', onclick: () => edit(null)}, 'New profile')),
    error, table.el));

  function edit(profile) {
    const creating = profile === null;
    const type = field({label: 'Type', name: 'type', type: 'select', options: TYPES, value: profile?.type ?? 'device', required: true});
    const domain = field({label: 'Domain', name: 'domain', value: profile?.domain ?? '', hint: 'Windows domain or workgroup.'});
    const url = field({label: 'Proxy URL', name: 'url', type: 'url', value: profile?.url ?? '', attrs: {placeholder: 'http://proxy.example:3128'}});
    const password = field({label: 'Password', name: 'password', type: 'password', required: creating,
      hint: creating ? null : `Currently ${profile.passwordSet ? 'set' : 'not set'}. Leave empty to keep it.`});
    const showTypeFields = () => {
      for (const [wrapper, wanted] of [[domain, 'windows'], [url, 'proxy']]) {
        wrapper.hidden = type.control.value !== wanted;
        wrapper.control.disabled = wrapper.hidden;
      }
    };
    type.control.addEventListener('change', showTypeFields);
    showTypeFields();
    dialogForm({title: creating ? 'New credential profile' : `Edit ${profile.name}`, id: 'profile-form',
      submitLabel: creating ? 'Create profile' : 'Save changes',
      fields: [
        field({label: 'Name', name: 'name', value: profile?.name ?? '', required: true, attrs: {maxlength: 100}}),
        type,
        field({label: 'User name', name: 'username', value: profile?.username ?? '', required: true}),
        password, domain, url],
      submit: async (v, form) => {
        const body = {name: v.name, type: v.type, username: v.username};
        if (v.password) body.password = v.password;
        if (v.domain) body.domain = v.domain;
        if (v.url) body.url = v.url;
        if (creating) await api('POST', '/credential-profiles', {body});
        else await api('PUT', `/credential-profiles/${encodeURIComponent(profile.id)}`, {body});
        form.elements.password.value = '';
        announce(creating ? `Profile ${v.name} created.` : `Profile ${v.name} saved.`, 'success');
        await load();
      }});
  }

  const remove = profile => confirmDelete({title: `Delete ${profile.name}?`,
    message: 'Nodes that use this profile can no longer be reached until they get another one.',
    confirmLabel: 'Delete profile', path: `/credential-profiles/${encodeURIComponent(profile.id)}`,
    done: `Profile ${profile.name} deleted.`, reload: load});

  load();
}
