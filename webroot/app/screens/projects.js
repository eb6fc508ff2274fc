// 项目管理: every project with its light, stage and people; the service office registers new ones here.
// 我对接的项目 (#/projects/mine): the projects the person is the liaison of (专人对接).
import { api } from '../api.js';
import { t } from '../i18n.js';
import { h, light, lightWhy, yi, date, section, keyed, banner } from '../ui.js';
import { follow, debounce } from '../live.js';
import { projectForm } from '../forms.js';
import { asOf, asOfControl, at, rerender } from '../asof.js';

/** The cells of a row labelled by their column, for the phone's cards. */
const HEADS = ['table.project', 'table.stage', 'table.level', 'table.investment', 'table.champions', 'project.liaison', 'project.targetStartOn'];

function labelled(tr) {
  [...tr.children].forEach((td, i) => { if (i > 0) td.dataset.label = t(HEADS[i]); });
  return tr;
}

export async function render(root, { user, params }) {
  const mine = params[0] === 'mine';
  const showArchived = h('input', { type: 'checkbox', id: 'projects-archived' });
  showArchived.addEventListener('change', () => load().catch(e => console.warn(e)));
  const body = h('tbody', { id: 'project-list' });
  async function load() {
    const projects = await api.get(at(mine ? '/api/projects?liaison=me' : showArchived.checked ? '/api/projects?archived=true' : '/api/projects'));
    keyed(body, projects, p => p.id, p => labelled(h('tr', { dataset: { project: p.id } },
      h('td', {}, light(p.light), ' ', h('a', { href: `#/project/${p.id}` }, p.name), h('div', { class: 'muted' }, p.code), lightWhy(p)),
      h('td', {}, t(`stage.${p.stage}`)), h('td', {}, t(`level.${p.level}`)), h('td', { class: 'num' }, yi(p.investmentYi)),
      h('td', {}, (p.champions || []).map(c => c.displayName).join(t('common.listSeparator')) || '—'),
      h('td', {}, p.liaison?.displayName || '—'), h('td', {}, date(p.targetStartOn)))));
    empty.hidden = projects.length > 0;
  }
  const list = h('table', { class: 'grid stack' }, h('thead', {}, h('tr', {}, HEADS.map(k => h('th', { scope: 'col' }, t(k))))), body);

  // the form is built once and lives outside the list, so a live change never touches what is typed
  let registration = null;
  if (user.may?.MANAGE_PROJECTS && !asOf() && !mine) {
    const form = await projectForm(null, saved => {
      banner(t('project.registered', { name: saved.name }), 'info');
      location.hash = `#/project/${saved.id}`;
    });
    registration = h('details', { class: 'card', id: 'project-register' }, h('summary', {}, t('projects.register')), form);
  }
  const empty = h('p', { class: 'muted', hidden: true, id: 'project-list-empty' }, t(mine ? 'projects.noneMine' : 'common.none'));
  const title = mine ? 'projects.mine' : 'projects.title';
  root.replaceChildren(h('h1', {}, t(title)), h('div', { class: 'period-bar' }, asOfControl(rerender),
    mine ? null : h('label', { class: 'check' }, showArchived, ' ', t('projects.showArchived'))), mine ? '' : registration || '',
    section(title, h('div', { class: 'scroll' }, list), empty));
  await load();
  // every project's changes reach its channel; the list is small enough to follow them all
  const channels = [...body.children].map(tr => `project:${tr.dataset.key}`);
  const reload = debounce(() => load().catch(e => console.warn(e)), 300);
  const stops = [...channels, 'projects:all'].map(c => follow(c, reload));
  return () => stops.forEach(stop => stop());
}
