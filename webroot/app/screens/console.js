import { api } from '../api.js';
import { t, language } from '../i18n.js';
import { h, fill, banner, explain, section, busy, time } from '../ui.js';
import { cellText, chartable, barChart, resultTable } from '../results.js';
import * as tiles from '../components/tiles.js';
import * as vendor from '../vendor.js';
import { meta } from '../meta.js';

const KEYWORDS = new Set(['MATCH', 'OPTIONAL', 'WHERE', 'RETURN', 'WITH', 'UNWIND', 'ORDER', 'BY', 'LIMIT', 'SKIP', 'DISTINCT', 'AS',
  'AND', 'OR', 'XOR', 'NOT', 'IN', 'IS', 'NULL', 'CALL', 'YIELD', 'UNION', 'ALL', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'EXISTS',
  'COUNT', 'CONTAINS', 'STARTS', 'ENDS', 'ASC', 'DESC', 'ASCENDING', 'DESCENDING', 'TRUE', 'FALSE', 'COLLECT', 'FILTER', 'LET', 'NEXT']);

/** One pass over the text: comments, strings, labels and types, parameters, words; everything else as it is. */
const TOKENS = /(\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$))|('(?:[^'\\\n]|\\.)*'?|"(?:[^"\\\n]|\\.)*"?)|(:\s*`[^`\n]*`?|:\s*[\p{L}_][\p{L}\p{N}_]*)|(\$[\p{L}_][\p{L}\p{N}_]*)|([\p{L}_][\p{L}\p{N}_]*)/gu;

const escape = s => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Colours Cypher: text in, escaped HTML out; each piece of the text is escaped once and wrapped at most once. */
export function highlight(text) {
  let out = '';
  let at = 0;
  for (const m of text.matchAll(TOKENS)) {
    out += escape(text.slice(at, m.index));
    const kind = m[1] ? 'comment' : m[2] ? 'string' : m[3] ? 'label' : m[4] ? 'param' : KEYWORDS.has(m[5].toUpperCase()) ? 'keyword' : null;
    out += kind ? `<span class="c-${kind}">${escape(m[0])}</span>` : escape(m[0]);
    at = m.index + m[0].length;
  }
  return out + escape(text.slice(at)) + '\n';
}

const PAGE = 50;

/** A run id of the page's own, for the server to find the query again when the analyst stops it. */
function runId() { return `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`; }

/**
 * The analyst's console: the schema at the side, a query, its running state with a stop button,
 * its answer as a paged table, a graph or a chart; saved queries and the history beside it.
 */
