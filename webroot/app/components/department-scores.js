// <ld-department-scores>: 绩效考核 of the period, best first (the score and its formula are the
// server's: KpiDetails, docs/rules.md).
import { Component, define, html, nothing, columns } from './base.js';
import { t } from '../i18n.js';
import { periodLabel } from '../period.js';

const COLUMNS = ['kpi.rank', 'table.department', 'kpi.score', 'table.open', 'table.overdue', 'table.onTime', 'kpi.acceptHours',
  'kpi.deficient', 'kpi.reminders', 'kpi.supervisions', 'kpi.extensions'];

export class DepartmentScores extends Component {
  static properties = { departments: { attribute: false }, period: { attribute: false } };

  render() {
    if (!this.departments) return nothing;
    const ranked = [...this.departments].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || b.overdue - a.overdue);
    const cols = columns(COLUMNS);
    const n = cols.names;
    const rows = ranked.map(d => html`<tr class=${d.overdue > 0 ? 'overdue' : ''} data-department=${d.id} data-rank=${d.rank ?? ''}>
      <td class="num" data-label=${n[0]}>${d.rank ?? '—'}</td>
      <td data-label=${n[1]}><a href="#/inbox/${d.id}">${d.name}</a></td>
      <td class="num" data-label=${n[2]}>${d.score ?? '—'}</td>
      <td data-label=${n[3]}>${String(d.owed - d.done)}</td>
      <td data-label=${n[4]}>${String(d.overdue)}</td>
      <td data-label=${n[5]}>${d.onTimePercent === null ? '—' : `${d.onTimePercent}%`}</td>
      <td data-label=${n[6]}>${d.medianHoursToAccept ?? '—'}</td>
      <td class=${d.deficienciesExpired > 0 ? 'error' : ''} data-label=${n[7]}>${d.deficienciesOutstanding} / ${d.deficienciesExpired}</td>
      <td data-label=${n[8]}>${String(d.reminders)}</td>
      <td class=${d.supervisions > d.supervisionsAnsweredOnTime ? 'error' : ''} data-label=${n[9]}>${d.supervisions} / ${d.supervisionsAnsweredOnTime}</td>
      <td data-label=${n[10]}>${String(d.extensions)}</td></tr>`);
    return html`<section class="card"><h2>${`${t('kpi.performance')} · ${periodLabel(this.period)}`}</h2>
      <p class="muted">${t('kpi.scoreFormula')}</p>
      <div id="department-table" class="scroll-x"><table class=${cols.className}>${cols.head}<tbody>${rows}</tbody></table></div></section>`;
  }
}
define('ld-department-scores', DepartmentScores);
