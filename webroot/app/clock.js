// The server's clock, as every API answer states it (Liandong-Now): the demo lives on its own day,
// so "today" and "now" on a page are the server's, never the browser's.
let offset = 0;

/** Learns the server's time from an answer's Liandong-Now header. */
export function learn(header) {
  const at = Date.parse(header || '');
  if (!Number.isNaN(at)) offset = at - Date.now();
}

/** Now, on the server's clock, in epoch milliseconds. */
export function now() {
  return Date.now() + offset;
}
