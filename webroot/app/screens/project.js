import { api } from '../api.js';
import { t, language } from '../i18n.js';
import { h, light, lightWhy, statusBadge, date, yi, table, labelled, section, fill, banner, explain, keyed, time, day, busy, today as todayInZone } from '../ui.js';
import { follow, debounce } from '../live.js';
import { meta } from '../meta.js';
import { projectForm } from '../forms.js';
import { workbench } from './workbench.js';
import { asOf, asOfControl, at, rerender } from '../asof.js';

/**
 * A project: facts, its three parallel tracks as a timeline, obligations, history, people; for
 * the service office, the workbench that builds and edits it. The data regions are drawn anew on
 * every live change; the forms are built once, outside them, and only told that the data moved.
 */
export async function render(root, { user, params }) {
  const id = params[0];
  const vocabulary = await meta();
  const tracks = vocabulary.tracks.map(t => t.key);
  const titleEl = h('h1');
  const columnsEl = h('div', { class: 'columns' });
  const timelineEl = h('div', { class: 'timeline', id: 'timeline' });
  const scheduleEl = h('div');
  const obligationsEl = h('tbody', { id: 'obligation-rows' });
  const editBox = h('div', { id: 'project-edit-box' });
  const archivedEl = h('div', { id: 'project-archived' });
  const impactEl = impactForm();
  let bench = null;
  let current = null;
  const looking = asOf() !== null;

  // what the page last fetched, so a live change fetches only what it touches
  const got = {};
  const FETCH = {
    project: () => api.get(at(`/api/projects/${id}`)),
    obligations: () => api.get(at(`/api/obligations?project=${id}&limit=500`)),
    changes: () => api.get(`/api/projects/${id}/changes?limit=30`),
    permits: () => api.get(`/api/projects/${id}/permits`),
    plan: () => api.get(`/api/projects/${id}/schedule`),
  };

  async function draw(parts = Object.keys(FETCH)) {
    const fetched = await Promise.all(parts.map(k => FETCH[k]()));
    parts.forEach((k, i) => { got[k] = fetched[i]; });
    const { project: p, obligations, changes, permits, plan } = got;
    const critical = new Set(plan.criticalPath);
    const changed = current && current.version !== p.version;
    current = p;
    const manage = user.may?.MANAGE_PROJECTS && !looking;
    fill(titleEl, light(p.light), ' ', p.name, h('span', { class: 'muted' }, ` ${p.code}`), ' ', lightWhy(p),
      manage ? h('button', { type: 'button', class: 'secondary', id: 'project-edit-open', style: 'margin-left:1rem',
        onclick: () => openEdit() }, t('project.edit')) : null,
      manage ? h('button', { type: 'button', class: 'secondary', id: p.archivedAt ? 'project-restore' : 'project-archive', style: 'margin-left:.5rem',
        onclick: e => archive(e.target, !p.archivedAt) }, t(p.archivedAt ? 'project.restore' : 'project.archive')) : null);
    fill(archivedEl, p.archivedAt ? h('p', { class: 'notice', role: 'status' }, t('project.archivedNote', { time: time(p.archivedAt),
      reason: p.archiveReason || '—' })) : null);
    fill(columnsEl, facts(p, permits, plan), history(changes));
    fill(timelineEl, timeline(obligations.items, tracks, critical));
    fill(scheduleEl, scheduleTable(plan));
    keyed(obligationsEl, obligations.items, o => o.id, o => labelled(obligationRow(o), head), o => `${o.version}|${o.overdue}|${o.pendingExtension?.id}`);
    if (changed && editBox.firstChild) editBox.querySelector('.stale-note')?.removeAttribute('hidden');
    impactEl.refresh(obligations.items);
    if (bench) bench.update(p, obligations.items, plan);
  }

  /** 归档 (with a reason, after asking) or back into the lists. */
  async function archive(button, archiving) {
    let reason = null;
    if (archiving) {
      reason = prompt(t('project.archiveAsk', { name: current.name }));
      if (reason === null) return;
    }
    await busy(button, async () => {
      try {
        const body = { version: current.version };
        if (reason?.trim()) body.reason = reason.trim();
        await api.post(`/api/projects/${id}/${archiving ? 'archive' : 'restore'}`, body);
        banner(t(archiving ? 'project.archived' : 'project.restored'), 'info');
      } catch (e) { banner(explain(e)); }
    });
    await draw(['project', 'changes']);
  }

  async function openEdit() {
    const before = current;
    const form = await projectForm(current, async saved => {
      banner(t('common.saved'), 'info');
      editBox.replaceChildren();
      current = saved;
      await draw();
      // a new target start: 倒排序时 is offered on it
      if (bench && saved.targetStartOn && saved.targetStartOn !== before.targetStartOn) bench.offerReplan(saved.targetStartOn);
    });
    editBox.replaceChildren(h('section', { class: 'card' }, h('h2', {}, t('project.edit'),
      h('button', { type: 'button', class: 'link', style: 'float:right', onclick: () => editBox.replaceChildren() }, t('action.cancel'))),
      h('p', { class: 'stale-note muted', hidden: true }, t('common.stale')), form));
    form.querySelector('input')?.focus();
  }

  function obligationRow(o) {
    // looking back is reading history: nothing to edit there
    const dispatch = user.may?.DISPATCH && !looking;
    return h('tr', { class: o.overdue ? 'overdue' : '', dataset: { obligation: o.id, status: o.status } },
      h('td', {}, o.title, h('div', { class: 'muted' }, (o.dependsOn || []).map(d => h('span', { class: 'chip', dataset: { dependsOn: d.id } },
        `← ${d.title}`, dispatch ? h('button', { type: 'button', class: 'link', 'aria-label': t('common.remove'), title: t('common.remove'),
          onclick: () => act(() => api.del(`/api/obligations/${o.id}/dependencies/${d.id}`, o.version)) }, '×') : null))),
        o.returnReason ? h('div', { class: 'request-note returned' }, t('extension.returned'), ' · ', o.returnReason) : null,
        o.pendingExtension && !looking ? extensionDecision(o) : null),
      h('td', {}, t(`track.${o.track}`)), h('td', {}, o.departmentName),
      h('td', {}, statusBadge(o.status)), h('td', { class: o.overdue ? 'error' : '' }, date(o.dueOn)),
      h('td', { class: 'num' }, o.durationDays ?? '—'),
      dispatch ? h('td', {}, h('button', { type: 'button', class: 'secondary', dataset: { edit: o.id },
        onclick: () => bench?.editObligation(o) }, t('common.edit')), ' ',
        h('button', { type: 'button', class: 'secondary', dataset: { remove: o.id },
          onclick: () => confirm(t('common.confirmRemove', { name: o.title }))
            && act(() => api.del(`/api/obligations/${o.id}`, o.version)) }, t('common.remove'))) : null);
  }

  /**
   * A waiting 延期申请: what it asks, and for the office what it would move (the impact of the
   * working days it adds, worked out by the server) before approving or refusing with a reason.
   */
  function extensionDecision(o) {
    const x = o.pendingExtension;
    const box = h('div', { class: 'request-note', dataset: { extension: x.id } },
      t('extension.asked', { who: x.requestedBy, date: x.requestedDueOn, reason: x.reason }));
    if (!o.actions?.decideExtension) return box;
    const out = h('div', { class: 'extension-impact' });
    const open = h('button', { type: 'button', class: 'secondary small', dataset: { decide: x.id }, onclick: () => busy(open, async () => {
      const [request] = await api.get(`/api/extensions?obligation=${encodeURIComponent(o.id)}&status=pending`);
      const impact = await api.post('/api/impact', { obligationId: o.id, days: request.slipWorkdays });
      const refusal = h('input', { type: 'text', name: 'reason', maxlength: 2000, placeholder: t('extension.refusal'), 'aria-label': t('extension.refusal') });
      const approve = h('button', { type: 'button', dataset: { approve: x.id }, onclick: () => busy(approve,
        () => act(() => api.post(`/api/extensions/${x.id}/decision`, { approve: true }))) }, t('extension.approve'));
      const refuse = h('button', { type: 'button', class: 'danger', dataset: { refuse: x.id }, onclick: () => busy(refuse,
        () => act(() => api.post(`/api/extensions/${x.id}/decision`, { approve: false, reason: refusal.value.trim() || undefined }))) },
      t('extension.refuse'));
      fill(out, h('strong', {}, t('extension.impact')),
        h('ul', {}, impact.projects.map(p => h('li', {}, `${p.name}: ${p.projectedStartBefore ?? '—'} → ${p.projectedStartAfter ?? '—'} (+${p.startSlipWorkdays})`)),
          impact.obligations.map(m => h('li', { class: 'muted' }, `${m.title} — ${m.departmentName} +${m.workdays}`))),
        h('div', { class: 'row' }, approve, refusal, refuse));
    }) }, t('extension.decide'));
    box.append(' ', open, out);
    return box;
  }

  async function act(call) {
    try { await call(); } catch (e) { banner(explain(e)); }
    await draw();
  }

  const head = ['table.title', 'project.timeline', 'table.department', 'table.status', 'table.due', 'work.duration'];
  if (user.may?.DISPATCH && !looking) {
    head.push('table.actions');
    bench = await workbench(id, vocabulary, draw);
  }
  fill(root, h('div', { class: 'period-bar' }, asOfControl(rerender),
    looking ? h('span', { class: 'muted', id: 'asof-project-note' }, t('asof.projectNote')) : null), titleEl, archivedEl, editBox, columnsEl,
    section('project.timeline', timelineEl),
    bench ? bench.element : null,
    section('schedule.title', looking ? null : h('p', {}, h('a', { href: `/api/exports/projects/${id}/schedule${language() === 'en' ? '?lang=en' : ''}`,
      id: 'schedule-xlsx', download: '' }, t('exports.schedule'))), scheduleEl),
    section('impact.title', impactEl),
    section('project.obligations', h('div', { class: 'scroll' }, h('table', { class: 'grid stack', id: 'obligations' },
      h('thead', {}, h('tr', {}, head.map(k => h('th', { scope: 'col' }, t(k))))), obligationsEl))));
  await draw();
  /**
   * A live change: the history takes the event itself; a change to the project fetches the
   * project; a change to one of its obligations fetches the obligations and what is worked out
   * from them (the light, the permits, 倒排序时). A resync fetches everything.
   */
  const wanted = new Set();
  const redraw = debounce(() => { const parts = [...wanted]; wanted.clear(); draw(parts).catch(e => console.warn(e)); }, 250);
  // while the five permits are being issued their clock runs: the server's figures again each minute
  const tick = setInterval(() => { if (got.permits?.running) { wanted.add('permits'); redraw(); } }, 60000);
  const stop = follow(`project:${id}`, message => {
    if (message.type === 'resync' || !message.data) Object.keys(FETCH).forEach(k => wanted.add(k));
    else {
      // the event names who made the change as people know them (actorName), as the history does
      got.changes = [{ ...message.data, type: message.type, at: message.at, actor: message.actor, actorName: message.actorName }, ...got.changes].slice(0, 30);
      wanted.add('project');
      if (message.data.entity === 'Obligation') ['obligations', 'permits', 'plan'].forEach(k => wanted.add(k));
    }
    redraw();
  });
  return () => { clearInterval(tick); stop(); };
}

