// Boot and routing: first-boot setup → login → the console shell with its hash router.

import {api, onSessionLost} from './api.js';
import {h, replace, badge, duration} from './dom.js';
import {session, can, resume, logout, forget} from './session.js';
import {PAGES, NAV_GROUPS, match} from './pages.js';
import mountLogin from './pages/login.js';
import mountSetup from './pages/setup.js';

const app = document.getElementById('app');
const main = document.getElementById('main');
const topbar = document.getElementById('topbar');
const sidebar = document.getElementById('sidebar');

let leaveCurrent = null;
let system = null;
let routing = 0;

function currentPath() {
  return location.hash.replace(/^#\/?/, '');
}

/** Navigates to a route such as "jobs/42". */
export function navigate(path) {
  const target = `#/${path}`;
  if (location.hash === target) route();
  else location.hash = target;
}

function leave() {
  if (leaveCurrent) {
    try { leaveCurrent(); } catch (e) { console.error(e); }
    leaveCurrent = null;
  }
}

function showPublic(mount, options) {
  leave();
  app.dataset.state = 'public';
  topbar.hidden = true;
  sidebar.hidden = true;
  main.replaceChildren();
  document.getElementById('toasts').replaceChildren();
  mount(main, options);
}

// /api/v1/system needs a session, so the sign-in page names the appliance by the address the user typed.
function showLogin(message, kind = 'info') {
  showPublic(mountLogin, {
    message, kind, hostname: system?.hostname ?? location.hostname,
    onLoggedIn: () => startConsole(),
  });
}

function showSetup() {
  showPublic(mountSetup, {
    onDone: () => showLogin('Setup is complete. Sign in as admin with the password you just set.', 'success'),
  });
}

async function startConsole() {
  lastActivity = Date.now();
  app.dataset.state = 'console';
  system = await api('GET', '/system').catch(() => system);
  drawTopbar();
  drawSidebar();
  topbar.hidden = false;
  sidebar.hidden = false;
  const path = currentPath().split('?')[0];
  if (!path || path === 'login' || path === 'setup') navigate('dashboard');
  else route();
}

function drawTopbar() {
  const user = session();
  replace(topbar,
    h('a', {class: 'brand', href: '#/dashboard'}, h('span', {class: 'brand-mark', 'aria-hidden': 'true'}), 'lightsout'),
    system?.hostname ? h('span', {class: 'host', title: 'Appliance host name'}, system.hostname) : null,
    h('span', {class: 'spacer'}),
    h('span', {class: 'who'},
      h('a', {href: '#/account', title: 'My account'}, user.username), ' ', badge(user.role, 'role')),
    h('button', {type: 'button', class: 'btn btn-quiet', id: 'logout', onclick: () => signOut()}, 'Sign out'));
}

function drawSidebar() {
  const groups = NAV_GROUPS.map(group => {
    const pages = PAGES.filter(p => p.group === group && can(p.permission));
    if (pages.length === 0) return null;
    return h('div', {class: 'nav-group'},
      h('h2', {class: 'nav-heading'}, group),
      h('ul', {}, pages.map(p => h('li', {},
        h('a', {href: `#/${p.route}`, 'data-route': p.route},
          h('span', {}, p.title), p.key ? h('kbd', {title: `Press g then ${p.key}`}, p.key) : null)))));
  });
  replace(sidebar, groups,
    h('p', {class: 'nav-help'}, h('kbd', {}, 'g'), ' + key: go to page · ', h('kbd', {}, '/'), ': filter'));
}

function highlightNav(page) {
  const active = page.parent ?? page.route;
  for (const link of sidebar.querySelectorAll('a[data-route]')) {
    if (link.dataset.route === active) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

async function route() {
  if (!session()) return;
  const ticket = ++routing;
  leave();
  const [path, search] = currentPath().split('?');
  const found = match(path);
  if (!found || !can(found.page.permission)) {
    replace(main, h('section', {class: 'page'},
      h('h1', {}, found ? 'Not allowed' : 'Page not found'),
      h('p', {}, found ? `Your role (${session().role}) cannot open this page.` : 'There is no page at this address.'),
      h('p', {}, h('a', {href: '#/dashboard'}, 'Go to the dashboard'))));
    return;
  }
  const {page, params} = found;
  highlightNav(page);
  document.title = `${page.title} · ${system?.hostname ?? 'lightsout'}`;
  let module;
  try {
    module = await page.load();
  } catch (e) {
    replace(main, h('p', {class: 'alert alert-error', role: 'alert'}, `The page could not be loaded: ${e.message}`));
    return;
  }
  if (ticket !== routing) return;
  main.replaceChildren();
  leaveCurrent = module.default(main, {params, query: new URLSearchParams(search ?? ''), navigate}) ?? null;
  main.focus({preventScroll: true});
}

async function signOut(message = 'You have signed out.', kind = 'success') {
  leave();
  await logout().catch(() => {});
  history.replaceState(null, '', '#/login');
  showLogin(message, kind);
}

// Polling pages call the API every few seconds, which would keep the server's idle timer from ever running out on
// an unattended console. So the portal counts only what the user does, and signs out itself after the same idle
// time the server applies.
let lastActivity = Date.now();
function watchIdle() {
  for (const type of ['pointerdown', 'keydown', 'wheel']) {
    document.addEventListener(type, () => { lastActivity = Date.now(); }, {passive: true, capture: true});
  }
  setInterval(() => {
    const limit = session()?.idleTimeoutSeconds;
    if (!limit || app.dataset.state !== 'console') return;
    if (Date.now() - lastActivity >= limit * 1000) {
      signOut(`You were signed out after ${duration(limit)} without activity.`, 'warning');
    }
  }, 10_000);
}

function sessionExpired() {
  if (!session()) return;
  forget();
  leave();
  showLogin('Your session has expired or was ended. Sign in again to continue.', 'warning');
}

let pendingG = 0;
function onKey(event) {
  if (event.ctrlKey || event.metaKey || event.altKey || !session() || app.dataset.state !== 'console') return;
  const tag = event.target.tagName;
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(tag) || event.target.isContentEditable) return;
  if (document.querySelector('dialog[open]')) return;
  if (event.key === '/') {
    const filter = main.querySelector('[data-filter]');
    if (filter) {
      event.preventDefault();
      filter.focus();
    }
  } else if (event.key === 'g') {
    pendingG = Date.now();
  } else if (Date.now() - pendingG < 1500) {
    pendingG = 0;
    const page = PAGES.find(p => p.key === event.key && can(p.permission));
    if (page) navigate(page.route);
  }
}

async function boot() {
  onSessionLost(sessionExpired);
  watchIdle();
  window.addEventListener('hashchange', route);
  document.addEventListener('keydown', onKey);
  try {
    const setup = await api('GET', '/setup', {anonymous: true}).catch(e => (e.status === 404 ? null : Promise.reject(e)));
    if (setup?.required) {
      showSetup();
      return;
    }
    if (await resume()) await startConsole();
    else showLogin();
  } catch (e) {
    replace(main, h('section', {class: 'login-card card'},
      h('h1', {}, 'The appliance is not answering'),
      h('p', {class: 'alert alert-error', role: 'alert'}, e.message),
      h('button', {type: 'button', class: 'btn btn-primary', onclick: () => location.reload()}, 'Try again')));
    app.dataset.state = 'public';
  }
}

boot();
