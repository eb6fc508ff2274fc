// <ld-battle-charts>: projects by stage, by light, and the departments with the most late work.
import { Component, define, html, nothing, card } from './base.js';
import { t } from '../i18n.js';
import './chart.js';

export class BattleCharts extends Component {
  static properties = { kpis: { attribute: false }, lights: { attribute: false } };

  render() {
    const { kpis, lights } = this;
    if (!kpis || !lights) return nothing;
    const late = kpis.departments.filter(d => d.overdue > 0).sort((a, b) => b.overdue - a.overdue).slice(0, 10);
    const stages = {
      animation: false, grid: { left: 40, right: 10, top: 10, bottom: 30 }, tooltip: {},
      xAxis: { type: 'category', data: kpis.byStage.map(s => t(`stage.${s.stage}`)) }, yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: kpis.byStage.map(s => s.count), itemStyle: { color: '#1d5fbf' } }],
    };
    const byLight = {
      animation: false, tooltip: {}, color: ['#d92d20', '#f5b400', '#12b76a'],
      series: [{ type: 'pie', radius: ['40%', '70%'], label: { formatter: '{b} {c}' },
        data: ['red', 'yellow', 'green'].map(c => ({ name: t(`lights.${c}`), value: lights[c] })) }],
    };
    const departments = {
      animation: false, grid: { left: 110, right: 20, top: 10, bottom: 20 }, tooltip: {},
      xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', data: late.map(d => d.shortName || d.name), inverse: true },
      series: [{ type: 'bar', data: late.map(d => d.overdue), itemStyle: { color: '#d92d20' } }],
    };
    return html`<div class="columns">
      ${card('chart.stages', html`<ld-chart class="chart" id="chart-stages" .option=${stages}></ld-chart>`)}
      ${card('chart.lights', html`<ld-chart class="chart" id="chart-lights" .option=${byLight}></ld-chart>`)}
      ${card('chart.departments', html`<ld-chart class="chart" id="chart-departments" .option=${departments}></ld-chart>`)}</div>`;
  }
}
define('ld-battle-charts', BattleCharts);
