// <ld-bottlenecks>: the departments holding the most work up (the server's ranking, its formula
// beside it), kept by the store and read again when a project it follows changes.
import { Component, define, html, nothing, columns, card } from './base.js';
import { t } from '../i18n.js';
import { yi } from '../ui.js';
import { resource, Subscription } from '../store.js';

const COLUMNS = ['table.department', 'kpi.score', 'kpi.lateNearly', 'kpi.waiting', 'table.title'];
export const SHOWN = 10;

export class Bottlenecks extends Component {
  /** channels: the live channels whose changes move the ranking (the page's projects). */
  static properties = { channels: { attribute: false } };

  constructor() {
    super();
    this.ranking = new Subscription(this, () => resource(`/api/bottlenecks?limit=${SHOWN}`, () => this.channels ?? ['projects:all']));
  }

  render() {
    const ranking = this.ranking.value;
    if (!ranking) return this.ranking.error ? html`<p class="error">${this.ranking.error.message}</p>` : nothing;
    const cols = columns(COLUMNS);
    const n = cols.names;
    const rows = ranking.slice(0, SHOWN).map(d => html`<tr data-department=${d.departmentId}>
      <td data-label=${n[0]}><a href="#/inbox/${d.departmentId}">${d.departmentName}</a></td>
      <td class="num" data-label=${n[1]}>${String(d.score)}</td>
      <td class="num" data-label=${n[2]}><span class=${d.late ? 'error' : ''}>${String(d.late)}</span> / ${d.nearlyLate}</td>
      <td data-label=${n[3]}>${t('kpi.waitingValue', { n: d.projectsWaiting, yi: yi(d.investmentWaitingYi) })}</td>
      <td data-label=${n[4]}>${d.obligations.slice(0, 3).map(o => html`<div><a href="#/project/${o.projectId}">${o.title}</a>${
        o.daysLate > 0 ? html`<span class="error"> · ${t('due.late', { n: o.daysLate })}</span>` : nothing}</div>`)}</td></tr>`);
    return card('kpi.bottlenecks', html`<p class="muted" id="bottleneck-formula">${t('kpi.bottleneckFormula')}</p>
      <div id="bottlenecks">${ranking.length ? html`<table class=${cols.className}>${cols.head}<tbody>${rows}</tbody></table>`
        : html`<p class="muted">${t('common.none')}</p>`}</div>`);
  }
}
define('ld-bottlenecks', Bottlenecks);
