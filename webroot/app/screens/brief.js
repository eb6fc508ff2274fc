import { api } from '../api.js';
import { t, blockedReason } from '../i18n.js';
import { h, light, lightWhy, blocking, date, time, fill, section, table } from '../ui.js';
import { now } from '../clock.js';
import { sinceView } from '../since.js';
import { asOf, asOfControl, at, rerender } from '../asof.js';

/**
 * 简报: a page to print (A4) for a leader or a meeting: the projects and their lights, what
 * changed since the last meeting, what the next meeting must decide; with the period and the
 * time it stands at. Everything on it is the server's: lights, the diff, the agenda.
 */
export async function render(root, { params }) {
  const [kind, id] = params;
  const standsAt = asOf() ?? new Date(now()).toISOString();
  const body = kind === 'leader' ? await leaderBrief(id) : await meetingBrief(id);
  const year = time(standsAt).slice(0, 4);
  fill(root, h('div', { class: 'period-bar no-print' }, asOfControl(rerender),
    h('button', { type: 'button', id: 'brief-print', onclick: () => window.print() }, t('brief.print'))),
  h('article', { class: 'brief', id: 'brief', dataset: { kind, id } },
    h('h1', {}, body.title),
    h('p', { class: 'brief-meta', id: 'brief-meta' }, t('brief.meta', { period: t('brief.year', { year }), time: time(standsAt) })),
    ...body.parts));
}

async function leaderBrief(leaderId) {
  const projects = await api.get(at(`/api/projects?champion=${encodeURIComponent(leaderId)}`));
  const name = projects.flatMap(p => p.champions).find(c => c.id === leaderId)?.displayName ?? leaderId;
  const diff = await api.get(`/api/history/diff?leader=${encodeURIComponent(leaderId)}${asOf() ? `&to=${encodeURIComponent(asOf())}` : ''}`);
  const mine = new Set(projects.map(p => p.id));
  const next = (await upcoming()).find(m => m.projects.some(p => mine.has(p.id)));
  return {
    title: t('brief.leaderTitle', { name }),
    parts: [projectsPart(projects), sincePart(diff, 'since.noPreviousWeek'), await decidePart(next, projects)],
  };
}

async function meetingBrief(meetingId) {
  const meeting = await api.get(`/api/meetings/${meetingId}`);
  const ids = new Set(meeting.projects.map(p => p.id));
  const projects = (await api.get(at('/api/projects'))).filter(p => ids.has(p.id));
  const diff = await api.get(`/api/meetings/${meetingId}/since-previous`);
  return {
    title: t('brief.meetingTitle', { title: meeting.title, time: time(meeting.startsAt) }),
    parts: [projectsPart(projects), sincePart(diff, 'since.noPrevious'), await decidePart(meeting, projects)],
  };
}

/** The meetings still to be held, soonest first (one in session first of all). */
async function upcoming() {
  const [open, scheduled] = await Promise.all([api.get('/api/meetings?status=open'), api.get('/api/meetings?status=scheduled')]);
  return [...open, ...scheduled.sort((a, b) => String(a.startsAt).localeCompare(String(b.startsAt)))];
}

function projectsPart(projects) {
  const order = { red: 0, yellow: 1, green: 2 };
  const rows = [...projects].sort((a, b) => order[a.light] - order[b.light] || a.name.localeCompare(b.name)).map(p =>
    h('tr', { dataset: { project: p.id, light: p.light } },
      h('td', {}, light(p.light), ' ', t(`lights.${p.light}`)),
      h('td', {}, p.name, lightWhy(p)),
      h('td', {}, t(`stage.${p.stage}`)),
      h('td', {}, date(p.targetStartOn), startOutlook(p)),
      h('td', { class: 'num' }, String(p.overdue))));
  return section('brief.projects', h('div', { id: 'brief-projects' },
    table(['table.light', 'table.project', 'table.stage', 'brief.start', 'table.overdue'], rows)));
}

/** The projected start as a leader reads it: the slip when the open work cannot meet the target, else on time. */
function startOutlook(p) {
  if (!p.projectedStartOn) return null;
  return p.slipWorkdays > 0
    ? h('span', { class: 'error' }, ` → ${t('brief.projected', { date: p.projectedStartOn, n: p.slipWorkdays })}`)
    : h('span', { class: 'muted' }, ` · ${t('schedule.onTime')}`);
}

function sincePart(diff, noPrevious) {
  return h('section', { class: 'card', id: 'since-previous' }, h('h2', {}, t('since.title')), ...sinceView(diff, { print: true, noPrevious }));
}

/**
 * 下次会办须决定: the meeting's agenda, the extension requests waiting on its projects and the
 * work that is late, blocked or whose 容缺 lapsed.
 */
async function decidePart(meeting, projects) {
  const ids = projects.map(p => p.id);
  const [extensions, stuck] = await Promise.all([
    Promise.all(ids.map(p => api.get(`/api/extensions?status=pending&project=${encodeURIComponent(p)}`))).then(r => r.flat()),
    Promise.all(ids.map(p => api.get(at(`/api/obligations?project=${encodeURIComponent(p)}&status=dispatched,accepted,in_progress,deficient,blocked&limit=200`))))
      .then(pages => pages.flatMap(page => page.items).filter(blocking)),
  ]);
  return h('section', { class: 'card', id: 'brief-decide' }, h('h2', {}, t('brief.decide')),
    meeting ? h('p', {}, h('strong', {}, meeting.title), ` · ${time(meeting.startsAt)}`) : h('p', { class: 'muted' }, t('brief.noMeeting')),
    meeting?.agenda?.length ? h('div', {}, h('h3', {}, t('brief.agenda')),
      h('ol', { id: 'brief-agenda' }, [...meeting.agenda].sort((a, b) => a.position - b.position).map(a => h('li', {}, a.title)))) : null,
    h('h3', {}, t('brief.extensions')), extensions.length ? h('ul', { id: 'brief-extensions' }, extensions.map(x => h('li', {},
      `${x.title} — ${x.departmentName} · ${x.projectName}: ${date(x.previousDueOn)} → ${date(x.requestedDueOn)} · ${x.reason}`)))
      : h('p', { class: 'muted' }, t('common.none')),
    h('h3', {}, t('brief.stuck')), stuck.length ? h('ul', { id: 'brief-stuck' }, stuck.map(o => h('li', { dataset: { obligation: o.id } },
      `${o.title} — ${o.departmentName} · ${o.projectName} · ${t('table.due')} ${date(o.dueOn)}`,
      o.status === 'blocked' ? ` · ${t('status.blocked')}${o.blockedReason ? `：${blockedReason(o)}` : ''}` : '')))
      : h('p', { class: 'muted' }, t('common.none')));
}
