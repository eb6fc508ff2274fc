// 外发 (admins): what Liandong sent beyond the app by e-mail, SMS and group robots, and what it
// could not (投递失败: why, in the reader's language, and what the other side said), each failed one
// sent again with a button; and each department's group robots, added and removed here. The
// outbox's rules (retries, who may see it) are the server's; the page only shows and asks.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { h, fill, keyed, section, table, labelled, time, field, busy, banner, explain, showErrors, clearErrors, picker, picked } from '../ui.js';
import { meta, name } from '../meta.js';
import { departmentGroups } from '../forms.js';

const HEAD = ['outbox.when', 'outbox.kind', 'outbox.channel', 'outbox.to', 'outbox.status', 'outbox.reason', 'table.actions'];
const PLATFORMS = ['wecom', 'dingtalk', 'feishu', 'generic'];

export async function render(root) {
  const vocabulary = await meta();
  const kinds = new Map(vocabulary.noticeKinds.map(k => [k.key, k]));
  const departments = await api.get('/api/departments');

  const status = h('select', { id: 'outbox-status', name: 'status' },
    ['failed', 'pending', 'sent', ''].map(s => h('option', { value: s }, t(`outbox.show.${s || 'all'}`))));
  const counts = h('p', { id: 'outbox-counts', role: 'status' });
  const rows = h('tbody', { id: 'delivery-rows' });
  const empty = h('p', { class: 'muted', id: 'outbox-empty', hidden: true }, t('outbox.empty'));
  const refresh = h('button', { type: 'button', class: 'secondary', id: 'outbox-refresh' }, t('outbox.refresh'));

  async function load() {
    const page = await api.get(`/api/deliveries?limit=200${status.value ? `&status=${status.value}` : ''}`);
    counts.textContent = t('outbox.counts', page.counts);
    keyed(rows, page.items, d => d.id, d => labelled(deliveryRow(d), HEAD), d => `${d.status}|${d.attempts}|${d.nextAt}`);
    empty.hidden = page.items.length > 0;
  }

  function deliveryRow(d) {
    const kind = kinds.get(d.kind);
    const when = d.status === 'failed' ? d.failedAt : d.status === 'sent' ? d.sentAt : d.nextAt;
    const retry = d.status === 'failed' ? h('button', { type: 'button', class: 'small', dataset: { retry: d.id } }, t('outbox.retry')) : null;
    retry?.addEventListener('click', () => busy(retry, async () => {
      try {
        await api.post(`/api/deliveries/${encodeURIComponent(d.id)}/retry`);
        banner(t('outbox.retried', { to: d.displayName || d.to || '—' }), 'info');
      } catch (e) { banner(explain(e)); }
      await load();
    }));
    return h('tr', { dataset: { delivery: d.id, status: d.status } },
      h('td', {}, time(when || d.createdAt), d.status === 'pending' ? h('div', { class: 'muted small' }, t('outbox.next')) : null),
      h('td', {}, kind ? name(kind) : t(`outbox.kind.${d.kind}`), d.subject ? h('div', { class: 'muted small' }, d.subject) : null),
      h('td', {}, t(`receipt.channel.${d.channel}`)),
      h('td', {}, d.displayName || '—', d.to ? h('div', { class: 'muted small' }, d.to) : null),
      h('td', {}, h('span', { class: `badge delivery-${d.status}` }, t(`outbox.status.${d.status}`)),
        h('div', { class: 'muted small' }, t('outbox.attempts', { n: d.attempts }))),
      h('td', { class: 'reason' }, d.reason ? t(`reach.reason.${d.reason}`) : '—', d.error ? h('div', { class: 'muted small detail' }, d.error) : null),
      h('td', {}, retry));
  }

  status.addEventListener('change', () => load().catch(e => banner(explain(e))));
  refresh.addEventListener('click', () => busy(refresh, load));

  const robots = groupRobots(departments, vocabulary);
  fill(root, h('h1', {}, t('outbox.title')),
    section('outbox.deliveries', h('p', { class: 'muted' }, t('outbox.hint')),
      h('div', { class: 'row' }, h('label', { for: 'outbox-status' }, t('outbox.showing')), status, refresh), counts, empty,
      h('div', { class: 'scroll' }, table(HEAD, [], { id: 'deliveries' }))),
    robots.element);
  document.getElementById('deliveries').tBodies[0].replaceWith(rows);
  await Promise.all([load(), robots.load()]);
}

