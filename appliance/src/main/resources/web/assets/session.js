// Who is signed in and what the portal offers them. The server enforces every permission; this only decides
// which controls are drawn, so a readonly user never sees a button that would answer 403.

import {api, setCsrfToken} from './api.js';

export const ROLES = Object.freeze(['admin', 'operator', 'readonly']);

/** Permission → roles that hold it. Mirrors the REST contract. */
const PERMISSIONS = Object.freeze({
  read: ROLES,
  'jobs.cancel': ['admin', 'operator'],
  'selftest.run': ['admin', 'operator'],
  'users.manage': ['admin'],
  'credentials.manage': ['admin'],
  'tokens.manage': ['admin'],
  'tls.manage': ['admin'],
  'shares.manage': ['admin'],
  'nodes.manage': ['admin'],
  'groups.manage': ['admin', 'operator'],
  'power.act': ['admin', 'operator'],
  'support.bundle': ['admin'],
});

let current = null;

/** The signed-in user {username, role, idleTimeoutSeconds} or null. */
export function session() {
  return current;
}

/** True if the signed-in user holds `permission`. */
export function can(permission) {
  const roles = PERMISSIONS[permission];
  if (!roles) throw new Error(`unknown permission ${permission}`);
  return current !== null && roles.includes(current.role);
}

function adopt(body) {
  current = {username: body.username, role: body.role, idleTimeoutSeconds: body.idleTimeoutSeconds};
  setCsrfToken(body.csrfToken);
  return current;
}

/** Restores the session from the cookie (after a reload); null if there is none. */
export async function resume() {
  try {
    return adopt(await api('GET', '/sessions/current', {anonymous: true}));
  } catch (e) {
    if (e.status === 401 || e.status === 403 || e.status === 404) return null;
    throw e;
  }
}

/** Signs in; rejects with the server's ApiError (401 wrong password, 423 locked, 503 too many sessions). */
export async function login(username, password) {
  return adopt(await api('POST', '/sessions', {body: {username, password}, anonymous: true}));
}

/** Signs out on the server (best effort) and forgets the session here. */
export async function logout() {
  try {
    await api('DELETE', '/sessions/current', {anonymous: true});
  } finally {
    forget();
  }
}

/** Forgets the session locally (the server already dropped it). */
export function forget() {
  current = null;
  setCsrfToken(null);
}
