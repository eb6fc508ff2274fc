import { api } from '../api.js';
import { t, blockedReason } from '../i18n.js';
import { h, statusBadge, date, time, toInstant, banner, explain, section, fill, keyed, settle, busy, countdown, field, showErrors, nextDay, tomorrow } from '../ui.js';
import { follow, debounce } from '../live.js';
import { meta } from '../meta.js';
import { asOf, asOfControl, at, rerender } from '../asof.js';

/** 部门交办: what a department owes, most urgent first, moved through the workflow in place. */
export async function render(root, { user, params }) {
  const vocabulary = await meta();
  // what this person may do is the server's to say (user.may, and each obligation's actions)
  const office = !!user.may?.DISPATCH;
  const departments = await api.get('/api/departments');
  let departmentId = params[0] || user.departmentId || departments.find(d => d.open > 0)?.id;
  let showDone = false;
  const conflicts = new Map();
  const rowsEl = h('tbody');
  const emptyEl = h('p', { class: 'muted' }, t('inbox.empty'));
  const tableEl = h('table', { class: 'grid stack' }, h('thead', {}, h('tr', {},
    ['table.title', 'table.project', 'table.status', 'table.due', 'table.actions'].map(k => h('th', { scope: 'col' }, t(k))))), rowsEl);
  const listEl = h('div', { id: 'inbox-list' }, emptyEl, tableEl);
  let stop = () => {};

  // rows are patched by key: a row someone is typing in keeps its form when its obligation or
  // another row changes (see ui.keyed)
  let items = [];
  // the 督办 waiting for this department's answer, by obligation
  let supervisions = new Map();
  function show(list) {
    items = list;
    keyed(rowsEl, items, o => o.id, row,
      o => `${o.version}|${conflicts.has(o.id)}|${o.overdue}|${o.deficiencyExpired}|${supervisions.get(o.id)?.status}|${o.pendingExtension?.id}`);
    emptyEl.hidden = items.length > 0;
    tableEl.hidden = items.length === 0;
  }
  async function load() {
    const statuses = showDone ? '' : '&status=dispatched,accepted,in_progress,deficient,blocked';
    const [page, waiting] = await Promise.all([
      api.get(at(`/api/obligations?department=${encodeURIComponent(departmentId)}${statuses}&limit=200`)),
      // looking back, the list is history (the server offers no actions on it) and no 督办 is answered there
      asOf() ? [] : api.get(`/api/supervisions?department=${encodeURIComponent(departmentId)}&open=true&limit=200`)]);
    supervisions = new Map(waiting.map(s => [s.obligationId, s]));
    show(page.items);
  }

  /**
   * A live change to an obligation already in the list: one fetch of that obligation (its
   * actions are the server's to say), patched in its place; a row that leaves the list goes.
   * What is new to the list, or a resync, takes the whole list again: its order is the server's.
   */
  async function patchOne(id) {
    if (!items.some(o => o.id === id) || asOf()) return load();
    try {
      put(await api.get(`/api/obligations/${encodeURIComponent(id)}`));
    } catch (e) {
      if (e.status === 404) show(items.filter(x => x.id !== id)); else throw e;
    }
  }
  /** An obligation in its place in the list, or gone from it when it no longer belongs there. */
  function put(o) {
    const stays = o.departmentId === departmentId && (showDone || o.status !== 'done');
    show(stays ? items.map(x => x.id === o.id ? o : x) : items.filter(x => x.id !== o.id));
  }
  // One click, one request: a write answers the obligation as this person sees it (its actions
  // included), the row is patched from that answer, and the same change coming back over the
  // socket (before or after the answer) is known by its version and not fetched again.
  const written = new Map();
  const inflight = new Map();
  async function writing(id, request) {
    inflight.set(id, request);
    try { return await request; } finally { if (inflight.get(id) === request) inflight.delete(id); }
  }
  function wrote(o) {
    written.set(o.id, o.version);
    conflicts.delete(o.id);
    put(o);
  }
  // the obligations changed over the socket, each with the newest version heard (Infinity: unknown)
  const changed = new Map();
  let whole = false;
  const flush = debounce(async () => {
    const batch = [...changed];
    changed.clear();
    try {
      if (whole) { whole = false; await load(); return; }
      for (const [id, version] of batch) {
        await inflight.get(id)?.catch(() => {});
        if (written.get(id) >= version) continue;
        await patchOne(id);
      }
    } catch (e) { console.warn(e); }
  }, 200);
  const reload = message => {
    const id = message?.data?.entity === 'Obligation' ? message.data.entityId : null;
    // a 督办 opened, answered or escalated changes what the card shows beside the obligation: the list again
    const chased = message?.type === 'obligation.supervised' || message?.type?.startsWith('supervision.');
    const version = message?.data?.after?.version ?? Infinity;
    if (!id || chased || message.type === 'obligation.created') whole = true;
    else changed.set(id, Math.max(changed.get(id) ?? -Infinity, version));
    flush();
  };

  function row(o) {
    const conflict = conflicts.get(o.id);
    // what this person may do is the server's to say (o.actions), never worked out here
    const mine = o.actions && o.actions.moves.length > 0;
    return h('tr', { class: o.overdue ? 'overdue' : '', dataset: { obligation: o.id, status: o.status, version: o.version } },
      h('td', {}, o.title, o.assisted ? h('span', { class: 'badge' }, t('need.assisted')) : null,
        o.kind === 'need' ? h('div', { class: 'muted' }, `${t('need.stage')}: ${t(`needStage.${o.needStage}`)}`) : null,
        o.blockedReason ? h('div', { class: 'muted' }, `${t('action.reason')}: ${blockedReason(o)}`) : null,
        o.missingDocuments?.length && (o.status === 'deficient' || o.deficiencyExpired) ? checklist(o) : null,
        o.note ? h('div', { class: 'muted' }, `${t('inbox.note')}: ${o.note}`) : null,
        supervisions.has(o.id) ? supervision(supervisions.get(o.id), mine) : null,
        o.pendingExtension ? h('div', { class: 'muted request-note', dataset: { pending: o.pendingExtension.id } },
          t('extension.pending', { date: o.pendingExtension.requestedDueOn }), ' · ', o.pendingExtension.reason) : null,
        o.returnReason ? h('div', { class: 'request-note returned' }, t('extension.returned'), ' · ', o.returnReason) : null,
        conflict ? h('div', { class: 'conflict', role: 'alert' }, t('conflict.title'),
          h('div', {}, `${t('table.status')}: ${t(`status.${o.status}`)} · ${t('inbox.version')} ${o.version}`
            + (o.note ? ` · ${t('inbox.note')}: ${o.note}` : ''))) : null),
      h('td', { dataset: { label: t('table.project') } }, h('a', { href: `#/project/${o.projectId}` }, o.projectName)),
      h('td', { dataset: { label: t('table.status') } }, statusBadge(o.status), o.deficiencyDueOn && o.status === 'deficient'
        ? h('div', { class: o.deficiencyExpired ? 'error' : 'muted' }, `${t('action.deadline')} ${o.deficiencyDueOn}`) : null),
      h('td', { class: o.overdue ? 'error' : '', dataset: { label: t('table.due') } }, date(o.dueOn), o.status === 'done' ? null : [' ', countdown(o.dueOn, o.overdue)]),
      h('td', { class: 'actions-cell' }, mine ? actions(o) : null, o.actions?.feedback ? feedback(o) : null,
        o.actions?.correctDoneAt ? correctDoneAt(o) : null));
  }

  /** 更正办结（发证）时间: when it was really done, with the reason; the history keeps both times. */
  function correctDoneAt(o) {
    const when = h('input', { type: 'datetime-local', name: 'doneAt', required: true, 'aria-label': t('doneAt.when'),
      value: o.doneAt ? time(o.doneAt).replace(' ', 'T') : '' });
    const reason = h('input', { type: 'text', name: 'reason', required: true, maxlength: 2000, 'aria-label': t('doneAt.reason'),
      placeholder: t('doneAt.reason') });
    const form = h('form', { class: 'inline', hidden: true, dataset: { form: 'correctDoneAt' } }, when, reason,
      h('button', { type: 'submit' }, t('action.save')));
    form.addEventListener('submit', async e => {
      e.preventDefault();
      try {
        const answer = await writing(o.id, api.post(`/api/obligations/${o.id}/done-at`, { version: o.version, doneAt: toInstant(when.value), reason: reason.value }));
        settle(rowOf(o));
        wrote(answer);
        banner(t('common.saved'), 'info');
      } catch (err) {
        if (err.status === 409) conflicts.set(o.id, err.body?.current);
        banner(explain(err));
        settle(rowOf(o));
        await load();
      }
    });
    return h('div', { class: 'done-at' }, h('span', { class: 'muted' }, `${t('doneAt.title')}: ${time(o.doneAt)}`), ' ',
      h('button', { type: 'button', class: 'secondary', dataset: { action: 'correctDoneAt' },
        onclick: () => { form.hidden = !form.hidden; if (!form.hidden) when.focus(); } }, t('doneAt.correct')), form);
  }

  function actions(o) {
    const box = h('div', { class: 'actions' });
    // a refusal of what a form sent is shown beside its fields, the form left open to correct
    const move = (status, extra = {}, form = null) => async () => {
      try {
        const answer = await writing(o.id, api.patch(`/api/obligations/${o.id}`, { version: o.version, status, ...extra }));
        settle(rowOf(o));
        wrote(answer);
      } catch (e) {
        if (form && (e.status === 400 || e.status === 422)) { showErrors(form, e); return; }
        if (e.status === 409) conflicts.set(o.id, e.body.current);
        else banner(explain(e));
        settle(rowOf(o));
        await load();
      }
    };
    // each move the server allows, named as the person would say it
    const name = to => ({ accepted: o.status === 'blocked' ? 'unblock' : 'accept', in_progress: o.status === 'done' ? 'reopen' : 'start',
      done: 'done', deficient: 'deficient', blocked: 'blocked', dispatched: 'redispatch' })[to];
    // forward first, then the detours; which ones there are is the server's to say
    const order = ['accepted', 'in_progress', 'done', 'deficient', 'blocked', 'dispatched'];
    for (const to of [...o.actions.moves].sort((a, b) => order.indexOf(a) - order.indexOf(b))) {
      const action = name(to);
      if (to === 'deficient') box.append(deficiencyForm(o, move));
      else if (to === 'blocked') box.append(withInput(action, 'text', 'action.reason', v => move('blocked', { blockedReason: v })()));
      else {
        box.append(h('button', { type: 'button', class: action === 'done' || action === 'accept' ? '' : 'secondary',
          dataset: { action }, onclick: e => busy(e.currentTarget, move(to)) }, t(`action.${action}`)));
      }
    }
    // a request answers its own thing (an extension request), a 退回 the obligation: the list again only for the former
    const ask = (call, answersObligation = false, form = null) => async () => {
      try {
        const answer = await writing(o.id, call());
        settle(rowOf(o));
        if (answersObligation) wrote(answer); else await load();
      } catch (e) {
        if (form && (e.status === 400 || e.status === 422)) { showErrors(form, e); return; }
        if (e.status === 409) conflicts.set(o.id, e.body?.current);
        banner(explain(e));
        settle(rowOf(o));
        await load();
      }
    };
    // 延期申请 and 退回: asked of the service office, when the server says this person may
    if (o.actions.extend) box.append(extensionForm(o, ask));
    if (o.actions.sendBack) box.append(withInput('sendBack', 'text', 'extension.reason',
      v => ask(() => api.post(`/api/obligations/${o.id}/return`, { version: o.version, reason: v }), true)()));
    return box;
  }

  /** 容缺受理: the deadline and the 补正材料清单, one document a line (a list there already is kept). */
  function deficiencyForm(o, move) {
    const due = h('input', { type: 'date', name: 'deficiencyDueOn', required: true, min: tomorrow(), 'aria-label': t('action.deadline') });
    const docs = h('textarea', { name: 'missingDocuments', rows: 3, required: true, 'aria-label': t('deficiency.documentsRequired'),
      placeholder: t('deficiency.documentsHint') });
    if (o.missingDocuments?.length) docs.value = o.missingDocuments.join('\n');
    const form = h('form', { class: 'inline', hidden: true, novalidate: true, dataset: { form: 'deficient' } },
      h('label', { class: 'muted small' }, t('action.deadline')), due, errorSlot('deficiencyDueOn'),
      h('label', { class: 'muted small' }, t('deficiency.documentsRequired')), docs, errorSlot('missingDocuments'),
      h('button', { type: 'submit' }, t('action.save')));
    form.addEventListener('submit', e => {
      e.preventDefault();
      const list = [...new Set(docs.value.split('\n').map(x => x.trim()).filter(Boolean))];
      // what is missing is the server's to say, beside the field
      move('deficient', { deficiencyDueOn: due.value || null, missingDocuments: list }, form)();
    });
    const open = h('button', { type: 'button', class: 'secondary', dataset: { action: 'deficient' },
      onclick: () => { form.hidden = !form.hidden; if (!form.hidden) due.focus(); } }, t('action.deficient'));
    return h('span', {}, open, form);
  }

  /** The 补正材料清单 of a 容缺: ticked as each document comes, at the version the card shows. */
  function checklist(o) {
    const received = new Set(o.documentsReceived || []);
    return h('ul', { class: 'checklist', dataset: { checklist: o.id } }, o.missingDocuments.map(doc => {
      const box = h('input', { type: 'checkbox', checked: received.has(doc), disabled: !o.actions?.documents, dataset: { document: doc } });
      box.addEventListener('change', async () => {
        const next = o.missingDocuments.filter(d => d === doc ? box.checked : received.has(d));
        box.disabled = true;
        try { wrote(await writing(o.id, api.patch(`/api/obligations/${o.id}`, { version: o.version, documentsReceived: next }))); }
        catch (e) { if (e.status === 409) conflicts.set(o.id, e.body.current); banner(explain(e)); await load(); }
      });
      return h('li', {}, h('label', { class: 'check' }, box, doc));
    }), h('li', { class: 'muted small' }, t('deficiency.received', { n: received.size, total: o.missingDocuments.length })));
  }

  function extensionForm(o, ask) {
    // the date asked for comes after the present one (the picker starts there; the server decides)
    const dueOn = h('input', { type: 'date', name: 'dueOn', required: true, min: o.dueOn ? nextDay(o.dueOn) : tomorrow(),
      'aria-label': t('extension.dueOn') });
    const reason = h('input', { type: 'text', name: 'reason', required: true, maxlength: 2000, 'aria-label': t('extension.reason'), placeholder: t('extension.reason') });
    const form = h('form', { class: 'inline', hidden: true, novalidate: true, dataset: { form: 'extend' } },
      h('label', { class: 'muted small' }, t('extension.dueOn')), dueOn, errorSlot('dueOn'), reason, errorSlot('reason'),
      h('button', { type: 'submit' }, t('extension.send')));
    form.addEventListener('submit', e => {
      e.preventDefault();
      ask(() => api.post(`/api/obligations/${o.id}/extensions`, { dueOn: dueOn.value || null, reason: reason.value.trim() }), false, form)();
    });
    const open = h('button', { type: 'button', class: 'secondary', dataset: { action: 'extend' },
      onclick: () => { form.hidden = !form.hidden; if (!form.hidden) dueOn.focus(); } }, t('action.extend'));
    return h('span', {}, open, form);
  }

  function errorSlot(name) { return h('span', { class: 'field-error error', role: 'alert', dataset: { errorFor: name } }); }

  function withInput(action, type, labelKey, submit) {
    const input = h('input', { type, required: true, 'aria-label': t(labelKey), placeholder: t(labelKey) });
    const form = h('form', { class: 'inline', hidden: true, dataset: { form: action } }, input,
      h('button', { type: 'submit' }, t('action.save')));
    form.addEventListener('submit', e => { e.preventDefault(); if (input.value) submit(input.value); });
    const open = h('button', { type: 'button', class: 'secondary', dataset: { action },
      onclick: () => { form.hidden = !form.hidden; if (!form.hidden) input.focus(); } }, t(`action.${action}`));
    return h('span', {}, open, form);
  }

  /** A 督办 on this obligation: its deadline and, for whoever works it, the answer (a plan and the day it will be done by). */
  function supervision(s, mine) {
    const plan = h('textarea', { name: 'plan', rows: 2, required: true, maxlength: 2000, 'aria-label': t('supervision.plan'), placeholder: t('supervision.plan') });
    const planBy = h('input', { type: 'date', name: 'planBy', required: true, 'aria-label': t('supervision.planBy') });
    const send = h('button', { type: 'submit' }, t('supervision.answer'));
    const form = h('form', { class: 'supervision-form', dataset: { supervision: s.id } },
      field('supervision.plan', plan), field('supervision.planBy', planBy), send);
    form.addEventListener('submit', async e => {
      e.preventDefault();
      try {
        await busy(send, () => api.post(`/api/supervisions/${s.id}/answer`, { plan: plan.value, planBy: planBy.value }));
        settle(form.closest('tr'));
        banner(t('supervision.answered'), 'info');
        await load();
      } catch (err) { showErrors(form, err); }
    });
    return h('div', { class: `supervision level-${s.level}`, role: 'note' },
      h('strong', {}, t(s.status === 'escalated' ? 'supervision.escalated' : 'supervision.title')), ' ',
      t('supervision.respondBy', { date: s.respondBy }), mine ? form : null, user.may?.RECEIPTS ? receipts(s) : null);
  }

  /** 签收情况: who was told of the 督办, and when each received, opened and acknowledged it (the office and leaders). */
  function receipts(s) {
    const body = h('div', { class: 'receipts', dataset: { receiptsFor: s.id } }, h('p', { class: 'muted' }, t('common.loading')));
    const box = h('details', { class: 'receipts-box' }, h('summary', {}, t('receipt.office')), body);
    box.addEventListener('toggle', async () => {
      if (!box.open) return;
      try {
        const rows = await api.get(`/api/supervisions/${s.id}/receipts`);
        const when = (at, via) => at ? `${time(at)}${via ? t(`receipt.via.${via}`) : ''}` : '—';
        fill(body, h('table', { class: 'grid stack compact' },
          h('thead', {}, h('tr', {}, ['receipt.col.person', 'receipt.col.received', 'receipt.col.opened', 'receipt.col.acknowledged']
            .map(k => h('th', { scope: 'col' }, t(k))))),
          h('tbody', {}, rows.map(r => h('tr', { dataset: { receipt: r.userId, acknowledged: String(!!r.acknowledgedAt) } },
            h('td', {}, r.displayName, r.departmentName ? h('span', { class: 'muted small' }, ` · ${r.departmentName}`) : null,
              r.kind === 'supervisionEscalated' ? h('span', { class: 'muted small' }, ` · ${t('notice.kind.supervisionEscalated')}`) : null),
            h('td', { dataset: { label: t('receipt.col.received') } }, r.receivedAt ? `${time(r.receivedAt)}${t('receipt.by', { channels: r.channels.map(c => t(`receipt.channel.${c}`)).join('/') })}` : t('receipt.inApp')),
            h('td', { dataset: { label: t('receipt.col.opened') } }, when(r.openedAt)),
            h('td', { dataset: { label: t('receipt.col.acknowledged') } }, when(r.acknowledgedAt, r.acknowledgedVia)))))));
      } catch (err) { fill(body, h('p', { class: 'error' }, explain(err))); }
    });
    return box;
  }

  function feedback(o) {
    const text = h('input', { type: 'text', value: o.feedback || '', 'aria-label': t('need.feedback'), placeholder: t('need.feedback') });
    const score = h('input', { type: 'number', min: 1, max: 5, value: o.evaluation || '', 'aria-label': t('need.evaluation'), style: 'width:4rem' });
    const form = h('form', { class: 'inline' }, text, score, h('button', { type: 'submit' }, t('action.save')));
    form.addEventListener('submit', async e => {
      e.preventDefault();
      try {
        const answer = await writing(o.id, api.patch(`/api/obligations/${o.id}`, { version: o.version, feedback: text.value || null,
          evaluation: score.value ? Number(score.value) : null }));
        settle(rowOf(o));
        wrote(answer);
      } catch (err) { banner(explain(err)); settle(rowOf(o)); await load(); }
    });
    return form;
  }

  const rowOf = o => rowsEl.querySelector(`tr[data-key="${CSS.escape(o.id)}"]`);

  function needForm() {
    const projects = h('select', { 'aria-label': t('table.project'), required: true });
    api.get('/api/projects').then(list => list.forEach(p => projects.append(h('option', { value: p.id }, p.name))));
    const dept = h('select', { 'aria-label': t('table.department') }, departments.map(d => h('option', { value: d.id }, d.name)));
    dept.value = departmentId;
    const title = h('input', { type: 'text', required: true, placeholder: t('need.title'), 'aria-label': t('need.title'), size: 30 });
    const source = h('select', { 'aria-label': t('need.source') }, vocabulary.needSources.map(s => h('option', { value: s.key }, t(`need.${s.key}`))));
    const due = h('input', { type: 'date', required: true, 'aria-label': t('table.due') });
    const assisted = h('input', { type: 'checkbox', id: 'need-assisted' });
    const form = h('form', { class: 'inline', id: 'need-form' }, projects, dept, title, source, due,
      h('label', { for: 'need-assisted' }, assisted, t('need.assisted')), h('button', { type: 'submit' }, t('need.submit')));
    form.addEventListener('submit', async e => {
      e.preventDefault();
      try {
        await api.post('/api/obligations', { projectId: projects.value, departmentId: dept.value, title: title.value,
          kind: 'need', needSource: source.value, dueOn: due.value, assisted: assisted.checked },
          { 'Idempotency-Key': crypto.randomUUID() });
        title.value = '';
        await load();
      } catch (err) { banner(explain(err)); }
    });
    return section('need.record', form);
  }

  const picker = h('select', { id: 'inbox-department', 'aria-label': t('inbox.department') },
    departments.map(d => h('option', { value: d.id }, d.name)));
  picker.value = departmentId;
  picker.addEventListener('change', () => { location.hash = `#/inbox/${picker.value}`; });
  const done = h('input', { type: 'checkbox', id: 'show-done' });
  done.addEventListener('change', () => { showDone = done.checked; load(); });
  fill(root, h('h1', {}, t('inbox.title')),
    h('div', { class: 'row' }, picker, h('label', { for: 'show-done' }, done, t('inbox.showDone'))),
    h('div', { class: 'period-bar' }, asOfControl(rerender)),
    office && !asOf() ? needForm() : null,
    h('section', { class: 'card' }, listEl));
  await load();
  if (departmentId) stop = follow(`department:${departmentId}`, reload);
  return () => stop();
}
