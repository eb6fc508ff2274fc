import { api } from '../api.js';
import { t, blockedReason } from '../i18n.js';
import { h, light, lightWhy, blocking, statusBadge, countdown, section, fill, time } from '../ui.js';
import { follow, debounce } from '../live.js';
import { sinceView } from '../since.js';
import { asOf, asOfControl, at, rerender } from '../asof.js';

/** 领导视图: the projects I champion, what blocks each, and the next meetings. */
export async function render(root, { user }) {
  const stop = follow(`user:${user.id}`, debounce(() => draw().catch(e => console.warn(e)), 250));

  async function draw() {
    // red first, then yellow, then green: what needs the leader most comes first
    const order = { red: 0, yellow: 1, green: 2 };
    const projects = (await api.get(at(`/api/projects?champion=${encodeURIComponent(user.id)}`)))
      .sort((a, b) => order[a.light] - order[b.light] || b.overdue - a.overdue);
    // a meeting in session is the most current of all
    const [open, scheduled] = await Promise.all([api.get('/api/meetings?status=open'), api.get('/api/meetings?status=scheduled')]);
    const meetings = [...open, ...scheduled.sort((a, b) => String(a.startsAt).localeCompare(String(b.startsAt)))];
    const mine = new Set(projects.map(p => p.id));
    const blocks = await Promise.all(projects.map(p =>
      api.get(at(`/api/obligations?project=${p.id}&status=dispatched,accepted,in_progress,deficient,blocked&limit=200`))));
    const cards = projects.map((p, i) => {
      const stuck = blocks[i].items.filter(blocking);
      return h('section', { class: 'card', dataset: { project: p.id } },
        h('h2', {}, light(p.light), ' ', h('a', { href: `#/project/${p.id}` }, p.name)),
        h('p', { class: 'muted' }, `${t(`stage.${p.stage}`)} · ${p.company}`), lightWhy(p),
        stuck.length === 0 ? h('p', {}, t('leader.noBlocks')) : h('ul', {}, stuck.map(o => h('li', { dataset: { obligation: o.id } },
          statusBadge(o.status), ' ', o.title, ' — ', o.departmentName,
          ' ', countdown(o.dueOn, o.overdue),
          o.blockedReason ? h('span', { class: 'muted' }, ` ${blockedReason(o)}`) : null))),
        h('details', {}, h('summary', {}, t('project.obligations')), h('ul', { class: 'all-obligations' },
          blocks[i].items.map(o => h('li', { dataset: { obligation: o.id, status: o.status } }, statusBadge(o.status), ' ', o.title, ' — ', o.departmentName,
            ' ', countdown(o.dueOn, o.overdue))))));
    });
    const next = meetings.filter(m => m.projects.some(p => mine.has(p.id)));
    // since the last meeting about my projects (the server finds it), or the last week
    const since = await api.get(`/api/history/diff?leader=${encodeURIComponent(user.id)}${asOf() ? `&to=${encodeURIComponent(asOf())}` : ''}`);
    fill(root, h('h1', {}, t('leader.title'), ' ', h('a', { href: `#/brief/leader/${user.id}`, class: 'button-link', id: 'leader-brief' },
      t('brief.open'))),
      h('div', { class: 'period-bar' }, asOfControl(rerender)),
      h('section', { class: 'card', id: 'since-previous' }, h('h2', {}, t('since.title')),
        ...sinceView(since, { noPrevious: 'since.noPreviousWeek' })),
      section('leader.nextMeetings', next.length ? h('ul', {}, next.map(m => h('li', {},
        h('a', { href: `#/meeting/${m.id}` }, m.title), ` · ${time(m.startsAt)}`,
        m.status === 'open' ? h('span', { class: 'badge status-in_progress' }, t('meeting.status.open')) : null))) : h('p', {}, t('leader.none'))),
      h('div', { class: 'columns', id: 'leader-projects' }, cards));
  }
  await draw();
  return stop;
}
