import { api } from '../api.js';
import { t, blockedReason } from '../i18n.js';
import { h, fill, date, time, statusBadge } from '../ui.js';
import { follow, debounce } from '../live.js';
import * as vendor from '../vendor.js';
import { at, asOfControl, rerender } from '../asof.js';

const LIMIT = 500;
const KINDS = ['project', 'department', 'leader', 'meeting', 'open', 'late', 'done'];
const COLOURS = { project: '#8f1d18', department: '#1d5fbf', leader: '#7a5af8', meeting: '#0e9384', open: '#98a2b3', late: '#d92d20', done: '#12b76a' };

/**
 * 关系图谱: projects, the departments that owe them, their obligations, the leaders who champion
 * them and the meetings about them. Filter, search, tap for details, expand a node's neighbours;
 * a live change redraws only the project it is about, and a partial picture says so.
 */
export async function render(root) {
  const cytoscape = await vendor.cytoscape();
  const [projects, departments, meetings] = await Promise.all([api.get(at('/api/projects')), api.get('/api/departments'), api.get('/api/meetings')]);
  const obligations = new Map();   // projectId -> its obligations
  const all = await api.get(at(`/api/obligations?limit=${LIMIT}`));
  let total = all.total;
  for (const o of all.items) (obligations.get(o.projectId) ?? obligations.set(o.projectId, []).get(o.projectId)).push(o);

  const projectSel = h('select', { id: 'graph-project', 'aria-label': t('table.project') },
    h('option', { value: '' }, `${t('table.project')}: ${t('graph.all')}`), projects.map(p => h('option', { value: p.id }, p.name)));
  const deptSel = h('select', { id: 'graph-department', 'aria-label': t('table.department') },
    h('option', { value: '' }, `${t('table.department')}: ${t('graph.all')}`), departments.map(d => h('option', { value: d.id }, d.name)));
  const search = h('input', { id: 'graph-search', type: 'search', placeholder: t('graph.search'), 'aria-label': t('graph.search') });
  const found = h('span', { id: 'graph-found', class: 'muted', role: 'status' });
  const note = h('p', { id: 'graph-partial', class: 'notice', hidden: true });
  const legend = h('ul', { class: 'legend', id: 'graph-legend' }, KINDS.map(k => h('li', {},
    h('span', { class: `swatch swatch-${k}`, style: `background:${COLOURS[k]}` }), t(`graph.kind.${k}`))));
  const details = h('aside', { id: 'graph-details', class: 'card graph-details' }, h('p', { class: 'muted' }, t('graph.tapHint')));
  const box = h('div', { id: 'cy' });
  fill(root, h('h1', {}, t('graph.title')),
    h('div', { class: 'row' }, projectSel, deptSel, search, found), h('div', { class: 'row' }, asOfControl(rerender)), note, legend,
    h('div', { class: 'graph-layout' }, box, details));

  const expanded = new Set();   // nodes whose neighbours show whatever the filters say
  let cy = null;

  /** Every node and edge of the data as loaded, keyed by id. */
  function model() {
    const nodes = new Map();
    const edges = new Map();
    const node = (id, label, kind, item) => { if (!nodes.has(id)) nodes.set(id, { id, label, kind, item }); };
    const edge = (source, target, kind) => edges.set(`${kind}:${source}:${target}`, { id: `${kind}:${source}:${target}`, source, target, kind });
    for (const p of projects) {
      node(`p:${p.id}`, p.name, 'project', p);
      for (const c of p.champions || []) { node(`u:${c.id}`, c.displayName, 'leader', c); edge(`u:${c.id}`, `p:${p.id}`, 'champions'); }
    }
    // dependencies are drawn within a project and across projects, wherever both steps are loaded
    const ids = new Set([...obligations.values()].flat().map(o => o.id));
    for (const [projectId, items] of obligations) {
      for (const o of items) {
        node(`d:${o.departmentId}`, o.departmentName, 'department', departments.find(d => d.id === o.departmentId) || { id: o.departmentId, name: o.departmentName });
        node(`o:${o.id}`, o.title, o.overdue ? 'late' : o.status === 'done' ? 'done' : 'open', o);
        edge(`o:${o.id}`, `p:${projectId}`, 'for');
        edge(`d:${o.departmentId}`, `o:${o.id}`, 'owes');
        for (const dep of o.dependsOn) if (ids.has(dep.id)) edge(`o:${o.id}`, `o:${dep.id}`, 'depends');
      }
    }
    for (const m of meetings) {
      node(`m:${m.id}`, m.title, 'meeting', m);
      for (const p of m.projects || []) edge(`m:${m.id}`, `p:${p.id}`, 'about');
    }
    return { nodes, edges };
  }

  /** What the filters and the expanded nodes let through. */
  function visible({ nodes, edges }) {
    const keep = new Set();
    const pass = n => {
      const o = n.item;
      if (n.kind === 'project') return !projectSel.value || o.id === projectSel.value;
      if (['open', 'late', 'done'].includes(n.kind)) return (!projectSel.value || o.projectId === projectSel.value) && (!deptSel.value || o.departmentId === deptSel.value);
      return null;   // leaders, departments and meetings show with what they touch
    };
    for (const n of nodes.values()) if (pass(n)) keep.add(n.id);
    for (const e of edges.values()) {
      if (keep.has(e.source) && pass(nodes.get(e.target)) === null) keep.add(e.target);
      if (keep.has(e.target) && pass(nodes.get(e.source)) === null) keep.add(e.source);
    }
    if (deptSel.value) keep.add(`d:${deptSel.value}`);
    for (const id of expanded) {
      keep.add(id);
      for (const e of edges.values()) { if (e.source === id) keep.add(e.target); if (e.target === id) keep.add(e.source); }
    }
    return { nodes: [...nodes.values()].filter(n => keep.has(n.id)), edges: [...edges.values()].filter(e => keep.has(e.source) && keep.has(e.target)) };
  }

  /** Patches the drawing to the model: new elements in, gone ones out, changed ones restyled and flashed; layout only for what is new. */
  function draw({ relayout = false } = {}) {
    const shown = visible(model());
    note.hidden = total <= all.items.length;
    note.textContent = t('graph.partial', { shown: all.items.length, total });
    const wanted = new Set([...shown.nodes.map(n => n.id), ...shown.edges.map(e => e.id)]);
    if (!cy) {
      cy = cytoscape({ container: box, wheelSensitivity: 0.3, style: STYLE, elements: [] });
      box.cy = cy;   // the drawing's own API, for a browser test to find where a node is
      cy.on('tap', 'node', e => select(e.target.id()));
    }
    const added = [];
    cy.batch(() => {
      cy.elements().forEach(el => { if (!wanted.has(el.id())) el.remove(); });
      for (const n of shown.nodes) {
        const el = cy.getElementById(n.id);
        if (el.empty()) added.push(cy.add({ group: 'nodes', data: { id: n.id, label: n.label, kind: n.kind } }));
        else if (el.data('kind') !== n.kind || el.data('label') !== n.label) {
          el.data({ label: n.label, kind: n.kind });
          flash(el);
        }
      }
      for (const e of shown.edges) if (cy.getElementById(e.id).empty()) added.push(cy.add({ group: 'edges', data: e }));
    });
    if (relayout || added.length === cy.elements().length) {
      cy.layout({ name: 'cose', animate: false, nodeRepulsion: 400000, idealEdgeLength: 70, padding: 24 }).run();
    } else if (added.length) {
      cy.collection(added).filter('node').forEach(flash);
      cy.collection(added).union(cy.collection(added).neighborhood()).layout({ name: 'cose', animate: false, fit: false, randomize: false }).run();
    }
    highlight();
  }

  function flash(el) {
    el.addClass('changed');
    setTimeout(() => el.removeClass('changed'), 2500);
  }

  /** Marks the nodes whose names hold the search text, and fits the view to them. */
  function highlight() {
    const text = search.value.trim().toLowerCase();
    cy.nodes().removeClass('match');
    if (!text) { found.textContent = ''; return; }
    const hits = cy.nodes().filter(n => String(n.data('label')).toLowerCase().includes(text));
    hits.addClass('match');
    found.textContent = t('graph.found', { n: hits.length });
    if (hits.length) cy.fit(hits.closedNeighborhood(), 60);
  }

  function select(id) {
    const n = model().nodes.get(id);
    if (!n) return;
    cy.nodes().removeClass('selected');
    cy.getElementById(id).addClass('selected');
    const o = n.item;
    const facts = {
      project: () => [h('p', {}, o.code, ' · ', t(`stage.${o.stage}`) || o.stage), h('p', {}, t('graph.obligations', { n: o.obligations, open: o.open, late: o.overdue })),
        h('a', { href: `#/project/${o.id}` }, t('graph.openProject'))],
      department: () => [h('a', { href: `#/inbox/${o.id}` }, t('graph.openInbox'))],
      leader: () => [h('p', {}, t('graph.champions', { n: projects.filter(p => (p.champions || []).some(c => c.id === o.id)).length }))],
      meeting: () => [h('p', {}, time(o.startsAt)), h('p', {}, t(`meeting.status.${o.status}`)), h('a', { href: `#/meeting/${o.id}` }, t('graph.openMeeting'))],
      obligation: () => [h('p', {}, statusBadge(o.status), ' ', o.departmentName), h('p', {}, t('table.due'), ' ', date(o.dueOn)),
        o.blockedReason ? h('p', { class: 'error' }, blockedReason(o)) : null, h('a', { href: `#/project/${o.projectId}` }, o.projectName)],
    };
    const kind = ['open', 'late', 'done'].includes(n.kind) ? 'obligation' : n.kind;
    fill(details, h('h2', {}, n.label), h('p', { class: 'muted' }, t(`graph.kind.${n.kind}`)), facts[kind](),
      h('div', { class: 'row' }, h('button', { type: 'button', id: 'graph-expand', onclick: () => { expanded.add(id); draw({ relayout: true }); } }, t('graph.expand')),
        expanded.size ? h('button', { type: 'button', class: 'secondary', onclick: () => { expanded.clear(); draw({ relayout: true }); } }, t('graph.collapse')) : null));
  }

  /** A live change to a project: one fetch of its obligations, then a patch of the drawing. */
  const changed = new Set();
  const refresh = debounce(async () => {
    const ids = [...changed];
    changed.clear();
    for (const id of ids) {
      const page = await api.get(at(`/api/obligations?project=${encodeURIComponent(id)}&limit=${LIMIT}`));
      all.items = all.items.filter(o => o.projectId !== id).concat(page.items);
      obligations.set(id, page.items);
    }
    total = Math.max(all.items.length, (await api.get(at('/api/obligations?limit=1'))).total);
    draw();
  }, 300);
  // the first 150 projects' channels (the server caps a socket's channels), and the list's: a project
  // created (by hand or by an import) joins the drawing and is followed, a deleted one leaves it
  const followed = new Map();
  const watch = p => { if (followed.size < 150 && !followed.has(p.id)) followed.set(p.id, follow(`project:${p.id}`, () => { changed.add(p.id); refresh(); })); };
  projects.forEach(watch);
  const relist = debounce(async () => {
    const now = await api.get(at('/api/projects'));
    const known = new Set(projects.map(p => p.id));
    const gone = new Set(known);
    now.forEach(p => gone.delete(p.id));
    projects.splice(0, projects.length, ...now);
    gone.forEach(id => { obligations.delete(id); followed.get(id)?.(); followed.delete(id); });
    const chosen = projectSel.value;
    fill(projectSel, h('option', { value: '' }, `${t('table.project')}: ${t('graph.all')}`), projects.map(p => h('option', { value: p.id }, p.name)));
    projectSel.value = projects.some(p => p.id === chosen) ? chosen : '';
    for (const p of now) if (!known.has(p.id)) { watch(p); changed.add(p.id); }
    if (changed.size) refresh(); else draw();
  }, 300);
  const stops = [follow('projects:all', () => relist()), () => followed.forEach(stop => stop())];

  projectSel.addEventListener('change', () => { expanded.clear(); draw({ relayout: true }); });
  deptSel.addEventListener('change', () => { expanded.clear(); draw({ relayout: true }); });
  search.addEventListener('input', debounce(highlight, 200));
  draw({ relayout: true });
  return () => { stops.forEach(s => s()); if (cy) cy.destroy(); };
}

