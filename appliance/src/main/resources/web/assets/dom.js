// Tiny DOM builder. Text always goes in as text nodes, never as HTML, so data from the API cannot inject markup;
// there is no `style` support on purpose (the CSP forbids inline styles: use classes).

/**
 * h('button', {class: 'btn', onclick: fn, 'aria-label': 'x'}, 'Save') → HTMLButtonElement.
 * Attributes: `class`, `on<event>` (listener), boolean true → present, false/null/undefined → absent;
 * `value`, `checked`, `disabled`, `hidden`, `selected` are set as properties.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'style') {
      throw new Error('inline styles are forbidden by the CSP; use a class');
    } else if (['value', 'checked', 'disabled', 'hidden', 'selected', 'indeterminate'].includes(name)) {
      el[name] = value;
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

/** Appends strings (as text), nodes and (nested) arrays; skips null, undefined and false. */
export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces all children of `parent`. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

let idCounter = 0;
/** A document-unique id for label/aria wiring. */
export function uid(prefix = 'id') {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** Announces a short message to screen readers and shows it as a transient toast. */
export function announce(message, kind = 'info') {
  const status = document.getElementById('status');
  status.textContent = '';
  // a fresh text node after clearing makes screen readers repeat an identical message
  requestAnimationFrame(() => { status.textContent = message; });
  const toasts = document.getElementById('toasts');
  const toast = h('div', {class: `toast toast-${kind}`}, message);
  toasts.append(toast);
  setTimeout(() => toast.remove(), kind === 'error' ? 8000 : 4000);
}

const pad = n => String(n).padStart(2, '0');
// ISO-like local time (2026-11-23 21:26:56): dense, unambiguous across locales, sorts as text.
function localDateTime(d) {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** A <time> element in the browser's zone, with the exact ISO instant as datetime and tooltip; '—' if absent. */
export function time(iso) {
  if (!iso) return h('span', {class: 'muted'}, '—');
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return h('span', {}, String(iso));
  // the store writes the epoch for "never happened" (e.g. a token never used)
  if (date.getTime() <= 0) return h('span', {class: 'muted'}, 'never');
  return h('time', {datetime: date.toISOString(), title: date.toISOString()}, localDateTime(date));
}

/** "3 min ago" style text for an ISO instant relative to now. */
export function ago(iso, now = Date.now()) {
  if (!iso) return '—';
  const seconds = Math.round((now - new Date(iso).getTime()) / 1000);
  const units = [[86400, 'day'], [3600, 'hour'], [60, 'minute'], [1, 'second']];
  const rtf = new Intl.RelativeTimeFormat(undefined, {numeric: 'auto'});
  for (const [size, unit] of units) {
    if (Math.abs(seconds) >= size || unit === 'second') return rtf.format(-Math.round(seconds / size), unit);
  }
  return '';
}

/** A coloured pill for an enum value such as a job state; the text is the accessible content. */
export function badge(value, kind = String(value).toLowerCase()) {
  return h('span', {class: `badge badge-${kind.replace(/[^a-z_-]/g, '')}`}, String(value).replaceAll('_', ' '));
}

/** The heading row of a page: title, optional lead text and action buttons on the right. */
export function pageHead(title, lead, ...actions) {
  return h('div', {class: 'page-head'},
    h('div', {}, h('h1', {}, title), lead ? h('p', {class: 'lead'}, lead) : null),
    actions.length ? h('div', {class: 'page-actions'}, actions) : null);
}

/** A <progress> bar with a visible percentage; `label` names it for assistive tech. */
export function progressBar(done, total, label) {
  const percent = total > 0 ? Math.floor((done * 100) / total) : 0;
  return h('span', {class: 'progress'},
    h('progress', {max: total > 0 ? total : 1, value: total > 0 ? done : 0, 'aria-label': label}),
    h('span', {class: 'progress-text'}, total > 0 ? `${done}/${total} · ${percent}%` : '—'));
}

/** A <dt>/<dd> pair for a facts list; empty values show as a dash. */
export function fact(term, value) {
  return [h('dt', {}, term), h('dd', {}, value === null || value === undefined || value === '' ? '—' : value)];
}

/** 900 → "15 minutes", 45 → "45 seconds". */
export function duration(seconds) {
  if (seconds >= 7200 && seconds % 3600 === 0) return `${seconds / 3600} hours`;
  return seconds >= 120 ? `${Math.round(seconds / 60)} minutes` : `${seconds} seconds`;
}
