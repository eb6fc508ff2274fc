import { api } from '../api.js';
import { t } from '../i18n.js';
import { h, fill, banner, explain, section } from '../ui.js';
import * as vendor from '../vendor.js';

const KEYWORDS = /\b(MATCH|OPTIONAL|WHERE|RETURN|WITH|UNWIND|ORDER|BY|LIMIT|SKIP|DISTINCT|AS|AND|OR|NOT|IN|IS|NULL|CALL|YIELD|UNION|ALL|CASE|WHEN|THEN|ELSE|END|EXISTS|COUNT|CONTAINS|STARTS|ENDS|ASC|DESC|TRUE|FALSE)\b/gi;

/** Colours Cypher: keywords, strings, labels, parameters, comments. Text in, escaped HTML out. */
function highlight(text) {
  const esc = s => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return esc(text)
    .replace(/(\/\/[^\n]*)/g, '<span class="c-comment">$1</span>')
    .replace(/('[^'\n]*'|"[^"\n]*")/g, '<span class="c-string">$1</span>')
    .replace(/(:`?[\p{L}_][\p{L}\p{N}_]*`?)/gu, '<span class="c-label">$1</span>')
    .replace(/(\$[\p{L}_][\p{L}\p{N}_]*)/gu, '<span class="c-param">$1</span>')
    .replace(KEYWORDS, m => `<span class="c-keyword">${m}</span>`) + '\n';
}

/** The analyst's console: write a read query, run it, look at it as a table, graph or chart. */
export async function render(root) {
  const echarts = await vendor.echarts();
  const cytoscape = await vendor.cytoscape();
  const editor = h('textarea', { id: 'cypher', spellcheck: 'false', 'aria-label': 'Cypher', rows: 8 });
  editor.value = "MATCH (d:Department)-[:OWES]->(o:Obligation)-[:FOR]->(p:Project)\nWHERE o.status <> 'done'\nRETURN d.name AS department, count(o) AS open\nORDER BY open DESC LIMIT 10";
  const shade = h('pre', { class: 'shade', 'aria-hidden': 'true' });
  const paint = () => { shade.innerHTML = highlight(editor.value); shade.scrollTop = editor.scrollTop; };
  editor.addEventListener('input', paint);
  editor.addEventListener('scroll', paint);
  const params = h('textarea', { id: 'params', rows: 2, 'aria-label': t('console.params'), placeholder: '{"project": "p-hadian"}' });
  const plan = h('select', { id: 'plan', 'aria-label': t('console.plan') },
    h('option', { value: '' }, t('console.noPlan')), h('option', { value: 'explain' }, 'EXPLAIN'), h('option', { value: 'profile' }, 'PROFILE'));
  const out = h('div', { id: 'console-result' });
  const history = h('ul', { id: 'console-history', class: 'history' });
  const savedList = h('ul', { id: 'console-saved', class: 'history' });
  let last = null;

  async function run() {
    let p = {};
    if (params.value.trim()) {
      try { p = JSON.parse(params.value); } catch { banner(t('console.badParams')); return; }
      if (typeof p !== 'object' || Array.isArray(p)) { banner(t('console.badParams')); return; }
    }
    try {
      last = await api.post('/api/console/query', { cypher: editor.value, params: p, ...(plan.value ? { plan: plan.value } : {}) });
      show('table');
    } catch (e) {
      fill(out, h('p', { class: 'error', role: 'alert', id: 'console-error' }, explain(e)));
    }
    loadHistory();
  }

  function show(view) {
    if (!last) return;
    const s = last.summary;
    const tabs = h('div', { class: 'row' }, ['table', 'graph', 'chart'].map(v =>
      h('button', { type: 'button', class: v === view ? '' : 'secondary', dataset: { view: v }, onclick: () => show(v) }, t(`console.${v}`))),
      h('button', { type: 'button', class: 'secondary', onclick: () => download('csv') }, t('console.csv')),
      h('button', { type: 'button', class: 'secondary', onclick: () => download('json') }, t('console.json')),
      h('span', { class: 'muted', id: 'console-summary' }, t('console.summary', { rows: s.rows, ms: s.ms }), s.truncated ? t('console.truncated') : ''));
    const body = view === 'graph' ? graphView() : view === 'chart' ? chartView() : tableView();
    fill(out, tabs, body, last.plan ? h('pre', { class: 'plan' }, planText(last.plan, 0)) : null);
  }

  const cell = v => v === null ? '' : typeof v === 'object' ? (v._type === 'node' ? `(${v.labels.join(':')} ${v.properties.name ?? v.properties.title ?? v.properties.id ?? ''})`
    : v._type === 'relationship' ? `[:${v.type}]` : JSON.stringify(v)) : String(v);

  function tableView() {
    return h('table', { class: 'grid', id: 'console-table' }, h('thead', {}, h('tr', {}, last.columns.map(c => h('th', {}, c)))),
      h('tbody', {}, last.rows.map(r => h('tr', {}, r.map(v => h('td', {}, cell(v)))))));
  }

  function graphView() {
    const box = h('div', { id: 'cy', style: 'height:60vh' });
    requestAnimationFrame(() => cytoscape({
      container: box, wheelSensitivity: 0.3, layout: { name: 'cose', animate: false },
      elements: [...last.graph.nodes.map(n => ({ data: { id: n.id, label: n.properties.name ?? n.properties.title ?? n.labels[0] } })),
        ...last.graph.relationships.filter(r => last.graph.nodes.some(n => n.id === r.start) && last.graph.nodes.some(n => n.id === r.end))
          .map(r => ({ data: { id: r.id, source: r.start, target: r.end, label: r.type } }))],
      style: [{ selector: 'node', style: { label: 'data(label)', 'font-size': 9, 'background-color': '#1d5fbf', width: 14, height: 14 } },
        { selector: 'edge', style: { width: 1, 'line-color': '#98a2b3', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', label: 'data(label)', 'font-size': 7 } }],
    }));
    return box;
  }

  function chartView() {
    const box = h('div', { class: 'chart', style: 'height:360px' });
    const labelCol = last.rows.length ? last.rows[0].findIndex(v => typeof v === 'string') : -1;
    const valueCol = last.rows.length ? last.rows[0].findIndex(v => typeof v === 'number') : -1;
    if (labelCol < 0 || valueCol < 0) return h('p', { class: 'muted' }, t('common.none'));
    requestAnimationFrame(() => echarts.init(box).setOption({
      animation: false, tooltip: {}, grid: { left: 140, right: 20, top: 10, bottom: 20 },
      xAxis: { type: 'value' }, yAxis: { type: 'category', inverse: true, data: last.rows.map(r => r[labelCol]) },
      series: [{ type: 'bar', data: last.rows.map(r => r[valueCol]), itemStyle: { color: '#1d5fbf' } }] }));
    return box;
  }

  function planText(p, depth) {
    return `${'  '.repeat(depth)}${p.operator}${p.rows !== undefined ? ` rows=${p.rows} dbHits=${p.dbHits}` : ''}${p.details ? ` ${p.details}` : ''}\n`
      + p.children.map(c => planText(c, depth + 1)).join('');
  }

  /**
   * A CSV cell, quoted; text a spreadsheet would run as a formula (= + - @, tab, return at the
   * start) is prefixed with an apostrophe, so an exported name never becomes a command.
   */
  function csvCell(v) {
    const text = String(v);
    const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
    return `"${safe.replace(/"/g, '""')}"`;
  }

  function download(kind) {
    const text = kind === 'json' ? JSON.stringify({ columns: last.columns, rows: last.rows }, null, 2)
      : [last.columns, ...last.rows.map(r => r.map(cell))].map(r => r.map(csvCell).join(',')).join('\n');
    const a = h('a', { href: URL.createObjectURL(new Blob([kind === 'csv' ? '\uFEFF' + text : text], { type: kind === 'json' ? 'application/json' : 'text/csv' })),
      download: `liandong-query.${kind}` });
    a.click();
    URL.revokeObjectURL(a.href);
  }

  async function loadHistory() {
    const items = await api.get('/api/console/history?limit=20');
    fill(history, items.map(a => h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => { editor.value = a.cypher; paint(); } },
      a.cypher.length > 80 ? a.cypher.slice(0, 79) + '…' : a.cypher), ' ', h('span', { class: a.refused ? 'error' : 'muted' },
      a.refused ? a.reason : `${a.rows} · ${a.durationMs} ms`))));
  }

  async function loadSaved() {
    const items = await api.get('/api/console/saved');
    fill(savedList, items.map(q => h('li', { dataset: { saved: q.id } }, h('button', { type: 'button', class: 'link', onclick: () => {
      editor.value = q.cypher; params.value = Object.keys(q.params || {}).length ? JSON.stringify(q.params) : ''; paint(); } }, q.name),
      q.onBattleMap ? h('span', { class: 'badge' }, t('nav.battle')) : null, ' ', h('span', { class: 'muted' }, q.ownerName || ''))));
  }

  function saveForm() {
    const name = h('input', { id: 'save-name', required: true, placeholder: t('console.name'), 'aria-label': t('console.name') });
    const description = h('input', { placeholder: t('console.description'), 'aria-label': t('console.description') });
    const roles = ['analyst', 'leader', 'coordinator', 'officer', 'admin'].map(r => h('label', {}, h('input', { type: 'checkbox', value: r }), r));
    const tileBox = h('input', { type: 'checkbox', id: 'save-tile' });
    const form = h('form', { class: 'inline', id: 'save-form' }, name, description, h('span', { class: 'muted' }, t('console.share')), roles,
      h('label', { for: 'save-tile' }, tileBox, t('console.tile')), h('button', { type: 'submit' }, t('console.save')));
    form.addEventListener('submit', async e => {
      e.preventDefault();
      try {
        const p = params.value.trim() ? JSON.parse(params.value) : {};
        await api.post('/api/console/saved', { name: name.value, description: description.value || null, cypher: editor.value, params: p,
          sharedWith: roles.map(l => l.firstChild).filter(c => c.checked).map(c => c.value), onBattleMap: tileBox.checked });
        name.value = '';
        loadSaved();
      } catch (err) { banner(err.body ? explain(err) : t('console.badParams')); }
    });
    return form;
  }

  editor.addEventListener('keydown', e => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); } });
  fill(root, h('h1', {}, t('nav.console')),
    h('div', { class: 'columns' },
      h('section', { class: 'card' }, h('div', { class: 'editor' }, shade, editor), params,
        h('div', { class: 'row' }, plan, h('button', { type: 'button', id: 'run', onclick: run }, t('console.run'))), saveForm()),
      h('div', {}, section('console.saved', savedList), section('console.history', history))),
    section('console.table', out));
  paint();
  await Promise.all([loadHistory(), loadSaved()]);
}
