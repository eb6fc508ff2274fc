// Excel 导入导出: the service office brings the 重大项目清单 it keeps (checked first, every problem
// listed, then written all or nothing) and hands leaders the battle map and 绩效考核 as workbooks.
import { api } from '../api.js';
import { t, language } from '../i18n.js';
import { h, fill, section, table, banner, explain, today } from '../ui.js';
import { hear } from '../live.js';
import { periodPicker } from '../period.js';

/** An id of this page's own for an upload: its progress and its cancel name it. */
function uploadId() {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export async function render(root) {
  const en = language() === 'en';
  const file = h('input', { type: 'file', id: 'import-file', accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const check = h('button', { type: 'button', id: 'import-check' }, t('imports.check'));
  const cancel = h('button', { type: 'button', class: 'secondary', id: 'import-cancel', hidden: true }, t('imports.cancel'));
  const progress = h('p', { id: 'import-progress', class: 'muted', 'aria-live': 'polite' });
  const result = h('div', { id: 'import-result' });
  let upload = null;

  const stop = hear('import.progress', m => {
    if (m.upload === upload) progress.textContent = t(`imports.phase.${m.phase}`, { done: m.done, total: m.total });
  });

  /** Runs one request of the import with its progress shown and a cancel offered. */
  async function step(run) {
    upload = uploadId();
    check.disabled = true;
    cancel.hidden = false;
    progress.textContent = '';
    try {
      return await run(upload);
    } finally {
      check.disabled = false;
      cancel.hidden = true;
    }
  }

  cancel.addEventListener('click', () => {
    if (upload) api.del(`/api/uploads/${upload}`).catch(e => banner(explain(e)));
  });

  check.addEventListener('click', async () => {
    const chosen = file.files[0];
    if (!chosen) { banner(t('imports.pick')); return; }
    fill(result);
    try {
      const dry = await step(id => api.upload(`/api/imports?upload=${id}`, chosen));
      showPlan(dry, chosen);
    } catch (e) {
      showRefusal(e);
    }
  });

  function showRefusal(e) {
    if (e.body?.problems && e.status === 422) {
      const rows = e.body.problems.map(p => h('tr', { class: 'import-problem' },
        h('td', {}, p.sheet || '—'), h('td', { class: 'num' }, p.row ?? '—'), h('td', {}, p.cell || '—'),
        h('td', {}, en ? p.message : p.messageZh)));
      fill(result, h('p', { class: 'error', id: 'import-problems' }, t('imports.problems', { n: e.body.problems.length })),
        h('div', { class: 'scroll' }, table(['imports.sheet', 'imports.row', 'imports.cell', 'imports.message'], rows)));
    } else {
      fill(result, h('p', { class: 'error', id: 'import-refused' }, explain(e)));
    }
  }

  function summary(s) {
    return t('imports.summary', { pc: s.projects.create, pu: s.projects.update, pn: s.projects.unchanged,
      oc: s.obligations.create, ou: s.obligations.update, on: s.obligations.unchanged });
  }

  function showPlan(dry, chosen) {
    const s = dry.summary;
    const nothing = s.projects.create + s.projects.update + s.obligations.create + s.obligations.update === 0;
    const rows = dry.changes.map(c => h('tr', { class: `import-change action-${c.action}` },
      h('td', {}, t(`imports.${c.action}`)), h('td', {}, c.code), h('td', {}, c.title || c.name || ''),
      h('td', {}, (c.fields || []).map(f => `${en ? f.labelEn : f.label}: ${show(f.field, f.before)} → ${show(f.field, f.after)}`)
        .join(en ? '; ' : '；'))));
    const commit = h('button', { type: 'button', id: 'import-commit', hidden: nothing }, t('imports.commit'));
    const discard = h('button', { type: 'button', class: 'secondary', id: 'import-discard' }, t('imports.discard'));
    commit.addEventListener('click', async () => {
      commit.disabled = true;
      try {
        const done = await step(id => api.upload(`/api/imports/${dry.id}/commit?upload=${id}`, chosen));
        const d = done.summary;
        fill(result, h('p', { class: 'ok', id: 'import-done' }, t('imports.done', { pc: d.projects.create, pu: d.projects.update,
          oc: d.obligations.create, ou: d.obligations.update })), h('p', {}, h('a', { href: '#/battle' }, t('imports.toBattle'))));
        file.value = '';
      } catch (e) {
        commit.disabled = false;
        showRefusal(e);
      }
    });
    discard.addEventListener('click', () => { fill(result); file.value = ''; progress.textContent = ''; });
    fill(result,
      h('p', { id: 'import-summary' }, nothing ? t('imports.nothing') : summary(s)),
      rows.length ? h('div', { class: 'scroll' }, table(['imports.action', 'imports.code', 'imports.what', 'imports.fields'], rows)) : null,
      dry.changes.length >= 500 ? h('p', { class: 'muted' }, t('imports.listed', { n: 500 })) : null,
      h('div', { class: 'actions' }, commit, discard));
  }

  // exports: the battle map and 绩效考核 of a period chosen here
  const period = { value: today().slice(0, 4) };
  const lang = en ? '&lang=en' : '';
  const links = h('ul', { id: 'export-links' });
  function drawLinks() {
    const p = encodeURIComponent(period.value);
    fill(links,
      h('li', {}, h('a', { href: `/api/exports/projects?period=${p}${lang}`, id: 'export-projects', download: '' }, t('exports.projects'))),
      h('li', {}, h('a', { href: `/api/exports/departments?period=${p}${lang}`, id: 'export-departments', download: '' }, t('exports.departments'))));
  }
  drawLinks();

  root.replaceChildren(h('h1', {}, t('imports.title')),
    section('imports.section', h('p', { class: 'muted' }, t('imports.intro')),
      h('p', {}, h('a', { href: `/api/imports/template${en ? '?lang=en' : ''}`, id: 'import-template', download: '' }, t('imports.template'))),
      h('div', { class: 'actions' }, h('label', {}, `${t('imports.file')} `, file), check, cancel), progress, result),
    section('exports.title', h('p', { class: 'muted' }, t('exports.hint')),
      h('label', {}, `${t('period.title')} `, periodPicker(period, drawLinks)), links));
  return stop;
}

/** A value as the page's language says it: stages, levels and tracks by name, lists joined, yes / no. */
function show(field, v) {
  if (v === null || v === undefined || v === '') return '—';
  if (['stage', 'level', 'track'].includes(field)) return t(`${field}.${v}`);
  if (typeof v === 'boolean') return t(v ? 'common.yes' : 'common.no');
  return Array.isArray(v) ? (v.length ? v.join(language() === 'en' ? ', ' : '、') : '—') : String(v);
}
