import { api } from '../api.js';
import { t } from '../i18n.js';
import { h, fill } from '../ui.js';
import * as vendor from '../vendor.js';

/** The project–department–obligation network, filterable, with click-through. */
export async function render(root) {
  const cytoscape = await vendor.cytoscape();
  const [projects, departments, page] = await Promise.all([
    api.get('/api/projects'), api.get('/api/departments'), api.get('/api/obligations?limit=500')]);
  const projectSel = h('select', { id: 'graph-project', 'aria-label': t('table.project') },
    h('option', { value: '' }, `${t('table.project')}: ${t('graph.all')}`), projects.map(p => h('option', { value: p.id }, p.name)));
  const deptSel = h('select', { id: 'graph-department', 'aria-label': t('table.department') },
    h('option', { value: '' }, `${t('table.department')}: ${t('graph.all')}`), departments.map(d => h('option', { value: d.id }, d.name)));
  const box = h('div', { id: 'cy' });
  fill(root, h('h1', {}, t('graph.title')), h('div', { class: 'row' }, projectSel, deptSel), box);
  let cy = null;

  function draw() {
    const items = page.items.filter(o => (!projectSel.value || o.projectId === projectSel.value)
      && (!deptSel.value || o.departmentId === deptSel.value));
    const ids = new Set(items.map(o => o.id));
    const elements = [];
    const seen = new Set();
    const node = (id, label, kind) => { if (!seen.has(id)) { seen.add(id); elements.push({ data: { id, label, kind } }); } };
    for (const o of items) {
      node(`p:${o.projectId}`, o.projectName, 'project');
      node(`d:${o.departmentId}`, o.departmentName, 'department');
      node(`o:${o.id}`, o.title, o.overdue ? 'late' : o.status === 'done' ? 'done' : 'open');
      elements.push({ data: { id: `for:${o.id}`, source: `o:${o.id}`, target: `p:${o.projectId}`, kind: 'for' } });
      elements.push({ data: { id: `owes:${o.id}`, source: `d:${o.departmentId}`, target: `o:${o.id}`, kind: 'owes' } });
      for (const dep of o.dependsOn) if (ids.has(dep.id)) {
        elements.push({ data: { id: `dep:${o.id}:${dep.id}`, source: `o:${o.id}`, target: `o:${dep.id}`, kind: 'depends' } });
      }
    }
    if (cy) cy.destroy();
    cy = cytoscape({
      container: box, elements, wheelSensitivity: 0.3,
      layout: { name: 'cose', animate: false, nodeRepulsion: 400000, idealEdgeLength: 60, padding: 20 },
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 9, 'text-wrap': 'ellipsis', 'text-max-width': 90, width: 14, height: 14, 'background-color': '#98a2b3' } },
        { selector: 'node[kind="project"]', style: { 'background-color': '#8f1d18', width: 26, height: 26, 'font-size': 11 } },
        { selector: 'node[kind="department"]', style: { 'background-color': '#1d5fbf', shape: 'round-rectangle', width: 22, height: 22 } },
        { selector: 'node[kind="late"]', style: { 'background-color': '#d92d20' } },
        { selector: 'node[kind="done"]', style: { 'background-color': '#12b76a' } },
        { selector: 'edge', style: { width: 1, 'line-color': '#d0d5dd', 'curve-style': 'bezier' } },
        { selector: 'edge[kind="depends"]', style: { 'line-color': '#f79009', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#f79009' } },
      ],
    });
    cy.on('tap', 'node', e => {
      const [kind, id] = e.target.id().split(/:(.*)/);
      if (kind === 'p') location.hash = `#/project/${id}`;
      if (kind === 'd') location.hash = `#/inbox/${id}`;
      if (kind === 'o') location.hash = `#/project/${page.items.find(o => o.id === id).projectId}`;
    });
  }
  projectSel.addEventListener('change', draw);
  deptSel.addEventListener('change', draw);
  draw();
  return () => cy && cy.destroy();
}
