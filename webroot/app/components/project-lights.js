// <ld-project-lights>: the first projects in the server's order of attention (red, yellow, green,
// the most overdue first), each with its light and why; how many there are in all, and where the rest are.
import { Component, define, html, nothing, columns, light, lightWhy, card } from './base.js';
import { t } from '../i18n.js';
import { yi } from '../ui.js';

const COLUMNS = ['table.light', 'table.project', 'table.stage', 'table.investment', 'table.champions', 'table.overdue'];

export class ProjectLights extends Component {
  static properties = { map: { attribute: false } };

  render() {
    const map = this.map;
    if (!map) return nothing;
    const cols = columns(COLUMNS);
    const [lightName, project, stage, investment, champions, overdue] = cols.names;
    const rows = map.projects.map(p => html`<tr data-project=${p.id} data-light=${p.light}>
      <td data-label=${lightName}>${light(p.light)}</td>
      <td data-label=${project}><a href="#/project/${p.id}">${p.name}</a>${lightWhy(p)}</td>
      <td data-label=${stage}>${t(`stage.${p.stage}`)}</td>
      <td data-label=${investment}>${yi(p.investmentYi)}</td>
      <td data-label=${champions}>${p.champions.map(c => c.displayName).join(t('common.listSeparator'))}</td>
      <td data-label=${overdue}>${String(p.overdue)}</td></tr>`);
    const more = map.total > map.projects.length ? html`<p class="muted" id="project-lights-shown">
      ${t('battle.shown', { n: map.projects.length, total: map.total })} · <a href="#/projects">${t('battle.allProjects')}</a></p>` : nothing;
    return card('table.project', html`<div id="project-lights">
      <table class=${cols.className}>${cols.head}<tbody>${rows}</tbody></table>${more}</div>`);
  }
}
define('ld-project-lights', ProjectLights);
