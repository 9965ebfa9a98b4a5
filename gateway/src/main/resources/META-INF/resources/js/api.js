// The gateway's /api/v1, called with the API key the user signed in with.

const KEY_STORAGE = 'planscore.apiKey';

export class ApiError extends Error {
  constructor(status, title, detail, problem) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.title = title;
    this.problem = problem;
  }
}

export function storedKey() {
  try {
    return localStorage.getItem(KEY_STORAGE) || '';
  } catch (e) {
    return '';
  }
}

export function storeKey(key) {
  try {
    if (key) {
      localStorage.setItem(KEY_STORAGE, key);
    } else {
      localStorage.removeItem(KEY_STORAGE);
    }
  } catch (e) {
    // private mode: the key lives for this page only
  }
}

// Decimals keep their exact JSON text (a string) so they can be rounded exactly for display; integers
// in the safe range stay numbers. Needs JSON.parse source text access; without it numbers stay numbers.
const KEEPS_SOURCE = (() => {
  let seen = false;
  try {
    JSON.parse('1.5', (key, v, context) => {
      seen = Boolean(context && typeof context.source === 'string');
      return v;
    });
  } catch (e) {
    seen = false;
  }
  return seen;
})();

function reviver(key, v, context) {
  if (typeof v === 'number' && context && typeof context.source === 'string') {
    const source = context.source;
    if (/[.eE]/.test(source) || !Number.isSafeInteger(v)) {
      return source;
    }
  }
  return v;
}

export function parseJson(text) {
  return KEEPS_SOURCE ? JSON.parse(text, reviver) : JSON.parse(text);
}

/** The list inside a response: a bare array, or a page object with items / plans / content / data. */
export function listOf(body) {
  if (Array.isArray(body)) {
    return body;
  }
  if (body && typeof body === 'object') {
    for (const field of ['items', 'plans', 'agencies', 'content', 'data', 'results']) {
      if (Array.isArray(body[field])) {
        return body[field];
      }
    }
  }
  return [];
}

let unauthorizedHandler = () => {};

export function onUnauthorized(handler) {
  unauthorizedHandler = handler;
}

/** GET (or other) an /api/v1 path; resolves to the parsed JSON, rejects with ApiError. */
export async function call(path, { key = storedKey(), method = 'GET', body, signal, quietUnauthorized = false } = {}) {
  const headers = { 'X-API-Key': key, Accept: 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, {
    method, headers, signal, cache: 'no-store',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed = null;
  if (text) {
    try {
      parsed = parseJson(text);
    } catch (e) {
      parsed = null;
    }
  }
  if (!response.ok) {
    if (response.status === 401 && !quietUnauthorized) {
      unauthorizedHandler();
    }
    const problem = parsed && typeof parsed === 'object' ? parsed : {};
    throw new ApiError(response.status, problem.title, problem.detail, problem);
  }
  return parsed;
}

export function query(params) {
  const search = new URLSearchParams();
  Object.entries(params).forEach(([name, v]) => {
    if (v !== undefined && v !== null && v !== '') {
      search.set(name, String(v));
    }
  });
  const text = search.toString();
  return text ? `?${text}` : '';
}

const enc = encodeURIComponent;

export const api = {
  agencies: (opts) => call('/api/v1/agencies', opts),
  plans: (params, opts) => call(`/api/v1/plans${query(params)}`, opts),
  plan: (planId, opts) => call(`/api/v1/plans/${enc(planId)}`, opts),
  scorecard: (planId, year, opts) => call(`/api/v1/scores/plans/${enc(planId)}${query({ year })}`, opts),
  history: (planId, year, opts) => call(`/api/v1/scores/plans/${enc(planId)}/history${query({ year })}`, opts),
  explanation: (planId, indicatorId, year, opts) =>
    call(`/api/v1/scores/plans/${enc(planId)}/indicators/${enc(indicatorId)}${query({ year })}`, opts),
  measurements: (planId, indicatorId, year, opts) =>
    call(`/api/v1/measurements${query({ planId, indicatorId, year, size: 1000 })}`, opts),
};