function facts(p, permits, plan) {
  const row = (key, value) => h('tr', {}, h('th', { scope: 'row' }, t(key)), h('td', {}, value ?? '—'));
  return section('project.facts', h('table', { class: 'grid', id: 'project-facts' }, h('tbody', {},
    row('project.company', p.company), row('table.level', t(`level.${p.level}`)), row('table.stage', t(`stage.${p.stage}`)),
    row('table.investment', yi(p.investmentYi)), row('project.land', yi(p.landMu)),
    row('project.signedOn', date(p.signedOn)), row('project.targetStartOn', date(p.targetStartOn)),
    row('project.targetCompleteOn', date(p.targetCompleteOn)), row('project.startedOn', date(p.startedOn)),
    row('table.champions', p.champions.map(c => c.displayName).join(t('common.listSeparator'))),
    row('project.liaison', p.liaison?.displayName),
    plan.projectedStartOn ? row('schedule.projected', `${plan.projectedStartOn} · ` + (plan.slipWorkdays > 0
      ? t('schedule.slip', { n: plan.slipWorkdays }) : t('schedule.onTime'))) : null,
    p.landToStartDays !== null && p.landToStartDays !== undefined ? row('project.landToStart',
      t('project.landToStartValue', { land: p.landAcquiredOn, start: p.startedOn, n: p.landToStartDays })) : null,
    permits.total ? row('project.permits', h('span', { id: 'permit-clock', class: permits.exceeded ? 'error' : '' },
      `${permits.issued}/${permits.total} · `, permits.running ? t('permits.running', { start: time(permits.firstIssuedAt), h: permits.elapsedHours, t: permits.targetHours })
        : `${permits.spanHours ?? '—'} ${t('project.hours')}`, permits.metTarget ? ' ✓ ≤ 7' : '',
      permits.exceeded ? ` · ${t('permits.exceeded', { t: permits.targetHours })}` : '')) : null)));
}

