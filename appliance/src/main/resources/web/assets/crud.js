// The list-and-edit pattern shared by the settings pages: load a list into a DataTable, a form in a dialog,
// a confirmed delete.

import {h, replace, announce} from './dom.js';
import {api} from './api.js';
import {bindForm, openDialog, confirmAction} from './form.js';

/** Returns load(): GET `path` into `table`; a failure shows in `errorSlot` and keeps the old rows. */
export function listLoader(table, path, errorSlot) {
  return async () => {
    try {
      table.setRows(await api('GET', path));
      errorSlot.replaceChildren();
    } catch (e) {
      replace(errorSlot, h('p', {class: 'alert alert-error'}, e.message));
    }
  };
}

/**
 * Opens a dialog with a form of `fields` and Cancel / `submitLabel` buttons. `submit(values, form)` runs on submit;
 * when it resolves the dialog closes. Errors stay in the form. Returns the form.
 */
export function dialogForm({title, id, submitLabel, fields, submit}) {
  const form = h('form', {class: 'stack', id},
    fields,
    h('div', {class: 'actions'},
      h('button', {type: 'button', class: 'btn', onclick: () => close()}, 'Cancel'),
      h('button', {type: 'submit', class: 'btn btn-primary'}, submitLabel)));
  bindForm(form, async values => {
    await submit(values, form);
    close();
  });
  const {close} = openDialog(title, form);
  form.querySelector('input:not([type=hidden]), select, textarea')?.focus();
  return form;
}

/** Asks for confirmation, DELETEs `path`, announces `done` and calls reload(); failures are announced. */
export async function confirmDelete({title, message, confirmLabel, path, done, reload}) {
  if (!await confirmAction(title, message, confirmLabel)) return;
  try {
    await api('DELETE', path);
    announce(done, 'success');
    await reload();
  } catch (e) {
    announce(e.message, 'error');
  }
}
