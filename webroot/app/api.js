// JSON over fetch with the session cookie; writes carry the CSRF token.
import { learn } from './clock.js';
let csrf = null;

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
  }
}

export function setCsrf(token) { csrf = token; }

// Read your own writes on any node (docs/scale-out.md): a write's answer names where the
// database stood after it; the next minute's requests send it back, and whichever node answers
// them reads after that write.
const BOOKMARK = 'Liandong-Bookmark';
const BOOKMARK_MS = 60_000;
let bookmark = null;
let bookmarkAt = 0;

async function call(method, path, body, headers = {}) {
  const init = { method, credentials: 'same-origin', headers: { ...headers } };
  if (body instanceof Blob) {
    // a file sent as it is (a workbook to import)
    init.headers['Content-Type'] = 'application/octet-stream';
    init.body = body;
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (method !== 'GET' && csrf) init.headers['X-CSRF-Token'] = csrf;
  if (bookmark && Date.now() - bookmarkAt < BOOKMARK_MS) init.headers[BOOKMARK] = bookmark;
  const response = await fetch(path, init);
  learn(response.headers.get('Liandong-Now'));
  const given = response.headers.get(BOOKMARK);
  if (given) { bookmark = given; bookmarkAt = Date.now(); }
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export const api = {
  get: path => call('GET', path),
  post: (path, body, headers) => call('POST', path, body, headers),
  patch: (path, body) => call('PATCH', path, body),
  put: (path, body) => call('PUT', path, body),
  /** A file as the request's body (a workbook: POST /api/imports). */
  upload: (path, file) => call('POST', path, file),
  /** A delete; {@code version} (the one last read) goes as If-Match where the resource is versioned. */
  del: (path, version) => call('DELETE', path, undefined, version === undefined ? {} : { 'If-Match': `"${version}"` }),
};