function scheduleTable(plan) {
  const rows = plan.items.filter(o => o.status !== 'done').map(o => h('tr', {
    class: o.critical ? 'critical' : '', dataset: { obligation: o.id, flag: o.flag, critical: o.critical } },
    h('td', {}, light(o.flag === 'red' ? 'red' : o.flag === 'yellow' ? 'yellow' : 'green'),
      o.daysLate > 0 ? h('span', { class: 'error days-late' }, ' ', t('due.late', { n: o.daysLate })) : null),
    h('td', {}, o.title, o.critical ? h('span', { class: 'badge critical-badge' }, t('schedule.critical')) : null),
    h('td', {}, o.departmentName), h('td', {}, date(o.dueOn)), h('td', {}, date(o.latestStart)), h('td', {}, date(o.latestFinish)),
    h('td', {}, o.earliestFinish), h('td', { class: o.totalFloat < 0 ? 'error' : '' }, o.totalFloat === null ? '—' : String(o.totalFloat))));
  if (!rows.length) return h('p', { class: 'muted' }, t('common.none'));
  return h('div', { id: 'schedule' }, table(['table.light', 'table.title', 'table.department', 'table.due', 'schedule.latestStart',
    'schedule.latestFinish', 'schedule.earliestFinish', 'schedule.float'], rows));
}

