import {h, replace, pageHead, time, fact, announce} from '../dom.js';
import {api} from '../api.js';
import {can} from '../session.js';
import {confirmAction} from '../form.js';
import {typeLabel, powerBadge} from './fleet-common.js';

// [action, label, destructive]: destructive actions interrupt a running OS and ask first.
const ACTIONS = [['on', 'Power on', false], ['shutdown', 'Shut down (graceful)', true], ['off', 'Power off', true],
  ['cycle', 'Power cycle', true], ['reset', 'Reset', true], ['pxe', 'Boot once from network', true],
  ['bios', 'Boot once into BIOS setup', true]];
// A one-time boot applies at the next start: these cycle a running node and power on one that is off.
const BOOT_ONCE = new Set(['pxe', 'bios']);

/** One node: what it is, its power state read from the BMC now, and the power buttons (operator and admin). */
export default function mount(main, {params}) {
  const id = params.id;
  const facts = h('dl', {class: 'facts'});
  const power = h('div', {id: 'power-state'});
  const outcome = h('div', {id: 'power-outcome', role: 'status', 'aria-live': 'polite'});
  const error = h('div', {role: 'alert'});
  const buttons = can('power.act') ? h('div', {class: 'actions power-actions'}, ACTIONS.map(([action, label, destructive]) =>
    h('button', {type: 'button', class: `btn ${destructive ? 'btn-danger-quiet' : 'btn-primary'}`, 'data-action': action,
      onclick: () => act(action, label, destructive)}, label))) : null;
  const title = h('h1', {}, 'Node');
  const hardware = h('div', {id: 'node-hardware'});
  main.append(h('section', {class: 'page'},
    h('p', {class: 'crumbs'}, h('a', {href: '#/nodes'}, 'Nodes')),
    h('div', {class: 'page-head'}, h('div', {}, title)),
    error,
    h('div', {class: 'grid-2'},
      h('section', {class: 'card', 'aria-labelledby': 'node-power'},
        h('h2', {id: 'node-power'}, 'Power ', h('button', {type: 'button', class: 'btn btn-small', id: 'read-power', onclick: readPower}, 'Read now')),
        power, buttons, outcome),
      h('section', {class: 'card', 'aria-labelledby': 'node-facts'}, h('h2', {id: 'node-facts'}, 'Node'), facts)),
    h('section', {class: 'card', 'aria-labelledby': 'node-hw'},
      h('h2', {id: 'node-hw'}, 'Hardware inventory ', can('power.act')
        ? h('button', {type: 'button', class: 'btn btn-small', id: 'refresh-inventory', onclick: refreshInventory}, 'Refresh') : null),
      hardware)));
  let node = null;

  let inventoryReadAt = null;

  async function loadInventory() {
    try {
      const inv = await api('GET', `/inventory/${encodeURIComponent(id)}`);
      inventoryReadAt = inv.readAt;
      replace(hardware, h('p', {class: 'muted'}, 'Read ', time(inv.readAt)), ...inventorySections(inv.facts));
    } catch (e) {
      replace(hardware, h('p', {class: 'muted'}, e.status === 404 ? 'Not read yet. Refresh reads system, CPUs, memory, NICs, disks and firmware from the BMC.' : e.message));
    }
  }

  async function refreshInventory(event) {
    event.target.disabled = true;
    try {
      const job = await api('POST', '/inventory', {body: {nodeIds: [id]}});
      announce(`Inventory refresh started as job #${job.jobId}.`, 'success');
      replace(hardware, h('p', {}, 'Reading… ', h('a', {href: `#/jobs/${job.jobId}`}, `job #${job.jobId}`)));
      const before = inventoryReadAt;
      for (let i = 0; i < 20 && inventoryReadAt === before && main.isConnected; i++) {
        await new Promise(resolve => setTimeout(resolve, 1500));
        await loadInventory();
      }
    } catch (e) {
      announce(e.message, 'error');
    } finally {
      event.target.disabled = false;
    }
  }

  async function load() {
    try {
      node = await api('GET', `/nodes/${encodeURIComponent(id)}`);
      title.textContent = node.name;
      document.title = `${node.name} · lightsout`;
      replace(facts,
        fact('Type', typeLabel(node.type)), fact('Site', node.site),
        fact('BMC', node.address ? h('code', {}, `${node.scheme ?? 'https'}://${node.address}${node.port ? `:${node.port}` : ''}`) : null),
        fact('BMC user', node.username), fact('BMC certificate', node.certificateSha256 ? h('code', {class: 'wrap'}, node.certificateSha256) : 'not pinned yet'),
        fact('Service tag', node.serviceTag), fact('Host IP', node.ip ? `${node.ip}${node.prefixLength ? `/${node.prefixLength}` : ''}` : null),
        fact('MAC', node.mac ? h('code', {}, node.mac) : null), fact('Tags', node.tags?.join(', ')),
        fact('Added', time(node.createdAt)), fact('Changed', time(node.updatedAt)));
      showPower(node.power);
    } catch (e) {
      replace(error, h('p', {class: 'alert alert-error'}, e.message));
    }
  }

  function showPower(p) {
    replace(power, h('p', {}, powerBadge(p), ' ', p?.readAt ? h('span', {class: 'muted'}, 'read ', time(p.readAt)) : null),
      p?.detail ? h('p', {class: 'hint'}, p.detail) : null);
  }

  async function readPower(event) {
    event.target.disabled = true;
    try {
      showPower(await api('GET', `/nodes/${encodeURIComponent(id)}/power`));
    } catch (e) {
      replace(outcome, h('p', {class: 'alert alert-error'}, e.message));
    } finally {
      event.target.disabled = false;
    }
  }

  async function act(action, label, destructive) {
    if (destructive && !await confirmAction(`${label}: ${node?.name ?? id}?`,
      'The operating system on this machine is interrupted; unsaved work is lost.', label)) return;
    const all = buttons.querySelectorAll('button');
    all.forEach(b => { b.disabled = true; });
    replace(outcome, h('p', {class: 'muted'}, `${label}…`));
    try {
      const body = {action};
      if (BOOT_ONCE.has(action)) {
        const now = await api('GET', `/nodes/${encodeURIComponent(id)}/power`);
        showPower(now);
        if (now.state === 'ON') body.bootOnce = 'cycle';
      }
      const r = await api('POST', `/nodes/${encodeURIComponent(id)}/power`, {body});
      replace(outcome, h('p', {class: 'alert alert-success'}, `${label}: ${r.outcome === 'nothingtodo' ? 'nothing to do' : 'done'}. ${r.detail ?? ''}`));
      announce(`${label}: ${r.detail ?? r.outcome}`, 'success');
      await load();
      showPower(await api('GET', `/nodes/${encodeURIComponent(id)}/power`));
    } catch (e) {
      // 409: refused (state unknown, credentials rejected, another action running); 502: the BMC failed
      const message = e.message.replace(/^(refused|failed):\s*/i, '');
      // the state read right before the refusal (e.g. unknown), not the older reading the page still shows
      if (e.body?.before) showPower(e.body.before);
      replace(outcome, h('p', {class: 'alert alert-error'}, h('strong', {}, e.status === 409 ? 'Refused: ' : 'Failed: '), message));
    } finally {
      all.forEach(b => { b.disabled = false; });
    }
  }

  load();
  loadInventory();
}

