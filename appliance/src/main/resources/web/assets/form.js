// Forms: labelled fields, submit with a busy state, problem+json errors shown at the form (detail) and at each
// named field (errors[].field), wired with aria-invalid / aria-describedby so screen readers read them.

import {h, replace, uid} from './dom.js';
import {ApiError} from './api.js';

/**
 * A labelled control. type: text | password | email | number | select | textarea | datetime-local ...
 * options (select): [[value, label], ...]. Returns the wrapper; the control is `.control` on it.
 */
export function field({label, name, type = 'text', value, required = false, autocomplete, hint, options,
  placeholder, rows = 6, attrs = {}}) {
  const id = uid(name);
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  const common = {id, name, required, placeholder, 'aria-describedby': [hintId, errorId].filter(Boolean).join(' '), ...attrs};
  let control;
  if (type === 'select') {
    control = h('select', common, options.map(([v, text]) => h('option', {value: v, selected: v === value}, text)));
  } else if (type === 'textarea') {
    control = h('textarea', {...common, rows, spellcheck: 'false'});
    if (value !== undefined) control.value = value;
  } else {
    control = h('input', {...common, type, value: value ?? undefined, autocomplete: autocomplete ?? (type === 'password' ? 'new-password' : 'off')});
  }
  const wrapper = h('div', {class: `field field-${type}`},
    h('label', {for: id}, label, required ? h('span', {class: 'req', 'aria-hidden': 'true'}, ' *') : null),
    control,
    hint ? h('p', {class: 'hint', id: hintId}, hint) : null,
    h('p', {class: 'field-error', id: errorId}));
  wrapper.control = control;
  return wrapper;
}

/** Reads named controls into an object; text is trimmed except in password fields and text areas. */
export function values(form) {
  const out = {};
  for (const control of form.elements) {
    if (!control.name || control.disabled) continue;
    if (control.type === 'checkbox') out[control.name] = control.checked;
    else if (control.type === 'password' || control.tagName === 'TEXTAREA') out[control.name] = control.value;
    else out[control.name] = control.value.trim();
  }
  return out;
}

/** Clears the form's error display. */
export function clearErrors(form) {
  form.querySelector('.form-alert').replaceChildren();
  form.querySelector('.form-alert').hidden = true;
  for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
  for (const slot of form.querySelectorAll('.field-error')) slot.textContent = '';
}

/** Shows an error: the problem detail on top, each field error next to its control (or on top if unknown). */
export function showError(form, error) {
  const alert = form.querySelector('.form-alert');
  const lines = [];
  const fieldErrors = error instanceof ApiError ? error.errors : [];
  let first = null;
  for (const {field: path, message: text} of fieldErrors) {
    // "subjectAlternativeNames[1]" names an entry of a list typed into one control
    const entry = /^(.+)\[(\d+)\]$/.exec(path ?? '');
    const name = entry ? entry[1] : path;
    const message = entry ? `Entry ${Number(entry[2]) + 1}: ${text}` : text;
    const control = name ? form.elements.namedItem(name) : null;
    if (control && control.id) {
      control.setAttribute('aria-invalid', 'true');
      const slot = document.getElementById(`${control.id}-error`);
      slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
      first ??= control;
    } else {
      lines.push(name ? `${name}: ${message}` : message);
    }
  }
  const detail = error.detail || error.message || 'Something went wrong.';
  replace(alert, h('strong', {}, detail), lines.length ? h('ul', {}, lines.map(l => h('li', {}, l))) : null);
  alert.hidden = false;
  (first ?? alert).focus?.();
}

/**
 * Wires submit: prevents navigation, clears old errors, disables the submit button while `submit(values)` runs,
 * and shows any rejection with showError. Adds the .form-alert region at the top if the form lacks one.
 */
export function bindForm(form, submit) {
  if (!form.querySelector('.form-alert')) {
    form.prepend(h('div', {class: 'alert alert-error form-alert', role: 'alert', tabindex: '-1', hidden: true}));
  }
  form.noValidate = false;
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    const buttons = form.querySelectorAll('button[type=submit]');
    buttons.forEach(b => { b.disabled = true; b.setAttribute('aria-busy', 'true'); });
    try {
      await submit(values(form));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401 && !form.dataset.anonymous) return;
      showError(form, error);
    } finally {
      buttons.forEach(b => { b.disabled = false; b.removeAttribute('aria-busy'); });
    }
  });
  return form;
}

/** Sets a client-side error on one field (e.g. "passwords differ") and throws to stop the submit. */
export function fail(name, message) {
  throw new ApiError(400, {detail: 'Please correct the marked field.', errors: [{field: name, message}]});
}

/** A modal dialog (native <dialog>: focus is trapped and Escape closes it). Returns {dialog, close}. */
export function openDialog(title, ...body) {
  const titleId = uid('dialog-title');
  const dialog = h('dialog', {class: 'dialog', 'aria-labelledby': titleId},
    h('header', {class: 'dialog-head'},
      h('h2', {id: titleId}, title),
      h('button', {type: 'button', class: 'btn btn-quiet btn-icon', 'aria-label': 'Close', onclick: () => close()}, '×')),
    h('div', {class: 'dialog-body'}, ...body));
  const close = () => { dialog.close(); };
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return {dialog, close};
}

/** Asks to confirm a destructive action; resolves true if confirmed. */
export function confirmAction(title, message, confirmLabel) {
  return new Promise(resolve => {
    let answer = false;
    const {dialog, close} = openDialog(title,
      h('p', {}, message),
      h('div', {class: 'actions'},
        h('button', {type: 'button', class: 'btn', onclick: () => close()}, 'Cancel'),
        h('button', {type: 'button', class: 'btn btn-danger', onclick: () => { answer = true; close(); }}, confirmLabel)));
    dialog.addEventListener('close', () => resolve(answer));
  });
}
