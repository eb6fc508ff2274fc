// 通知: what Liandong chased me about (督办, 催办, due dates, 容缺, invitations, red lights),
// newest first, kept while I was away; a new one arrives live. Mark read; mute kinds.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { h, fill, keyed, section, time, date, busy, banner, explain } from '../ui.js';
import { follow, debounce } from '../live.js';
import { meta, name } from '../meta.js';
import { setUnread } from '../bell.js';

export async function render(root, { user }) {
  const vocabulary = await meta();
  const kinds = new Map(vocabulary.noticeKinds.map(k => [k.key, k]));
  const list = h('ul', { id: 'notice-list', class: 'notices' });
  const empty = h('p', { class: 'muted', id: 'notice-empty' }, t('notices.empty'));
  const onlyUnread = h('input', { type: 'checkbox', id: 'notice-unread' });
  const readAll = h('button', { type: 'button', class: 'secondary', id: 'notice-read-all' }, t('notices.readAll'));
  const settingsBox = h('div', { id: 'notice-settings', class: 'roles' });
  const emailBox = h('div', { id: 'notice-email', class: 'roles' });
  const smsBox = h('div', { id: 'notice-sms', class: 'roles' });
  // quiet hours: no text message between these times (an escalation still goes); equal times: none
  const quietFrom = h('input', { type: 'time', id: 'quiet-from', name: 'quietFrom', required: true });
  const quietUntil = h('input', { type: 'time', id: 'quiet-until', name: 'quietUntil', required: true });
  const digest = h('input', { type: 'checkbox', id: 'notice-digest', name: 'digest' });
  const quietBox = h('div', { class: 'row', id: 'notice-quiet' },
    h('label', { for: 'quiet-from' }, t('notices.quietFrom')), quietFrom, h('label', { for: 'quiet-until' }, t('notices.quietUntil')), quietUntil);

  async function load() {
    const page = await api.get(`/api/notices?limit=100${onlyUnread.checked ? '&unread=true' : ''}`);
    keyed(list, page.items, n => n.id, item, n => `${n.id}|${n.readAt}|${n.acknowledgedAt}`);
    empty.hidden = page.items.length > 0;
    setUnread(page.unread);
  }

  function item(n) {
    const kind = kinds.get(n.kind);
    const link = n.meetingId ? `#/meeting/${n.meetingId}` : n.projectId ? `#/project/${n.projectId}` : null;
    const facts = [
      n.departmentName, n.dueOn ? `${t('table.due')} ${date(n.dueOn)}` : null,
      n.respondBy ? t('notices.respondBy', { date: n.respondBy }) : null,
      n.deficiencyDueOn ? `${t('action.deadline')} ${n.deficiencyDueOn}` : null,
      n.planBy ? t('notices.planBy', { date: n.planBy }) : null,
      n.startsAt ? time(n.startsAt) : null, n.decidedIn ? t('notices.decidedIn', { meeting: n.decidedIn }) : null,
    ].filter(Boolean);
    const read = h('button', { type: 'button', class: 'secondary small', dataset: { read: n.id }, hidden: !!n.readAt,
      onclick: () => busy(read, async () => { setUnread((await api.post('/api/notices/read', { ids: [n.id] })).unread); await load(); }) },
    t('notices.markRead'));
    // 签收: a 督办, its escalation and an invitation ask their person to acknowledge them (the server says which)
    const acknowledge = n.asksReceipt && !n.acknowledgedAt ? h('button', { type: 'button', class: 'small', dataset: { acknowledge: n.id },
      onclick: () => busy(acknowledge, async () => { await api.post(`/api/notices/${n.id}/acknowledge`); await load(); }) }, t('receipt.acknowledge')) : null;
    const acknowledged = n.acknowledgedAt ? h('span', { class: 'badge receipt-done', dataset: { acknowledged: n.id } },
      t('receipt.acknowledgedAt', { time: time(n.acknowledgedAt) })) : null;
    return h('li', { class: `notice kind-${n.kind} ${n.readAt ? 'read' : 'unread'}`, dataset: { notice: n.id, kind: n.kind } },
      h('div', { class: 'notice-head' }, h('span', { class: `badge notice-kind kind-${n.kind}` }, kind ? name(kind) : n.kind),
        ' ', h('span', { class: 'muted small' }, time(n.at))),
      h('div', { class: 'notice-subject' }, link ? h('a', { href: link }, n.subject) : n.subject,
        n.projectName && !n.meetingId ? h('span', { class: 'muted' }, ` · ${n.projectName}`) : null),
      facts.length ? h('div', { class: 'muted small' }, facts.join(' · ')) : null,
      acknowledge, acknowledged, ' ', read);
  }

  async function settings() {
    const current = await api.get('/api/notices/settings');
    const save = async () => {
      const muted = [...settingsBox.querySelectorAll('input[name=muted]:checked')].map(i => i.value);
      // a channel's boxes say what does come that way: the kinds left unticked are the ones turned off
      const off = (box, name) => [...box.querySelectorAll(`input[name=${name}]:not(:checked)`)].map(i => i.value);
      try {
        const quiet = quietFrom.value && quietUntil.value ? { quietFrom: quietFrom.value, quietUntil: quietUntil.value } : {};
        await api.put('/api/notices/settings', { muted, notByEmail: off(emailBox, 'byEmail'), notBySms: off(smsBox, 'bySms'), ...quiet,
          digest: digest.checked });
        banner(t('common.saved'), 'info');
      } catch (e) { banner(explain(e)); }
    };
    const boxes = (keys, field, checked) => keys.map(key => kinds.get(key)).filter(Boolean).map(k => {
      const box = h('input', { type: 'checkbox', name: field, value: k.key, checked: checked(k.key) });
      box.addEventListener('change', save);
      return h('label', { class: 'check' }, box, name(k));
    });
    fill(settingsBox, boxes(vocabulary.noticeKinds.map(k => k.key), 'muted', key => current.muted.includes(key)));
    fill(emailBox, boxes(current.byEmail, 'byEmail', key => !current.notByEmail.includes(key)));
    fill(smsBox, boxes(current.bySms, 'bySms', key => !current.notBySms.includes(key)));
    quietFrom.value = current.quietFrom;
    quietUntil.value = current.quietUntil;
    digest.checked = current.digest;
    digest.onchange = save;
    quietFrom.onchange = save;
    quietUntil.onchange = save;
  }

  readAll.addEventListener('click', () => busy(readAll, async () => { setUnread((await api.post('/api/notices/read', { all: true })).unread); await load(); }));
  onlyUnread.addEventListener('change', load);
  fill(root, h('h1', {}, t('notices.title')),
    h('div', { class: 'row' }, h('label', { class: 'check', for: 'notice-unread' }, onlyUnread, t('notices.onlyUnread')), readAll),
    h('section', { class: 'card' }, empty, list),
    section('notices.mute', h('p', { class: 'muted' }, t('notices.muteHint')), settingsBox),
    section('notices.channels', h('p', { class: 'muted' }, t('notices.channelsHint')),
      h('h3', {}, t('notices.byEmail')), emailBox,
      h('h3', {}, t('notices.digestTitle')), h('p', { class: 'muted' }, t('notices.digestHint')),
      h('div', { class: 'roles' }, h('label', { class: 'check', for: 'notice-digest' }, digest, t('notices.digest'))), h('h3', {}, t('notices.bySms')), smsBox,
      h('h3', {}, t('notices.quiet')), h('p', { class: 'muted' }, t('notices.quietHint')), quietBox));
  await Promise.all([load(), settings()]);
  return follow(`user:${user.id}`, debounce(m => { if (!m.type || m.type === 'notice.created' || m.type === 'resync') load().catch(e => console.warn(e)); }, 200));
}
