import {h, replace, time, ago, badge, fact} from '../dom.js';
import {api, poll, query} from '../api.js';
import {can} from '../session.js';
import {jobLink, jobType, jobState, jobProgress} from './jobs-common.js';

/** Overview: the appliance, running work, recent activity, certificate health. */
export default function mount(main) {
  const systemBox = h('dl', {class: 'facts'});
  const counters = h('div', {class: 'counters'});
  const recentJobs = h('tbody');
  const recentAudit = h('tbody');
  const cert = h('div');
  const error = h('div', {role: 'alert'});
  main.append(h('section', {class: 'page'},
    h('div', {class: 'page-head'}, h('div', {}, h('h1', {}, 'Dashboard'))),
    error,
    counters,
    h('div', {class: 'grid-2'},
      h('section', {class: 'card', 'aria-labelledby': 'dash-jobs'},
        h('h2', {id: 'dash-jobs'}, 'Recent jobs ', h('a', {href: '#/jobs', class: 'more'}, 'All jobs')),
        h('table', {class: 'data compact'}, h('thead', {}, h('tr', {},
          ['Job', 'Type', 'State', 'Progress'].map(t => h('th', {scope: 'col'}, t)))), recentJobs)),
      h('section', {class: 'card', 'aria-labelledby': 'dash-audit'},
        h('h2', {id: 'dash-audit'}, 'Recent activity ', h('a', {href: '#/audit', class: 'more'}, 'Activity log')),
        h('table', {class: 'data compact'}, h('thead', {}, h('tr', {},
          ['When', 'User', 'Action', 'Outcome'].map(t => h('th', {scope: 'col'}, t)))), recentAudit)),
      h('section', {class: 'card', 'aria-labelledby': 'dash-system'},
        h('h2', {id: 'dash-system'}, 'Appliance'), systemBox,
        can('support.bundle') ? h('p', {}, h('a', {class: 'btn btn-small', href: '/api/v1/support/bundle', download: ''}, 'Download support bundle')) : null),
      can('tls.manage') ? h('section', {class: 'card', 'aria-labelledby': 'dash-tls'},
        h('h2', {id: 'dash-tls'}, 'TLS certificate ', h('a', {href: '#/tls', class: 'more'}, 'Manage')), cert) : null)));

  const count = state => api('GET', `/jobs${query({state, page: 0, size: 1})}`).then(r => r.total);

  async function load() {
    try {
      const [system, running, queued, failed, jobs, audit] = await Promise.all([
        api('GET', '/system'), count('running'), count('queued'), count('failed'),
        api('GET', `/jobs${query({page: 0, size: 6})}`), api('GET', `/audit${query({page: 0, size: 8})}`)]);
      error.replaceChildren();
      replace(counters,
        counter('Running jobs', running, '#/jobs?state=running'),
        counter('Queued jobs', queued, '#/jobs?state=queued'),
        counter('Failed jobs', failed, '#/jobs?state=failed', failed > 0 ? 'bad' : null),
        counter('Up since', ago(system.startedAt), null, null, time(system.startedAt)));
      replace(systemBox,
        fact('Host name', system.hostname), fact('Version', system.version),
        fact('Appliance time', time(system.time)), fact('Time zone', system.timeZone === 'Z' ? 'UTC' : system.timeZone),
        fact('Started', time(system.startedAt)));
      replace(recentJobs, jobs.items.length === 0
        ? h('tr', {class: 'empty'}, h('td', {colspan: 4}, 'No jobs yet.'))
        : jobs.items.map(j => h('tr', {}, h('td', {}, jobLink(j)), h('td', {}, jobType(j.type)),
          h('td', {}, jobState(j)), h('td', {}, jobProgress(j)))));
      replace(recentAudit, audit.items.length === 0
        ? h('tr', {class: 'empty'}, h('td', {colspan: 4}, 'No activity yet.'))
        : audit.items.map(a => h('tr', {}, h('td', {}, time(a.time)), h('td', {}, a.user ?? '—'),
          h('td', {}, a.action), h('td', {}, badge(a.outcome ?? '—')))));
    } catch (e) {
      replace(error, h('p', {class: 'alert alert-error'}, e.message));
    }
  }

  async function loadCert() {
    try {
      const c = await api('GET', '/tls/certificate');
      const days = Math.floor((new Date(c.notAfter).getTime() - Date.now()) / 86_400_000);
      replace(cert, h('dl', {class: 'facts'},
        fact('Subject', c.subject),
        fact('Expires', h('span', {}, time(c.notAfter), ' ', badge(days < 0 ? 'expired' : `${days} days left`, days < 30 ? 'failed' : 'succeeded'))),
        fact('Issuer', c.selfSigned ? h('span', {}, 'self-signed ', badge('replace it', 'partially_failed')) : c.issuer)));
    } catch (e) {
      replace(cert, h('p', {class: 'alert alert-error'}, e.message));
    }
  }

  if (can('tls.manage')) loadCert();
  return poll(load, 5000);
}

function counter(label, value, href, kind, extra) {
  const body = [h('span', {class: 'counter-value'}, String(value ?? '—')), h('span', {class: 'counter-label'}, label), extra];
  return href
    ? h('a', {class: `counter ${kind ? `counter-${kind}` : ''}`, href}, body)
    : h('div', {class: 'counter'}, body);
}
