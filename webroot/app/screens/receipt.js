// 签收: a receipt link from an e-mail (#/receipt/<token>) opens its one notice without logging in;
// the person acknowledges it once. Nothing else of Liandong is shown, and no session is opened.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { h, fill, busy, setZone, time } from '../ui.js';

export async function render(root, { token }) {
  const path = `/api/receipts/${encodeURIComponent(token)}`;
  const status = h('p', { id: 'receipt-status', role: 'status' });
  const login = h('p', {}, h('a', { href: '#/', id: 'receipt-login' }, t('receipt.login')));
  let shown;
  try {
    shown = await api.get(path);
  } catch (err) {
    fill(root, h('section', { class: 'card login', id: 'receipt' }, h('h1', {}, t('receipt.title')),
      h('p', { class: 'error', role: 'alert', id: 'receipt-error' }, err.message), login));
    return;
  }
  // times in the server's zone (LIANDONG_TIMEZONE), which the answer names: there is no session to ask it by
  setZone(shown.timeZone);
  const n = shown.notice;
  const facts = [
    n.projectName ? [t('receipt.project'), n.projectName] : null,
    n.departmentName ? [t('receipt.department'), n.departmentName] : null,
    n.dueOn ? [t('table.due'), n.dueOn] : null,
    n.respondBy ? [t('receipt.respondBy'), n.respondBy] : null,
    n.startsAt ? [t('receipt.startsAt'), time(n.startsAt)] : null,
    [t('receipt.sentAt'), time(n.at)],
  ].filter(Boolean);
  const acknowledge = h('button', { type: 'button', id: 'receipt-acknowledge' }, t('receipt.acknowledge'));
  acknowledge.addEventListener('click', () => busy(acknowledge, async () => {
    try {
      const done = await api.post(path);
      acknowledge.remove();
      status.textContent = t('receipt.done', { time: time(done.acknowledgedAt) });
    } catch (err) {
      status.textContent = err.message;
    }
  }));
  fill(root, h('section', { class: 'card login', id: 'receipt' },
    h('h1', {}, t('receipt.title')),
    h('p', { class: 'muted' }, t('receipt.to', { name: shown.name })),
    h('p', {}, h('span', { class: `badge notice-kind kind-${n.kind}` }, t(`notice.kind.${n.kind}`))),
    h('h2', { id: 'receipt-subject' }, n.subject || ''),
    h('dl', { class: 'facts' }, facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h('p', {}, acknowledge), status,
    h('p', { class: 'muted small' }, t('receipt.hint')), login));
  acknowledge.focus();
}