/** A department's group robots: listed (their tokens and secrets never shown again), added, removed. */
function groupRobots(departments, vocabulary) {
  const head = ['outbox.robotName', 'outbox.platform', 'outbox.url', 'outbox.signed', 'table.actions'];
  const department = picker('departmentId', departmentGroups(departments, vocabulary),
    { id: 'robot-department', placeholderKey: 'common.choose', labelKey: 'table.department' });
  const list = h('tbody', { id: 'robot-rows' });
  const none = h('p', { class: 'muted', id: 'robot-empty', hidden: true }, t('outbox.noRobots'));
  const platform = h('select', { name: 'platform', id: 'robot-platform' }, PLATFORMS.map(p => h('option', { value: p }, t(`outbox.platform.${p}`))));
  const robotName = h('input', { type: 'text', name: 'name', id: 'robot-name', maxlength: 100 });
  const url = h('input', { type: 'url', name: 'url', id: 'robot-url', maxlength: 2000, placeholder: 'https://' });
  const secret = h('input', { type: 'password', name: 'secret', id: 'robot-secret', maxlength: 200, autocomplete: 'off' });
  const add = h('button', { type: 'submit', id: 'robot-add' }, t('outbox.addRobot'));
  const form = h('form', { class: 'grid-form', id: 'robot-form', novalidate: true },
    field('outbox.platform', platform), field('outbox.robotName', robotName), field('outbox.url', url, 'outbox.urlHint'),
    field('outbox.secret', secret, 'outbox.secretHint'), h('div', { class: 'row wide' }, add));
  const listed = h('div', { class: 'scroll', hidden: true }, table(head, [], { id: 'robots' }));
  const adding = h('div', { id: 'robot-adding', hidden: true }, h('h3', {}, t('outbox.addRobot')), form);

  const chosen = () => picked(department)[0];
  async function load() {
    const id = chosen();
    adding.hidden = !id;
    listed.hidden = !id;
    if (!id) { list.replaceChildren(); none.hidden = true; return; }
    const found = await api.get(`/api/departments/${encodeURIComponent(id)}/robots`);
    keyed(list, found, r => r.id, r => labelled(robotRow(r), head), r => r.id);
    none.hidden = found.length > 0;
    listed.hidden = found.length === 0;
  }
  function robotRow(r) {
    const remove = h('button', { type: 'button', class: 'secondary small', dataset: { removeRobot: r.id } }, t('outbox.removeRobot'));
    remove.addEventListener('click', () => busy(remove, async () => {
      if (!confirm(t('outbox.removeAsk', { name: r.name }))) return;
      try { await api.del(`/api/departments/${encodeURIComponent(chosen())}/robots/${encodeURIComponent(r.id)}`); } catch (e) { banner(explain(e)); }
      await load();
    }));
    return h('tr', { dataset: { robot: r.id } }, h('td', {}, r.name), h('td', {}, t(`outbox.platform.${r.platform}`)),
      h('td', { class: 'detail' }, r.url), h('td', {}, t(r.signed ? 'common.yes' : 'common.no')), h('td', {}, remove));
  }
  department.addEventListener('change', () => load().catch(e => banner(explain(e))));
  form.addEventListener('submit', e => {
    e.preventDefault();
    clearErrors(form);
    const body = { platform: platform.value, name: robotName.value.trim(), url: url.value.trim() };
    if (secret.value) body.secret = secret.value;
    busy(add, async () => {
      try {
        await api.post(`/api/departments/${encodeURIComponent(chosen())}/robots`, body);
        robotName.value = ''; url.value = ''; secret.value = '';
        banner(t('common.saved'), 'info');
        await load();
      } catch (err) { showErrors(form, err); }
    });
  });
  const element = section('outbox.robots', h('p', { class: 'muted' }, t('outbox.robotsHint')), field('table.department', department),
    none, listed, adding);
  element.querySelector('#robots').tBodies[0].replaceWith(list);
  return { element, load };
}
