// The one place that talks HTTP to /api/v1: JSON in and out, CSRF header on mutating calls, problem+json → ApiError,
// a 401 on an authenticated call → the session is gone (expired or revoked) and the app returns to login.

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const TIMEOUT_MS = 30_000;

/** An error answer from the appliance, carrying its problem+json fields. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.title = problem.title || '';
    this.detail = problem.detail || '';
    /** [{field, message}] for 400 validation problems. */
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    /** The whole answer: some refusals carry more than a problem (a refused power action: the state read). */
    this.body = problem;
  }
}

let csrfToken = null;
let sessionLost = () => {};

/** The token the server handed out at login; sent as X-CSRF-Token on every mutating call. */
export function setCsrfToken(token) {
  csrfToken = token;
}

/** Called with no arguments when an authenticated call answers 401. */
export function onSessionLost(callback) {
  sessionLost = callback;
}

/**
 * Calls the API. `body` is sent as JSON unless `contentType` is given (then it is sent as is).
 * `anonymous: true` marks calls that are expected to answer 401 (login, session probe) so that 401 does not
 * count as a lost session. Resolves to the parsed JSON, or null for an empty answer; rejects with ApiError.
 */
export async function api(method, path, {body, contentType, anonymous = false, signal} = {}) {
  const headers = {Accept: 'application/json, application/problem+json'};
  let payload;
  if (body !== undefined) {
    headers['Content-Type'] = contentType ?? 'application/json';
    payload = contentType ? body : JSON.stringify(body);
  }
  if (MUTATING.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  let response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method, headers, body: payload, credentials: 'same-origin', cache: 'no-store',
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    const detail = timeout.aborted
      ? `The appliance did not answer within ${TIMEOUT_MS / 1000} seconds.`
      : 'The appliance cannot be reached. Check the network connection and try again.';
    throw new ApiError(0, {title: 'No answer', detail});
  }
  if (response.status === 401 && !anonymous) {
    setCsrfToken(null);
    sessionLost();
  }
  return readBody(response);
}

async function readBody(response) {
  const type = response.headers.get('Content-Type') || '';
  const isJson = type.includes('json');
  const data = response.status === 204 || !isJson ? null : await response.json().catch(() => null);
  if (response.ok) return data;
  if (data && typeof data === 'object') throw new ApiError(response.status, data);
  throw new ApiError(response.status, {
    title: response.statusText,
    detail: `The appliance answered ${response.status} ${response.statusText}`.trim() + '.',
  });
}

/** Builds a query string from an object, leaving out empty values. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Calls `load` now and then every `intervalMs` while the tab is visible (a hidden tab does not poll, and polls
 * at once on return). Never overlaps calls. Returns stop().
 */
export function poll(load, intervalMs) {
  let timer = null;
  let stopped = false;
  let running = false;
  const tick = async () => {
    clearTimeout(timer);
    if (stopped || running) return;
    if (document.visibilityState === 'visible') {
      running = true;
      try { await load(); } catch (e) { /* the page shows the error; keep polling */ } finally { running = false; }
    }
    if (!stopped) timer = setTimeout(tick, intervalMs);
  };
  const onVisible = () => { if (document.visibilityState === 'visible') tick(); };
  document.addEventListener('visibilitychange', onVisible);
  tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisible);
  };
}
