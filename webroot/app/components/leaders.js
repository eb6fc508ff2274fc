// <ld-leader-lights>: each leader's championed projects by light.
import { Component, define, html, nothing, columns, card } from './base.js';

const COLUMNS = ['table.champions', 'lights.green', 'lights.yellow', 'lights.red'];

export class LeaderLights extends Component {
  static properties = { leaders: { attribute: false } };

  render() {
    if (!this.leaders) return nothing;
    const cols = columns(COLUMNS);
    const n = cols.names;
    return card('kpi.leaders', html`<table class=${cols.className}>${cols.head}<tbody>${this.leaders.map(l => html`<tr data-leader=${l.id}>
      <td data-label=${n[0]}>${l.name}</td><td data-label=${n[1]}>${String(l.onTrack)}</td><td data-label=${n[2]}>${String(l.yellow)}</td>
      <td class=${l.red ? 'error' : ''} data-label=${n[3]}>${String(l.red)}</td></tr>`)}</tbody></table>`);
  }
}
define('ld-leader-lights', LeaderLights);