const STYLE = [
  { selector: 'node', style: { label: 'data(label)', 'font-size': 12, 'text-wrap': 'ellipsis', 'text-max-width': 120, width: 16, height: 16,
    'background-color': COLOURS.open, color: '#1d2939', 'text-outline-color': '#fff', 'text-outline-width': 2 } },
  ...Object.entries(COLOURS).map(([kind, colour]) => ({ selector: `node[kind="${kind}"]`, style: { 'background-color': colour } })),
  { selector: 'node[kind="project"]', style: { width: 30, height: 30, 'font-size': 14, 'font-weight': 700 } },
  { selector: 'node[kind="department"]', style: { shape: 'round-rectangle', width: 24, height: 24 } },
  { selector: 'node[kind="leader"]', style: { shape: 'diamond', width: 24, height: 24 } },
  { selector: 'node[kind="meeting"]', style: { shape: 'hexagon', width: 24, height: 24 } },
  { selector: 'node.match', style: { 'border-width': 4, 'border-color': '#f79009' } },
  { selector: 'node.selected', style: { 'border-width': 4, 'border-color': '#101828' } },
  { selector: 'node.changed', style: { 'overlay-color': '#f79009', 'overlay-opacity': 0.35, 'overlay-padding': 8 } },
  { selector: 'edge', style: { width: 1, 'line-color': '#d0d5dd', 'curve-style': 'bezier' } },
  { selector: 'edge[kind="depends"]', style: { 'line-color': '#f79009', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#f79009' } },
  { selector: 'edge[kind="champions"]', style: { 'line-color': '#bdb4fe', 'line-style': 'dashed' } },
  { selector: 'edge[kind="about"]', style: { 'line-color': '#99f6e0', 'line-style': 'dotted', width: 2 } },
];