export async function render(root) {
  const [echarts, cytoscape, vocabulary] = await Promise.all([vendor.echarts(), vendor.cytoscape(), meta()]);
  const editor = h('textarea', { id: 'cypher', spellcheck: 'false', 'aria-label': 'Cypher', rows: 8 });
  editor.value = "MATCH (d:Department)-[:OWES]->(o:Obligation)-[:FOR]->(p:Project)\nWHERE o.status <> 'done'\nRETURN d.name AS department, count(o) AS open\nORDER BY open DESC LIMIT 10";
  const shade = h('pre', { class: 'shade', 'aria-hidden': 'true' });
  const paint = () => { shade.innerHTML = highlight(editor.value); shade.scrollTop = editor.scrollTop; };
  editor.addEventListener('input', paint);
  editor.addEventListener('scroll', paint);
  const params = h('textarea', { id: 'params', rows: 2, 'aria-label': t('console.params'), placeholder: '{"project": "p-hadian"}' });
  const plan = h('select', { id: 'plan', 'aria-label': t('console.plan') },
    h('option', { value: '' }, t('console.noPlan')), h('option', { value: 'explain' }, 'EXPLAIN'), h('option', { value: 'profile' }, 'PROFILE'));
  const runButton = h('button', { type: 'button', id: 'run', onclick: () => run() }, t('console.run'));
  const stopButton = h('button', { type: 'button', id: 'stop', class: 'secondary', hidden: true, onclick: () => stop() }, t('console.stop'));
  const status = h('span', { id: 'console-running', class: 'muted', role: 'status' });
  const out = h('div', { id: 'console-result' });
  const history = h('ul', { id: 'console-history', class: 'history' });
  const savedList = h('ul', { id: 'console-saved', class: 'history' });
  const schemaBox = h('div', { id: 'console-schema', class: 'schema' });
  let last = null;
  let running = null;

  function insert(text) {
    const at = editor.selectionStart ?? editor.value.length;
    editor.value = editor.value.slice(0, at) + text + editor.value.slice(editor.selectionEnd ?? at);
    editor.focus();
    editor.selectionStart = editor.selectionEnd = at + text.length;
    paint();
  }

  async function run() {
    if (running) return;
    let p = {};
    if (params.value.trim()) {
      try { p = JSON.parse(params.value); } catch { banner(t('console.badParams')); return; }
      if (typeof p !== 'object' || p === null || Array.isArray(p)) { banner(t('console.badParams')); return; }
    }
    running = { id: runId(), started: Date.now() };
    runButton.disabled = true;
    stopButton.hidden = false;
    stopButton.disabled = false;
    const tick = () => { status.textContent = t('console.running', { s: ((Date.now() - running.started) / 1000).toFixed(1) }); };
    tick();
    running.timer = setInterval(tick, 100);
    out.setAttribute('aria-busy', 'true');
    out.querySelector('#console-error')?.remove();
    try {
      last = await api.post('/api/console/query', { cypher: editor.value, params: p, runId: running.id, ...(plan.value ? { plan: plan.value } : {}) });
      show('table', 0);
    } catch (e) {
      fill(out, h('p', { class: 'error', role: 'alert', id: 'console-error' }, explain(e)));
    } finally {
      clearInterval(running.timer);
      running = null;
      status.textContent = '';
      runButton.disabled = false;
      stopButton.hidden = true;
      out.removeAttribute('aria-busy');
    }
    loadHistory();
  }

  async function stop() {
    if (!running) return;
    try {
      await busy(stopButton, () => api.del(`/api/console/runs/${running.id}`));
    } catch (e) {
      // finished before the stop arrived: its answer is on its way
      if (e.status !== 404) banner(explain(e));
    }
  }

  function show(view, page = 0) {
    if (!last) return;
    const s = last.summary;
    const tabs = h('div', { class: 'row', role: 'tablist' }, ['table', 'graph', 'chart'].map(v =>
      h('button', { type: 'button', role: 'tab', 'aria-selected': String(v === view), class: v === view ? '' : 'secondary', dataset: { view: v }, onclick: () => show(v) }, t(`console.${v}`))),
      h('button', { type: 'button', class: 'secondary', onclick: () => download('csv') }, t('console.csv')),
      h('button', { type: 'button', class: 'secondary', onclick: () => download('json') }, t('console.json')),
      h('span', { class: 'muted', id: 'console-summary' }, t('console.summary', { rows: s.rows, ms: s.ms }), s.truncated ? t('console.truncated', { rows: s.rows }) : ''));
    const body = view === 'graph' ? graphView() : view === 'chart' ? chartView() : tableView(page);
    fill(out, tabs, body, last.plan ? h('pre', { class: 'plan' }, planText(last.plan, 0)) : null);
  }

  function tableView(page) {
    const pages = Math.max(1, Math.ceil(last.rows.length / PAGE));
    const from = page * PAGE;
    const rows = last.rows.slice(from, from + PAGE);
    const pager = pages > 1 ? h('div', { class: 'row pager', id: 'console-pager' },
      h('button', { type: 'button', class: 'secondary', disabled: page === 0, dataset: { page: 'previous' }, onclick: () => show('table', page - 1) }, t('console.previous')),
      h('span', { class: 'muted' }, t('console.rowsOf', { from: from + 1, to: from + rows.length, total: last.rows.length })),
      h('button', { type: 'button', class: 'secondary', disabled: page >= pages - 1, dataset: { page: 'next' }, onclick: () => show('table', page + 1) }, t('console.next'))) : null;
    return h('div', { class: 'scroll-x' }, resultTable(last, rows, { id: 'console-table' }), pager);
  }

  function graphView() {
    if (!last.graph.nodes.length) return h('p', { class: 'muted', id: 'console-no-graph' }, t('console.noGraph'));
    const box = h('div', { id: 'cy', style: 'height:60vh' });
    const ids = new Set(last.graph.nodes.map(n => n.id));
    requestAnimationFrame(() => cytoscape({
      container: box, wheelSensitivity: 0.3, layout: { name: 'cose', animate: false },
      elements: [...last.graph.nodes.map(n => ({ data: { id: n.id, label: cellText(n).slice(1, -1), kind: n.labels[0] } })),
        ...last.graph.relationships.filter(r => ids.has(r.start) && ids.has(r.end))
          .map(r => ({ data: { id: r.id, source: r.start, target: r.end, label: r.type } }))],
      style: [{ selector: 'node', style: { label: 'data(label)', 'font-size': 12, 'background-color': '#1d5fbf', width: 18, height: 18, 'text-wrap': 'ellipsis', 'text-max-width': 160 } },
        { selector: 'edge', style: { width: 1, 'line-color': '#98a2b3', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', label: 'data(label)', 'font-size': 10 } }],
    }));
    return box;
  }

  function chartView() {
    const cols = chartable(last);
    if (!cols) return h('p', { class: 'muted', id: 'console-no-chart' }, t('console.noChart'));
    return barChart(echarts, h('div', { class: 'chart', style: `height:${Math.max(260, Math.min(last.rows.length, 40) * 26)}px` }),
      { ...last, rows: last.rows.slice(0, 40) }, cols);
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
      : [last.columns, ...last.rows.map(r => r.map(cellText))].map(r => r.map(csvCell).join(',')).join('\n');
    const a = h('a', { href: URL.createObjectURL(new Blob([kind === 'csv' ? '\uFEFF' + text : text], { type: kind === 'json' ? 'application/json' : 'text/csv' })),
      download: `liandong-query.${kind}` });
    a.click();
    URL.revokeObjectURL(a.href);
  }

  async function loadHistory() {
    const items = await api.get('/api/console/history?limit=20');
    fill(history, items.map(a => h('li', {}, h('button', { type: 'button', class: 'link', title: a.cypher, onclick: () => { editor.value = a.cypher; paint(); } },
      a.cypher.length > 80 ? a.cypher.slice(0, 79) + '…' : a.cypher),
      h('div', { class: a.refused ? 'error small' : 'muted small' }, time(a.at), ' · ', a.refused ? (language() === 'en' ? a.reason : a.reasonZh) : t('console.summary', { rows: a.rows, ms: a.durationMs })))));
  }

  async function loadSaved() {
    const items = await api.get('/api/console/saved');
    fill(savedList, items.length ? items.map(savedItem) : h('li', { class: 'muted' }, t('common.none')));
  }

  function savedItem(q) {
    const open = h('button', { type: 'button', class: 'link', onclick: () => {
      editor.value = q.cypher; params.value = Object.keys(q.params || {}).length ? JSON.stringify(q.params) : ''; paint(); } }, q.name);
    const li = h('li', { dataset: { saved: q.id } }, open, q.onBattleMap ? h('span', { class: 'badge' }, t('nav.battle')) : null, ' ',
      h('span', { class: 'muted small' }, q.ownerName || ''));
    if (!q.mayEdit) return li;
    const rename = h('button', { type: 'button', class: 'secondary small', dataset: { act: 'rename' }, onclick: () => renameForm() }, t('console.rename'));
    const remove = h('button', { type: 'button', class: 'secondary small', dataset: { act: 'delete' }, onclick: () => confirmDelete() }, t('console.delete'));
    const tools = h('span', { class: 'item-tools' }, rename, remove);
    li.append(tools);
    function renameForm() {
      const name = h('input', { name: 'name', value: q.name, required: true, maxlength: 200, 'aria-label': t('console.name') });
      const form = h('form', { class: 'inline', dataset: { renaming: q.id } }, name, h('button', { type: 'submit' }, t('action.save')),
        h('button', { type: 'button', class: 'secondary', onclick: () => loadSaved() }, t('action.cancel')));
      form.addEventListener('submit', async e => {
        e.preventDefault();
        try {
          await busy(form.querySelector('[type=submit]'), () => api.patch(`/api/console/saved/${q.id}`, { name: name.value, version: q.version }));
          loadSaved();
        } catch (err) { banner(explain(err)); }
      });
      fill(li, form);
      name.focus();
    }
    function confirmDelete() {
      fill(tools, h('span', { class: 'error small' }, t('console.deleteSure', { name: q.name })),
        h('button', { type: 'button', class: 'danger small', dataset: { act: 'confirm-delete' }, onclick: async e => {
          try { await busy(e.currentTarget, () => api.del(`/api/console/saved/${q.id}`)); } catch (err) { banner(explain(err)); }
          loadSaved();
        } }, t('console.delete')),
        h('button', { type: 'button', class: 'secondary small', onclick: () => loadSaved() }, t('action.cancel')));
    }
    return li;
  }

  async function loadSchema() {
    const schema = await api.get('/api/console/schema');
    fill(schemaBox,
      h('h3', {}, t('console.labels')),
      h('ul', { class: 'schema-list' }, schema.labels.map(l => h('li', { dataset: { label: l.name } },
        // the label inserts itself; its properties open under it (a button is never inside a summary)
        h('button', { type: 'button', class: 'link', title: t('console.insert'), onclick: () => insert(`(:${l.name})`) }, `:${l.name}`),
        ' ', h('span', { class: 'muted small' }, l.count.toLocaleString()),
        l.properties.length ? h('details', {}, h('summary', { class: 'small' }, t('console.properties', { n: l.properties.length })),
          h('div', { class: 'props' }, l.properties.map(p => h('button', { type: 'button', class: 'chip-button', onclick: () => insert(`.${p}`) }, p)))) : null))),
      h('h3', {}, t('console.types')),
      h('ul', { class: 'schema-list' }, schema.relationshipTypes.map(r => h('li', { dataset: { type: r.name } },
        h('button', { type: 'button', class: 'link', title: t('console.insert'), onclick: () => insert(`-[:${r.name}]->`) }, `:${r.name}`),
        r.count === undefined ? null : [' ', h('span', { class: 'muted small' }, r.count.toLocaleString())]))));
  }

  function saveForm() {
    const name = h('input', { id: 'save-name', required: true, placeholder: t('console.name'), 'aria-label': t('console.name') });
    const description = h('input', { placeholder: t('console.description'), 'aria-label': t('console.description') });
    const roles = vocabulary.roles.map(r => h('label', {}, h('input', { type: 'checkbox', value: r }), t(`role.${r}`)));
    const tileBox = h('input', { type: 'checkbox', id: 'save-tile' });
    // how the tile is drawn: the kinds the battle map's registry knows (components/tiles.js)
    const display = h('select', { id: 'save-display', disabled: true },
      ['auto', ...tiles.names()].map(k => h('option', { value: k }, t(`tile.${k}`))));
    tileBox.addEventListener('change', () => { display.disabled = !tileBox.checked; });
    const form = h('form', { class: 'inline', id: 'save-form' }, name, description, h('span', { class: 'muted' }, t('console.share')), roles,
      h('label', { for: 'save-tile' }, tileBox, t('console.tile')), h('label', {}, `${t('console.display')} `, display),
      h('button', { type: 'submit' }, t('console.save')));
    form.addEventListener('submit', async e => {
      e.preventDefault();
      let p;
      try { p = params.value.trim() ? JSON.parse(params.value) : {}; } catch { banner(t('console.badParams')); return; }
      try {
        await busy(form.querySelector('[type=submit]'), () => api.post('/api/console/saved', { name: name.value, description: description.value || null, cypher: editor.value, params: p,
          sharedWith: roles.map(l => l.firstChild).filter(c => c.checked).map(c => c.value), onBattleMap: tileBox.checked,
          ...(tileBox.checked ? { display: display.value } : {}) }));
        name.value = '';
        loadSaved();
      } catch (err) { banner(explain(err)); }
    });
    return form;
  }

  editor.addEventListener('keydown', e => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); } });
  fill(root, h('h1', {}, t('nav.console')),
    h('div', { class: 'console-layout' },
      h('aside', { class: 'card' }, h('h2', {}, t('console.schema')), schemaBox),
      h('section', { class: 'card' }, h('div', { class: 'editor' }, shade, editor), params,
        h('div', { class: 'row' }, plan, runButton, stopButton, status), saveForm()),
      h('div', {}, section('console.saved', savedList), section('console.history', history))),
    section('console.table', out));
  paint();
  await Promise.all([loadHistory(), loadSaved(), loadSchema()]);
}
