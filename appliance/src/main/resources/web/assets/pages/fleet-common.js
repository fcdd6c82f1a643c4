// Shared by the fleet pages (nodes, node, campaigns): labels and badges for node types and power states.

import {h, badge} from '../dom.js';

export const NODE_TYPES = [['IDRAC', 'Dell iDRAC'], ['AMT', 'Intel AMT'], ['DASH', 'DASH'], ['WOL', 'Wake-on-LAN only']];

export const typeLabel = type => NODE_TYPES.find(([v]) => v === type || (v === 'WOL' && type === 'WOL_ONLY'))?.[1] ?? type;

const POWER_KIND = {ON: 'succeeded', OFF: 'cancelled', UNKNOWN: 'partially_failed', UNREACHABLE: 'failed', AUTH_FAILED: 'failed'};

/** A badge for a node's last known power state; the reading's detail is its tooltip. */
export function powerBadge(power) {
  if (!power?.readAt) {
    // never read (just added): not the same as UNKNOWN, which is a read that got no trustworthy answer
    const b = badge('not read yet', 'queued');
    b.title = 'The background power sync reads it within its interval; Read now on the node page reads it at once.';
    return b;
  }
  const state = power.state ?? 'UNKNOWN';
  const b = badge(state.toLowerCase(), POWER_KIND[state] ?? 'queued');
  if (power?.detail) b.title = power.detail;
  return b;
}

export function nodeLink(node) {
  return h('a', {href: `#/nodes/${encodeURIComponent(node.id)}`}, node.name);
}
