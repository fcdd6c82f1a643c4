// Shared by the jobs list, the job page and the dashboard.
import {h, badge, progressBar} from '../dom.js';

export const JOB_STATES = Object.freeze(['queued', 'running', 'succeeded', 'failed', 'partially_failed', 'cancelled']);
export const ACTIVE_STATES = Object.freeze(['queued', 'running']);

/** "power-on" → "Power on". */
export function jobType(type) {
  const text = String(type ?? '').replaceAll(/[-_.]/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function jobState(job) {
  return badge(job.state);
}

export function jobProgress(job) {
  const p = job.progress ?? {};
  return progressBar(p.done ?? 0, p.total ?? 0, `Progress of job ${job.id}`);
}

export function jobLink(job) {
  return h('a', {href: `#/jobs/${encodeURIComponent(job.id)}`}, `#${job.id}`);
}