/** What if one obligation slips: its choices follow the project's open obligations, keeping the one chosen. */
function impactForm() {
  const pick = h('select', { id: 'impact-obligation', 'aria-label': t('impact.obligation') });
  const days = h('input', { id: 'impact-days', type: 'number', min: 1, max: 365, value: 5, 'aria-label': t('impact.days'), style: 'width:5rem' });
  const out = h('div', { id: 'impact-result' });
  const form = h('form', { class: 'inline' }, pick, h('label', {}, t('impact.days'), ' ', days), h('button', { type: 'submit' }, t('impact.run')));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      const r = await api.post('/api/impact', { obligationId: pick.value, days: Number(days.value) });
      const list = (key, items, text) => h('div', {}, h('h3', {}, t(key)), items.length
        ? h('ul', {}, items.map(x => h('li', {}, text(x)))) : h('p', { class: 'muted' }, t('common.none')));
      fill(out,
        list('impact.projects', r.projects, p => `${p.name}: ${p.projectedStartBefore ?? '—'} → ${p.projectedStartAfter ?? '—'} (+${p.startSlipWorkdays})`),
        list('impact.milestones', r.milestones, o => `${o.title} (${o.projectName}) +${o.workdays}`),
        list('impact.moved', r.obligations, o => `${o.title} — ${o.departmentName} (${o.projectName}) +${o.workdays}`),
        list('impact.departments', r.departments, d => `${d.name} (${d.obligations})`),
        list('impact.leaders', r.leaders, l => l.displayName));
    } catch (err) { banner(explain(err)); }
  });
  const el = h('div', {}, form, out);
  el.refresh = items => {
    const keep = pick.value;
    pick.replaceChildren(...items.filter(o => o.status !== 'done').map(o => h('option', { value: o.id }, o.title)));
    if ([...pick.options].some(o => o.value === keep)) pick.value = keep;
  };
  return el;
}

/** A change's type in words (the raw type where the dictionary has none yet). */
function changeType(type) {
  const key = `change.${type}`;
  const words = t(key);
  return words === key ? type : words;
}

function history(changes) {
  return section('project.history', h('ul', { class: 'history', id: 'history' }, changes.map(c => h('li', {},
    h('span', { class: 'muted' }, time(c.at)), ' ', c.actorName ?? c.actor, ' · ', changeType(c.type),
    c.after?.title ? ` · ${c.after.title}` : '', c.after?.status && c.before?.status !== c.after.status && c.entity !== 'Supervision' ? ` → ${t(`status.${c.after.status}`)}` : '',
    c.before?.dueOn && c.after?.dueOn && c.before.dueOn !== c.after.dueOn ? ` · ${t('table.due')} ${c.before.dueOn} → ${c.after.dueOn}` : '',
    c.after?.replannedFor ? ` (${t('replan.for', { date: c.after.replannedFor })})` : ''))));
}

