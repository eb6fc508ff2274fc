// <ld-permit-bundles>: 拿地即开工: each project's permits against their target hours, running or done.
import { Component, define, html, nothing, columns, card } from './base.js';
import { t } from '../i18n.js';
import { time } from '../ui.js';

const COLUMNS = ['table.project', 'kpi.hours', 'table.status'];

export class PermitBundles extends Component {
  static properties = { bundles: { attribute: false } };

  render() {
    if (!this.bundles) return nothing;
    const cols = columns(COLUMNS);
    const n = cols.names;
    const rows = this.bundles.map(b => html`<tr class=${b.exceeded ? 'overdue' : ''} data-project=${b.projectId} data-running=${b.running}>
      <td data-label=${n[0]}><a href="#/project/${b.projectId}">${b.projectName}</a></td>
      <td data-label=${n[1]}>${b.spanHours !== null ? `${b.spanHours} / ${b.targetHours}` : `${b.issued}/${b.total}`}${b.running
        ? html`<div class=${b.exceeded ? 'error' : 'muted'}>${t('permits.running', { start: time(b.firstIssuedAt), h: b.elapsedHours, t: b.targetHours })}</div>`
        : nothing}</td>
      <td class=${b.exceeded ? 'error' : ''} data-label=${n[2]}>${b.exceeded ? `✗ ${t('permits.exceeded', { t: b.targetHours })}`
        : b.metTarget === null ? '—' : '✓'}</td></tr>`);
    return card('kpi.permits', html`<div id="permit-bundles"><table class=${cols.className}>${cols.head}<tbody>${rows}</tbody></table></div>`);
  }
}
define('ld-permit-bundles', PermitBundles);