// The facts as people read them: system first, then processors, memory modules, disks, NICs, then one line per
// firmware component. Per-part keys are <part>.<n>.<field> (AMT/DASH report them; iDRAC only the counts).
const SYSTEM = [['manufacturer', 'Manufacturer'], ['serviceTag', 'Service tag'], ['model', 'Model'],
  ['biosVersion', 'BIOS'], ['cpus', 'CPUs'],
  ['memoryMib', 'Memory', v => `${(Number(v) / 1024).toLocaleString(undefined, {maximumFractionDigits: 1})} GiB`],
  ['disks', 'Disks']];

function inventorySections(facts) {
  const rest = {...facts};
  const take = key => { const v = rest[key]; delete rest[key]; return v; };
  const system = SYSTEM.filter(([k]) => k in rest).map(([k, label, format]) => fact(label, format ? format(take(k)) : take(k)));
  const parts = (prefix, label, describe) => {
    const indexes = [...new Set(Object.keys(rest).filter(k => k.startsWith(prefix + '.') && /^\w+\.\d+\.\w+$/.test(k))
      .map(k => Number(k.split('.')[1])))].sort((a, b) => a - b);
    return indexes.map(i => {
      const f = {};
      Object.keys(rest).filter(k => k.startsWith(`${prefix}.${i}.`)).forEach(k => { f[k.split('.')[2]] = take(k); });
      return fact(`${label} ${i + 1}`, describe(f));
    });
  };
  const cpus = parts('cpu', 'CPU', f => [f.model, f.maxMhz && `max ${f.maxMhz} MHz`].filter(Boolean).join(', '));
  const memory = parts('memory', 'Module', f => [f.bank, f.mib && `${Number(f.mib) / 1024} GiB`,
    f.speedMhz && `${f.speedMhz} MHz`, f.partNumber].filter(Boolean).join(', '));
  const disks = parts('disk', 'Disk', f => [f.model || f.id, f.sizeGb && `${f.sizeGb} GB`].filter(Boolean).join(', '));
  const nics = Object.keys(rest).filter(k => /^nic\.\d+\.mac$/.test(k))
    .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]))
    .map(k => fact(`NIC ${Number(k.split('.')[1]) + 1}`, h('code', {}, take(k))));
  const firmware = Object.keys(rest).filter(k => k.startsWith('firmware.')).sort()
    .map(k => fact(k.slice('firmware.'.length), take(k)));
  const other = Object.keys(rest).sort().map(k => fact(k, rest[k]));
  return [['System', system], ['Processors', cpus], ['Memory', memory], ['Disks', disks], ['Network', nics],
    ['Firmware', firmware], ['Other', other]]
    .filter(([, items]) => items.length)
    .map(([title, items]) => h('div', {class: 'inventory-section'}, h('h3', {}, title), h('dl', {class: 'facts'}, items)));
}