const SVG = 'http://www.w3.org/2000/svg';
function s(tag, attrs = {}, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Planned bars (due date back by its duration), actual bars, and the dependencies as arrows. */
function timeline(items, tracks, critical = new Set()) {
  if (!items.length) return h('p', { class: 'muted' }, t('common.none'));
  const DAY = 86_400_000;
  // dates are calendar dates (UTC midnights here, so the labels never shift a day); instants
  // such as acceptedAt count on their date in the server's zone
  const parse = day;
  const rows = [];
  for (const track of tracks) {
    const inTrack = items.filter(o => o.track === track).sort((a, b) => parse(a.dueOn) - parse(b.dueOn));
    if (inTrack.length) rows.push({ track }, ...inTrack.map(o => ({ o })));
  }
  const planned = o => [parse(o.dueOn) - (o.durationDays || 1) * DAY, parse(o.dueOn)];
  const today = parse(todayInZone());
  let min = Infinity, max = -Infinity;
  for (const o of items) {
    const [a, b] = planned(o);
    min = Math.min(min, a); max = Math.max(max, b, o.doneOn ? parse(o.doneOn) : b);
  }
  if (today > min && today < max + 60 * DAY) max = Math.max(max, today);
  const label = 260, width = 1100, rowH = 22, top = 24;
  const x = v => label + ((v - min) / Math.max(max - min, DAY)) * (width - label - 10);
  const svg = s('svg', { width, height: top + rows.length * rowH + 10, role: 'img', 'aria-label': t('project.timeline') });
  const defs = s('defs');
  const marker = s('marker', { id: 'arrow', markerWidth: 8, markerHeight: 8, refX: 7, refY: 4, orient: 'auto' });
  marker.append(s('path', { d: 'M0,0 L8,4 L0,8 z', fill: '#667085' }));
  defs.append(marker);
  svg.append(defs);
  svg.append(s('text', { x: label, y: 14, fill: '#667085' }, new Date(min).toISOString().slice(0, 10)));
  svg.append(s('text', { x: width - 10, y: 14, fill: '#667085', 'text-anchor': 'end' }, new Date(max).toISOString().slice(0, 10)));
  if (today >= min && today <= max) {
    svg.append(s('line', { x1: x(today), x2: x(today), y1: top - 6, y2: top + rows.length * rowH, stroke: '#b3261e', 'stroke-dasharray': '4 3' }));
    svg.append(s('text', { x: x(today) + 3, y: top - 8, fill: '#b3261e' }, t('project.today')));
  }
  const position = new Map();
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    if (r.track) { svg.append(s('text', { x: 4, y: y + 15, 'font-weight': 700 }, t(`track.${r.track}`))); return; }
    const o = r.o;
    const [a, b] = planned(o);
    const title = o.title.length > 18 ? o.title.slice(0, 17) + '…' : o.title;
    svg.append(s('text', { x: 14, y: y + 15 }, title));
    const plannedBar = s('rect', { x: x(a), y: y + 4, width: Math.max(3, x(b) - x(a)), height: 8,
      fill: critical.has(o.id) ? '#b3261e' : '#b2ccff', 'data-obligation': o.id, 'data-critical': critical.has(o.id) });
    plannedBar.append(s('title', {}, `${o.title} · ${t('project.planned')} ${new Date(a).toISOString().slice(0, 10)} – ${o.dueOn}`));
    svg.append(plannedBar);
    const start = o.acceptedAt ? parse(time(o.acceptedAt)) : null;
    const end = o.doneOn ? parse(o.doneOn) : (o.status !== 'done' ? today : null);
    const color = o.status === 'done' ? '#12b76a' : o.overdue ? '#d92d20' : '#1d5fbf';
    if (start !== null && end !== null && end >= start) {
      svg.append(s('rect', { x: x(start), y: y + 12, width: Math.max(3, x(end) - x(start)), height: 6, fill: color }));
    } else if (o.doneOn) {
      svg.append(s('circle', { cx: x(parse(o.doneOn)), cy: y + 15, r: 4, fill: color }));
    }
    position.set(o.id, { y: y + 8, a: x(a), b: x(b) });
  });
  for (const o of items) {
    const to = position.get(o.id);
    for (const dep of o.dependsOn || []) {
      const from = position.get(dep.id);
      if (!from || !to) continue;
      svg.append(s('path', { d: `M${from.b},${from.y} C${from.b + 20},${from.y} ${to.a - 20},${to.y} ${to.a},${to.y}`,
        fill: 'none', stroke: '#98a2b3', 'stroke-width': 1, 'marker-end': 'url(#arrow)' }));
    }
  }
  return svg;
}
