import {h, replace, pageHead, time, announce} from '../dom.js';
import {api, poll, query} from '../api.js';
import {can} from '../session.js';
import {DataTable} from '../table.js';
import {openDialog, field} from '../form.js';
import {dialogForm} from '../crud.js';
import {NODE_TYPES, typeLabel, powerBadge, nodeLink} from './fleet-common.js';

/**
 * Every managed machine. Filtering, sorting and paging happen on the server, so the page stays fast with tens of
 * thousands of nodes: only the visible page travels. The filter is kept in the address (#/nodes?q=…&site=…).
 */
export default function mount(main, {query: initial, navigate}) {
  const filters = {q: initial.get('q') ?? '', site: initial.get('site') ?? '', type: initial.get('type') ?? ''};
  let page = 0;
  let size = 50;
  let debounce = null;
  const error = h('div', {role: 'alert'});
  const q = h('input', {type: 'search', class: 'filter', name: 'q', value: filters.q, placeholder: 'Name, address, MAC, tag…',
    'aria-label': 'Filter nodes', 'data-filter': '', oninput: () => { clearTimeout(debounce); debounce = setTimeout(changed, 250); }});
  const site = h('input', {type: 'text', class: 'select-small', name: 'site', value: filters.site, placeholder: 'Site',
    'aria-label': 'Site', onchange: changed});
  const type = h('select', {'aria-label': 'Type', name: 'type', class: 'select-small', onchange: changed},
    h('option', {value: ''}, 'All types'), NODE_TYPES.map(([v, l]) => h('option', {value: v, selected: v === filters.type}, l)));
  const table = new DataTable([
    {key: 'name', label: 'Name', render: nodeLink},
    {key: 'type', label: 'Type', render: n => typeLabel(n.type)},
    {key: 'site', label: 'Site'},
    {key: 'address', label: 'BMC address', render: n => n.address ? h('code', {}, n.address) : '—'},
    {key: 'ip', label: 'Host IP', render: n => n.ip ? h('code', {}, n.ip) : '—'},
    {key: 'mac', label: 'MAC', render: n => n.mac ? h('code', {}, n.mac) : '—'},
    {key: 'powerState', label: 'Power', render: n => powerBadge(n.power)},
    {key: 'tags', label: 'Tags', sortable: false, render: n => n.tags?.length ? h('span', {class: 'chips'}, n.tags.map(t => h('span', {class: 'chip'}, t))) : ''},
    {key: 'updatedAt', label: 'Changed', render: n => time(n.updatedAt)},
  ], {caption: 'Nodes', empty: 'No nodes match. Import a CSV file or add nodes with the CLI.', rowKey: n => n.id, filter: false,
    initialSort: {key: 'name', dir: 'asc'},
    toolbar: [q, site, type],
    server: {sorts: true, load: (p, s) => { page = p; size = s; refresh(); }}});
  const exportLink = h('a', {class: 'btn', id: 'export-nodes', download: 'nodes.csv'}, 'Export CSV');
  main.append(h('section', {class: 'page'},
    pageHead('Nodes', 'Machines with a BMC (iDRAC, AMT, DASH) and machines woken with wake-on-LAN.',
      exportLink,
      can('power.act') ? h('button', {type: 'button', class: 'btn', id: 'bulk-power', onclick: bulkPower}, 'Power…') : null,
      can('nodes.manage') ? h('button', {type: 'button', class: 'btn btn-primary', id: 'import-nodes', onclick: importDialog}, 'Import CSV') : null),
    error, table.el));

  function changed() {
    filters.q = q.value.trim();
    filters.site = site.value.trim();
    filters.type = type.value;
    history.replaceState(null, '', `#/nodes${query(filters)}`);
    table.page = 0;
    page = 0;
    refresh();
  }

  async function refresh() {
    exportLink.href = `/api/v1/nodes/export${query(filters)}`;
    try {
      const sort = table.sort ?? {key: 'name', dir: 'asc'};
      const result = await api('GET', `/nodes${query({...filters, sort: sort.key, order: sort.dir, page, size})}`);
      error.replaceChildren();
      table.setRows(result.items, result.total);
      total = result.total;
    } catch (e) {
      replace(error, h('p', {class: 'alert alert-error'}, e.message));
    }
  }

  // a power action on every node the list matches (all pages), as one job with a result per node
  let total = 0;

  function bulkPower() {
    const filtered = Object.values(filters).some(Boolean);
    const scope = filtered ? `the ${total} node${total === 1 ? '' : 's'} matching the filter` : `all ${total} nodes`;
    dialogForm({title: 'Power action', id: 'bulk-power-form', submitLabel: 'Start',
      fields: [
        h('p', {}, `Applies to ${scope}, as a job with a result per node. Nodes whose state cannot be read are not`
          + ' cycled, reset or switched off.'),
        field({label: 'Action', name: 'action', type: 'select', value: 'on', options: [['on', 'Power on'],
          ['shutdown', 'Shut down (graceful)'], ['off', 'Power off'], ['cycle', 'Power cycle'], ['reset', 'Reset'],
          ['pxe', 'Boot once from network, then power on']]}),
      ],
      submit: async v => {
        const body = {action: v.action};
        if (filtered) body.filter = {site: filters.site || undefined, type: filters.type || undefined, q: filters.q || undefined};
        else body.all = true;
        const job = await api('POST', '/power-actions', {body});
        announce(`${job.action} started on ${job.targets} node${job.targets === 1 ? '' : 's'} as job #${job.jobId}.`, 'success');
        navigate(`jobs/${job.jobId}`);
      }});
  }

  function importDialog() {
    const file = h('input', {type: 'file', id: 'import-file', name: 'file', accept: '.csv,text/csv', required: true});
    const result = h('div', {id: 'import-result', 'aria-live': 'polite'});
    const submit = h('button', {type: 'submit', class: 'btn btn-primary'}, 'Import');
    const form = h('form', {class: 'stack', id: 'import-form', onsubmit: async event => {
      event.preventDefault();
      if (!file.files.length) return;
      submit.disabled = true;
      try {
        const report = await api('POST', '/nodes/import', {body: await file.files[0].text(), contentType: 'text/csv'});
        replace(result, importReport(report));
        announce(`${report.imported} imported, ${report.updated} updated, ${report.rejected} rejected.`,
          report.rejected ? 'error' : 'success');
        refresh();
      } catch (e) {
        replace(result, h('p', {class: 'alert alert-error'}, e.message));
      } finally {
        submit.disabled = false;
      }
    }},
    h('div', {class: 'field'}, h('label', {for: 'import-file'}, 'CSV file'), file,
      h('p', {class: 'hint'}, 'Header: name,type,site,address,port,… (the format of Export CSV). Good rows are kept; bad rows are listed below with their line and column.')),
    h('div', {class: 'actions'}, submit), result);
    openDialog('Import nodes', form);
  }

  return poll(refresh, 10_000);
}

function importReport(r) {
  return h('div', {class: 'stack'},
    h('p', {}, h('strong', {}, `${r.imported} imported, ${r.updated} updated, ${r.rejected} rejected.`)),
    r.errors.length ? h('table', {class: 'data compact', id: 'import-errors'},
      h('caption', {class: 'sr-only'}, 'Rejected rows'),
      h('thead', {}, h('tr', {}, ['Line', 'Column', 'Field', 'Reason'].map(t => h('th', {scope: 'col'}, t)))),
      h('tbody', {}, r.errors.map(e => h('tr', {}, h('td', {}, String(e.line)), h('td', {}, e.column ? String(e.column) : '—'),
        h('td', {}, e.field ?? '—'), h('td', {}, e.reason))))) : null);
}
