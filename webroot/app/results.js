import { h } from './ui.js';

/** A value of a query's answer as a person reads it: a node by its label and name, a relationship by its type. */
export function cellText(v) {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'object') return String(v);
  if (v._type === 'node') return `(${v.labels.join(':')} ${v.properties.name ?? v.properties.title ?? v.properties.displayName ?? v.properties.id ?? ''})`.replace(' )', ')');
  if (v._type === 'relationship') return `[:${v.type}]`;
  if (Array.isArray(v)) return v.map(cellText).join(', ');
  return JSON.stringify(v);
}

/** The columns a bar chart can draw, a label and a number, or null when the answer has no such pair. */
export function chartable(result) {
  const first = result.rows[0];
  if (!first) return null;
  const label = first.findIndex(v => typeof v === 'string');
  const value = first.findIndex(v => typeof v === 'number');
  return label < 0 || value < 0 ? null : { label, value };
}

/** A horizontal bar chart of an answer's label and number columns; labels are never cut. Its chart joins {@code charts}, to be disposed. */
export function barChart(echarts, box, result, cols, charts = []) {
  requestAnimationFrame(() => { const chart = echarts.init(box); charts.push(chart); chart.setOption(barOption(result, cols)); });
  return box;
}

/** The ECharts option of that bar chart (the console's and the battle map's bar tiles draw the same). */
export function barOption(result, cols) {
  return {
    animation: false, tooltip: {}, grid: { left: 10, right: 30, top: 10, bottom: 20, containLabel: true },
    xAxis: { type: 'value', name: result.columns[cols.value] },
    yAxis: { type: 'category', inverse: true, data: result.rows.map(r => r[cols.label]), axisLabel: { width: 220, overflow: 'break' } },
    series: [{ type: 'bar', data: result.rows.map(r => r[cols.value]), itemStyle: { color: '#1d5fbf' }, label: { show: true, position: 'right' } }],
  };
}

/** An answer as a table: the header and the given rows. */
export function resultTable(result, rows, attrs = {}) {
  return h('table', { class: 'grid', ...attrs }, h('thead', {}, h('tr', {}, result.columns.map(c => h('th', {}, c)))),
    h('tbody', {}, rows.map(r => h('tr', {}, r.map(v => h('td', {}, cellText(v)))))));
}
