// 领导视图: the projects I champion (red first), what blocks each, what changed since the last
// meeting about them and the next meetings. Composed of components fed by the store: each
// project's card reads and follows its own project, so a change redraws that card alone.
import { t } from '../i18n.js';
import { time } from '../ui.js';
import { sinceView } from '../since.js';
import { asOf, asOfControl, at, rerender } from '../asof.js';
import { resource, Subscription } from '../store.js';
import { Component, define, html, nothing, card } from '../components/base.js';
import '../components/champion-card.js';

const ORDER = { red: 0, yellow: 1, green: 2 };

class LeaderView extends Component {
  static properties = { user: { attribute: false } };

  constructor() {
    super();
    this.controls = asOfControl(rerender);
    const mine = () => `user:${this.user.id}`;
    const projectChannels = list => [mine(), 'projects:all', ...(list ?? []).map(p => `project:${p.id}`)];
    this.projects = new Subscription(this, () => resource(at(`/api/projects?champion=${encodeURIComponent(this.user.id)}`), projectChannels));
    this.open = new Subscription(this, () => resource('/api/meetings?status=open', () => [mine()]));
    this.scheduled = new Subscription(this, () => resource('/api/meetings?status=scheduled', () => [mine()]));
    // since the last meeting about my projects (the server finds it), or the last week
    this.since = new Subscription(this, () => resource(`/api/history/diff?leader=${encodeURIComponent(this.user.id)}${
      asOf() ? `&to=${encodeURIComponent(asOf())}` : ''}`, () => projectChannels(this.projects.value)));
  }

  render() {
    const failed = [this.projects, this.open, this.scheduled, this.since].find(s => s.error)?.error;
    const heading = html`<h1>${t('leader.title')} <a href="#/brief/leader/${this.user.id}" class="button-link" id="leader-brief">${t('brief.open')}</a></h1>`;
    if (failed) return html`${heading}<p class="error">${failed.message}</p>`;
    const [projects, open, scheduled, since] = [this.projects.value, this.open.value, this.scheduled.value, this.since.value];
    if (!projects || !open || !scheduled || !since) return html`${heading}<p class="muted">${t('common.loading')}</p>`;
    // red first, then yellow, then green: what needs the leader most comes first
    const ordered = [...projects].sort((a, b) => ORDER[a.light] - ORDER[b.light] || b.overdue - a.overdue);
    const ids = new Set(projects.map(p => p.id));
    // a meeting in session is the most current of all
    const next = [...open, ...[...scheduled].sort((a, b) => String(a.startsAt).localeCompare(String(b.startsAt)))]
      .filter(m => m.projects.some(p => ids.has(p.id)));
    return html`${heading}<div class="period-bar">${this.controls}</div>
      <section class="card" id="since-previous"><h2>${t('since.title')}</h2>${sinceView(since, { noPrevious: 'since.noPreviousWeek' })}</section>
      ${card('leader.nextMeetings', next.length ? html`<ul>${next.map(m => html`<li><a href="#/meeting/${m.id}">${m.title}</a> · ${time(m.startsAt)}${
        m.status === 'open' ? html`<span class="badge status-in_progress">${t('meeting.status.open')}</span>` : nothing}</li>`)}</ul>`
        : html`<p>${t('leader.none')}</p>`)}
      <div class="columns" id="leader-projects">${ordered.map(p => html`<ld-champion-card .project=${p}></ld-champion-card>`)}</div>`;
  }
}
define('ld-leader-view', LeaderView);

export async function render(root, { user }) {
  const page = document.createElement('ld-leader-view');
  page.user = user;
  root.replaceChildren(page);
  await page.updateComplete;
  return () => page.remove();
}
