// <ld-champion-card>: one project a leader champions: its light and why, what blocks it, and all
// its open work. The card reads its own obligations from the store and follows its project's
// channel, so a change to one project redraws that card alone.
import { Component, define, html, nothing, light, lightWhy } from './base.js';
import { t, blockedReason } from '../i18n.js';
import { blocking, countdown, statusBadge } from '../ui.js';
import { at } from '../asof.js';
import { resource, Subscription } from '../store.js';

const OPEN = 'dispatched,accepted,in_progress,deficient,blocked';

export class ChampionCard extends Component {
  static properties = { project: { attribute: false } };

  constructor() {
    super();
    this.work = new Subscription(this, () => this.project
      ? resource(at(`/api/obligations?project=${this.project.id}&status=${OPEN}&limit=200`), [`project:${this.project.id}`]) : null);
  }

  render() {
    const p = this.project;
    if (!p) return nothing;
    const items = this.work.value?.items ?? [];
    const stuck = items.filter(blocking);
    const line = o => html`${statusBadge(o.status)} ${o.title} — ${o.departmentName} ${countdown(o.dueOn, o.overdue)}`;
    return html`<section class="card" data-project=${p.id}>
      <h2>${light(p.light)} <a href="#/project/${p.id}">${p.name}</a></h2>
      <p class="muted">${t(`stage.${p.stage}`)} · ${p.company}</p>${lightWhy(p)}
      ${this.work.value === undefined ? html`<p class="muted">${t('common.loading')}</p>`
        : stuck.length === 0 ? html`<p>${t('leader.noBlocks')}</p>`
        : html`<ul>${stuck.map(o => html`<li data-obligation=${o.id}>${line(o)}${o.blockedReason
          ? html`<span class="muted"> ${blockedReason(o)}</span>` : nothing}</li>`)}</ul>`}
      <details><summary>${t('project.obligations')}</summary><ul class="all-obligations">
        ${items.map(o => html`<li data-obligation=${o.id} data-status=${o.status}>${line(o)}</li>`)}</ul></details></section>`;
  }
}

define('ld-champion-card', ChampionCard);
