// A data table for every list: sortable headers (aria-sort), a filter box, paging. Client mode filters, sorts and
// pages an array it holds; server mode shows one page the caller loaded and asks the caller for other pages
// (sorting then orders the rows of the current page, which the pager says).

import {h, replace} from './dom.js';

const PAGE_SIZES = [25, 50, 100, 200];

/**
 * columns: [{key, label, value?(row) → sortable/filterable value (default row[key]),
 *            render?(row) → node|string (default value), className?, sortable? (default true)}]
 * options: {caption, empty, rowKey(row), pageSize, initialSort: {key, dir: 'asc'|'desc'},
 *           server?: {load(page, size), sorts?: true — the server sorts: a header click reloads page 0 and reads
 *           table.sort}, filter?: false to hide the filter box, toolbar?: nodes}
 */
export class DataTable {
  constructor(columns, options = {}) {
    this.columns = columns;
    this.options = options;
    this.rows = [];
    this.total = 0;
    this.page = 0;
    this.size = options.pageSize ?? 50;
    this.sort = options.initialSort ?? null;
    this.filterText = '';
    this.server = options.server ?? null;
    this.tbody = h('tbody');
    this.thead = h('thead');
    this.info = h('span', {class: 'pager-info', 'aria-live': 'polite'});
    this.prev = h('button', {type: 'button', class: 'btn btn-small', onclick: () => this.go(this.page - 1)}, '‹ Previous');
    this.next = h('button', {type: 'button', class: 'btn btn-small', onclick: () => this.go(this.page + 1)}, 'Next ›');
    this.sizeSelect = h('select', {'aria-label': 'Rows per page', class: 'select-small',
      onchange: () => { this.size = Number(this.sizeSelect.value); this.go(0); }},
    PAGE_SIZES.map(n => h('option', {value: n, selected: n === this.size}, `${n} per page`)));
    const filter = options.filter === false ? null : h('input', {
      type: 'search', class: 'filter', placeholder: 'Filter…', 'aria-label': `Filter ${options.caption ?? 'rows'}`,
      'data-filter': '', oninput: e => { this.filterText = e.target.value.trim().toLowerCase(); this.go(0); },
    });
    this.el = h('div', {class: 'table-wrap'},
      filter || options.toolbar ? h('div', {class: 'table-toolbar'}, filter, options.toolbar ?? null) : null,
      h('div', {class: 'table-scroll'},
        h('table', {class: 'data'},
          options.caption ? h('caption', {class: 'sr-only'}, options.caption) : null,
          this.thead, this.tbody)),
      h('div', {class: 'pager'}, this.info, h('span', {class: 'spacer'}), this.sizeSelect, this.prev, this.next));
    this.drawHead();
  }

  drawHead() {
    replace(this.thead, h('tr', {}, this.columns.map(col => {
      const sortable = col.sortable !== false;
      const active = this.sort?.key === col.key;
      const ariaSort = active ? (this.sort.dir === 'asc' ? 'ascending' : 'descending') : (sortable ? 'none' : null);
      return h('th', {scope: 'col', 'aria-sort': ariaSort, class: col.className},
        sortable
          ? h('button', {type: 'button', class: 'th-sort', onclick: () => this.sortBy(col.key)},
            col.label, h('span', {class: 'sort-mark', 'aria-hidden': 'true'}, active ? (this.sort.dir === 'asc' ? '▲' : '▼') : ''))
          : col.label);
    })));
  }

  sortBy(key) {
    const dir = this.sort?.key === key && this.sort.dir === 'asc' ? 'desc' : 'asc';
    this.sort = {key, dir};
    this.drawHead();
    if (this.server?.sorts) this.go(0);
    else this.draw();
  }

  /** Client mode: all rows. Server mode: the current page's rows and the total across pages. */
  setRows(rows, total = rows.length) {
    this.rows = rows;
    this.total = total;
    this.draw();
  }

  go(page) {
    this.page = Math.max(0, page);
    if (this.server) this.server.load(this.page, this.size);
    else this.draw();
  }

  valueOf(col, row) {
    return col.value ? col.value(row) : row[col.key];
  }

  visibleRows() {
    let rows = this.rows;
    if (!this.server && this.filterText) {
      rows = rows.filter(row => this.columns.some(col => {
        const v = this.valueOf(col, row);
        return v !== null && v !== undefined && String(v).toLowerCase().includes(this.filterText);
      }));
    }
    const filtered = rows.length;
    if (this.sort && !this.server?.sorts) {
      const col = this.columns.find(c => c.key === this.sort.key);
      const sign = this.sort.dir === 'asc' ? 1 : -1;
      rows = [...rows].sort((a, b) => sign * compare(this.valueOf(col, a), this.valueOf(col, b)));
    }
    if (!this.server) {
      const pages = Math.max(1, Math.ceil(filtered / this.size));
      if (this.page >= pages) this.page = pages - 1;
      rows = rows.slice(this.page * this.size, (this.page + 1) * this.size);
    }
    return {rows, filtered};
  }

  draw() {
    const {rows, filtered} = this.visibleRows();
    const focus = rememberFocus(this.tbody);
    const count = this.server ? this.total : filtered;
    if (rows.length === 0) {
      replace(this.tbody, h('tr', {class: 'empty'}, h('td', {colspan: this.columns.length},
        this.filterText && !this.server ? 'No rows match the filter.' : (this.options.empty ?? 'Nothing here yet.'))));
    } else {
      replace(this.tbody, rows.map(row => h('tr', {'data-key': this.options.rowKey ? this.options.rowKey(row) : null},
        this.columns.map(col => h('td', {class: col.className, 'data-label': col.label},
          col.render ? col.render(row) : format(this.valueOf(col, row)))))));
    }
    restoreFocus(this.tbody, focus);
    const first = count === 0 ? 0 : this.page * this.size + 1;
    const last = Math.min(count, (this.page + 1) * this.size);
    const of = !this.server && this.filterText ? ` (filtered from ${this.rows.length})` : '';
    this.info.textContent = `${first}–${last} of ${count.toLocaleString()}${of}${this.server && this.sort && !this.server.sorts ? ' · sorted within this page' : ''}`;
    this.prev.disabled = this.page === 0;
    this.next.disabled = last >= count;
  }
}

function compare(a, b) {
  if (a === b) return 0;
  if (a === null || a === undefined || a === '') return 1;
  if (b === null || b === undefined || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean') return a === b ? 0 : (a ? -1 : 1);
  return String(a).localeCompare(String(b), undefined, {numeric: true, sensitivity: 'base'});
}

function format(value) {
  if (value === null || value === undefined || value === '') return h('span', {class: 'muted'}, '—');
  return String(value);
}

// Polling redraws the body; keep keyboard focus on the same row and control so a list can be used while it updates.
function rememberFocus(tbody) {
  const active = document.activeElement;
  if (!active || !tbody.contains(active)) return null;
  const row = active.closest('tr');
  return {key: row?.dataset.key, index: [...row.querySelectorAll('a,button,input')].indexOf(active)};
}

function restoreFocus(tbody, focus) {
  if (!focus?.key) return;
  const row = [...tbody.rows].find(r => r.dataset.key === focus.key);
  row?.querySelectorAll('a,button,input')[focus.index]?.focus({preventScroll: true});
}
