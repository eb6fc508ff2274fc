// 项目管理: every project with its light, stage and people; the service office registers new ones here.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { h, light, yi, date, section, keyed, banner } from '../ui.js';
import { follow, debounce } from '../live.js';
import { projectForm } from '../forms.js';
import { asOf, asOfControl, at, rerender } from '../asof.js';

export async function render(root, { user }) {
  const body = h('tbody', { id: 'project-list' });
  async function load() {
    const projects = await api.get(at('/api/projects'));
    keyed(body, projects, p => p.id, p => h('tr', { dataset: { project: p.id } },
      h('td', {}, light(p.light)),
      h('td', {}, h('a', { href: `#/project/${p.id}` }, p.name), h('div', { class: 'muted' }, p.code)),
      h('td', {}, t(`stage.${p.stage}`)), h('td', {}, t(`level.${p.level}`)), h('td', { class: 'num' }, yi(p.investmentYi)),
      h('td', {}, (p.champions || []).map(c => c.displayName).join('、') || '—'),
      h('td', {}, p.liaison?.displayName || '—'), h('td', {}, date(p.targetStartOn))));
  }
  const list = h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, ['table.light', 'table.project', 'table.stage', 'table.level',
    'table.investment', 'table.champions', 'project.liaison', 'project.targetStartOn'].map(k => h('th', { scope: 'col' }, t(k))))), body);

  // the form is built once and lives outside the list, so a live change never touches what is typed
  let registration = null;
  if (user.may?.MANAGE_PROJECTS && !asOf()) {
    const form = await projectForm(null, saved => {
      banner(t('project.registered', { name: saved.name }), 'info');
      location.hash = `#/project/${saved.id}`;
    });
    registration = h('details', { class: 'card', id: 'project-register' }, h('summary', {}, t('projects.register')), form);
  }
  root.replaceChildren(h('h1', {}, t('projects.title')), h('div', { class: 'period-bar' }, asOfControl(rerender)), registration || '', section('projects.title', h('div', { class: 'scroll' }, list)));
  await load();
  // every project's changes reach its channel; the list is small enough to follow them all
  const channels = [...body.children].map(tr => `project:${tr.dataset.key}`);
  const reload = debounce(() => load().catch(e => console.warn(e)), 300);
  const stops = [...channels, 'projects:all'].map(c => follow(c, reload));
  return () => stops.forEach(stop => stop());
}
