// The header's 通知 link with my unread count: set from GET /api/notices, raised live by
// notice.created on my user: channel (the page that lists them sets it exactly again).
import { api } from './api.js';
import { t } from './i18n.js';
import { h, flash } from './ui.js';
import { follow } from './live.js';

let stop = null;
let count = 0;

export function setUnread(n) {
  count = Math.max(0, Number(n) || 0);
  const badge = document.querySelector('#bell .count');
  if (!badge) return;
  badge.textContent = String(count);
  badge.hidden = count === 0;
  document.getElementById('bell').setAttribute('aria-label', t('notices.unread', { n: count }));
}

/** Shows the bell for a signed-in person and keeps its count; {@code null} takes it away. */
export async function ring(user) {
  if (stop) { stop(); stop = null; }
  const bell = document.getElementById('bell');
  if (!user) { bell.hidden = true; return; }
  bell.replaceChildren(t('nav.notices'), ' ', h('span', { class: 'count', hidden: true }, '0'));
  bell.hidden = false;
  setUnread((await api.get('/api/notices?unread=true&limit=1')).unread);
  stop = follow(`user:${user.id}`, m => {
    if (m.type === 'notice.created') {
      setUnread(count + 1);
      flash(bell);
    }
  });
}
