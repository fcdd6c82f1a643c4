// The page registry. Adding a page is one module under pages/ plus one entry here: the nav, the router, the
// keyboard shortcut (g + key) and the permission check all come from this list. Modules load on first visit.
//
// A page module's default export is `mount(main, ctx)`: it renders into `main` and may return a function that the
// router calls when the user leaves (stop polling, abort fetches). ctx = {params, query (URLSearchParams after "?"), navigate(route)}.
//
// Nav groups leave room for the fleet pages of later waves (Nodes, Power, Wake campaigns, Shares, Firmware):
// give them group 'Fleet'.

export const NAV_GROUPS = Object.freeze(['Overview', 'Fleet', 'Operations', 'Administration']);

export const PAGES = Object.freeze([
  {route: 'dashboard', title: 'Dashboard', group: 'Overview', key: 'd', permission: 'read',
    load: () => import('./pages/dashboard.js')},
  {route: 'nodes', title: 'Nodes', group: 'Fleet', key: 'n', permission: 'read',
    load: () => import('./pages/nodes.js')},
  {route: 'nodes/:id', title: 'Node', parent: 'nodes', permission: 'read',
    load: () => import('./pages/node.js')},
  {route: 'groups', title: 'Groups', group: 'Fleet', key: 'r', permission: 'read',
    load: () => import('./pages/groups.js')},
  {route: 'campaigns', title: 'Wake campaigns', group: 'Fleet', key: 'w', permission: 'read',
    load: () => import('./pages/campaigns.js')},
  {route: 'campaigns/:id', title: 'Wake campaign', parent: 'campaigns', permission: 'read',
    load: () => import('./pages/campaign.js')},
  {route: 'shares', title: 'NFS share', group: 'Fleet', key: 's', permission: 'shares.manage',
    load: () => import('./pages/shares.js')},
  {route: 'jobs', title: 'Jobs', group: 'Operations', key: 'j', permission: 'read',
    load: () => import('./pages/jobs.js')},
  {route: 'jobs/:id', title: 'Job', parent: 'jobs', permission: 'read',
    load: () => import('./pages/job.js')},
  {route: 'audit', title: 'Activity log', group: 'Operations', key: 'a', permission: 'read',
    load: () => import('./pages/audit.js')},
  {route: 'credentials', title: 'Credential profiles', group: 'Administration', key: 'c',
    permission: 'credentials.manage', load: () => import('./pages/credentials.js')},
  {route: 'users', title: 'Users', group: 'Administration', key: 'u', permission: 'users.manage',
    load: () => import('./pages/users.js')},
  {route: 'tokens', title: 'API tokens', group: 'Administration', key: 'k', permission: 'tokens.manage',
    load: () => import('./pages/tokens.js')},
  {route: 'tls', title: 'TLS certificate', group: 'Administration', key: 't', permission: 'tls.manage',
    load: () => import('./pages/tls.js')},
  {route: 'account', title: 'My account', permission: 'read',
    load: () => import('./pages/account.js')},
]);

/** Finds the page for a route path such as "jobs/42"; returns {page, params} or null. */
export function match(path) {
  const parts = path.split('/').filter(Boolean);
  for (const page of PAGES) {
    const pattern = page.route.split('/');
    if (pattern.length !== parts.length) continue;
    const params = {};
    const ok = pattern.every((segment, i) => {
      if (segment.startsWith(':')) {
        params[segment.slice(1)] = decodeURIComponent(parts[i]);
        return true;
      }
      return segment === parts[i];
    });
    if (ok) return {page, params};
  }
  return null;
}
