// The kinds of tile a saved query can be shown as on the battle map, as NeoDash has report types:
// each kind says whether it can draw an answer (its columns and rows) and draws it. A saved query
// names its kind (display: auto, table, bar, pie, line, value); 'auto' takes the first kind in
// AUTO that fits, and a kind that does not fit the answer falls back the same way.
import { html } from './base.js';
import { cellText, chartable, barOption } from '../results.js';
import './chart.js';

const kinds = new Map();
const AUTO = ['value', 'bar', 'table'];

/** Adds a kind: {labelKey, fits(result) → boolean, draw(result, query) → a template}. */
export function register(name, kind) { kinds.set(name, kind); }

/** The kinds that can draw this answer, by name, in the order they were registered. */
export function fitting(result) { return [...kinds].filter(([, k]) => k.fits(result)).map(([name]) => name); }

/** The kind a tile is drawn as: the one asked for when it fits, else the first of AUTO that does. */
export function choose(result, asked = 'auto') {
  if (asked !== 'auto' && kinds.get(asked)?.fits(result)) return asked;
  return AUTO.find(name => kinds.get(name).fits(result));
}

export function draw(name, result, query) { return kinds.get(name).draw(result, query); }

export function names() { return [...kinds.keys()]; }

const COLORS = ['#1d5fbf', '#d92d20', '#f5b400', '#12b76a', '#7a5af8', '#0e9384', '#c11574', '#667085'];

/** A tile's chart: the ECharts option, drawn by <ld-chart> and named by its saved query. */
const chart = (query, option) => html`<ld-chart class="chart" data-tile-chart=${query.id} .option=${option}></ld-chart>`;

register('table', {
  labelKey: 'tile.table',
  fits: () => true,
  draw: result => html`<div class="scroll-x"><table class="grid">
    <thead><tr>${result.columns.map(c => html`<th scope="col">${c}</th>`)}</tr></thead>
    <tbody>${result.rows.map(r => html`<tr>${r.map(v => html`<td>${cellText(v)}</td>`)}</tr>`)}</tbody></table></div>`,
});

register('bar', {
  labelKey: 'tile.bar',
  fits: result => result.rows.length > 1 && chartable(result) !== null,
  draw: (result, query) => chart(query, barOption(result, chartable(result))),
});

register('pie', {
  labelKey: 'tile.pie',
  fits: result => {
    const cols = chartable(result);
    return cols !== null && result.rows.length > 1 && result.rows.length <= COLORS.length && result.rows.every(r => r[cols.value] >= 0);
  },
  draw: (result, query) => {
    const { label, value } = chartable(result);
    return chart(query, {
      animation: false, tooltip: {}, color: COLORS,
      series: [{ type: 'pie', radius: ['40%', '70%'], data: result.rows.map(r => ({ name: r[label], value: r[value] })), label: { formatter: '{b} {c}' } }],
    });
  },
});

register('line', {
  labelKey: 'tile.line',
  fits: result => result.rows.length > 1 && chartable(result) !== null,
  draw: (result, query) => {
    const { label, value } = chartable(result);
    return chart(query, {
      animation: false, tooltip: { trigger: 'axis' }, grid: { left: 10, right: 20, top: 20, bottom: 20, containLabel: true },
      xAxis: { type: 'category', data: result.rows.map(r => r[label]) }, yAxis: { type: 'value', name: result.columns[value] },
      series: [{ type: 'line', data: result.rows.map(r => r[value]), itemStyle: { color: COLORS[0] } }],
    });
  },
});

register('value', {
  labelKey: 'tile.value',
  fits: result => result.rows.length === 1 && result.rows[0].length === 1 && ['number', 'string'].includes(typeof result.rows[0][0]),
  draw: result => html`<div class="tile-value"><span class="value">${cellText(result.rows[0][0])}</span>
    <span class="muted">${result.columns[0]}</span></div>`,
});

