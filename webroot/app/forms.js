// The service office's forms: a project (register and edit). Every save sends the version it
// started from; a 409 shows what changed meanwhile and lets the person re-apply on the new one.
import { api } from './api.js';
import { t } from './i18n.js';
import { h, field, showErrors, clearErrors, confirmation, busy, picker, picked } from './ui.js';
import { meta, name } from './meta.js';

const TEXT = ['code', 'name', 'company', 'description'];
const NUMBER = ['investmentYi', 'landMu'];
const DATES = ['signedOn', 'targetStartOn', 'targetCompleteOn', 'startedOn'];
/** Each field's label, to say what changed in a person's words. */
const LABELS = { code: 'project.code', name: 'project.name', company: 'project.company', description: 'project.description',
  investmentYi: 'table.investment', landMu: 'project.land', level: 'table.level', stage: 'table.stage', new: 'project.new',
  signedOn: 'project.signedOn', targetStartOn: 'project.targetStartOn', targetCompleteOn: 'project.targetCompleteOn',
  startedOn: 'project.startedOn', champions: 'table.champions', championIds: 'table.champions', liaison: 'project.liaison', liaisonId: 'project.liaison' };

/** People as picker groups, by department; {@code role} keeps only those who hold it. */
export function peopleGroups(people, role) {
  const groups = new Map();
  for (const p of people.filter(p => !role || p.roles.includes(role))) {
    const g = p.departmentName || t('common.noDepartment');
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g).push({ value: p.id, label: p.displayName });
  }
  return [...groups].map(([label, options]) => ({ label, options }));
}

/** Departments as picker groups, by level. */
export function departmentGroups(departments, vocabulary) {
  return vocabulary.levels.map(l => ({ label: name(l),
    options: departments.filter(d => d.level === l.key).map(d => ({ value: d.id, label: d.name })) }))
    .filter(g => g.options.length);
}

/** The project form; {@code project} null registers a new one. Resolves on save with the saved project. */
export async function projectForm(project, onSaved) {
  const [vocabulary, people] = await Promise.all([meta(), api.get('/api/people')]);
  const inputs = {};
  const text = (n, attrs = {}) => (inputs[n] = h('input', { type: 'text', name: n, value: project?.[n] ?? '', ...attrs }));
  const number = n => (inputs[n] = h('input', { type: 'number', name: n, step: 'any', min: 0, value: project?.[n] ?? '' }));
  const date = n => (inputs[n] = h('input', { type: 'date', name: n, value: project?.[n] ?? '' }));
  const choice = (n, terms) => {
    inputs[n] = h('select', { name: n }, h('option', { value: '' }, t('common.choose')),
      terms.map(x => h('option', { value: x.key }, name(x))));
    inputs[n].value = project?.[n] ?? '';
    return inputs[n];
  };
  const isNew = h('input', { type: 'checkbox', name: 'new', checked: project ? project.new !== false : true });
  const champions = picker('championIds', peopleGroups(people, 'leader'), { multiple: true, labelKey: 'table.champions',
    value: (project?.champions || []).map(c => c.id), refresh: async () => peopleGroups(await api.get('/api/people'), 'leader') });
  const liaison = picker('liaisonId', peopleGroups(people), { value: project?.liaison?.id ?? null, placeholderKey: 'project.noLiaison', labelKey: 'project.liaison',
    refresh: async () => peopleGroups(await api.get('/api/people')) });

  const form = h('form', { class: 'grid-form', id: project ? 'project-edit' : 'project-new', novalidate: true },
    field('project.code', text('code', { maxlength: 40, placeholder: 'ZJHT-2026-001' })),
    field('project.name', text('name', { maxlength: 200 })),
    field('project.company', text('company', { maxlength: 200 })),
    field('table.investment', number('investmentYi')),
    field('project.land', number('landMu')),
    field('table.level', choice('level', vocabulary.levels)),
    field('table.stage', choice('stage', vocabulary.stages)),
    field('project.signedOn', date('signedOn')),
    field('project.targetStartOn', date('targetStartOn')),
    field('project.targetCompleteOn', date('targetCompleteOn')),
    field('project.startedOn', date('startedOn')),
    h('div', { class: 'field', dataset: { field: 'new' } }, h('label', {}, isNew, ' ', t('project.new')),
      h('div', { class: 'field-error error', dataset: { errorFor: 'new' } })),
    h('div', { class: 'field wide', dataset: { field: 'championIds' } }, h('label', {}, t('table.champions')), champions,
      h('div', { class: 'field-error error', dataset: { errorFor: 'championIds' } })),
    h('div', { class: 'field wide', dataset: { field: 'liaisonId' } }, h('label', {}, t('project.liaison')), liaison,
      h('div', { class: 'field-error error', dataset: { errorFor: 'liaisonId' } })),
    h('div', { class: 'field wide', dataset: { field: 'description' } }, h('label', {}, t('project.description')),
      (inputs.description = h('textarea', { name: 'description', rows: 2, maxlength: 2000 }, project?.description ?? '')),
      h('div', { class: 'field-error error', dataset: { errorFor: 'description' } })));
  const conflict = h('div', { class: 'conflict wide', role: 'alert', hidden: true, id: 'project-conflict' });
  const save = h('button', { type: 'submit', id: 'project-save' }, project ? t('action.save') : t('project.register'));
  form.append(conflict, h('div', { class: 'row wide' }, save));
  let version = project?.version;

  /** What the person entered, as the API takes it; on an edit only what differs from what they started from. */
  function values() {
    const out = {};
    for (const n of TEXT) { const v = inputs[n].value.trim(); if (!project || v !== (project[n] ?? '')) out[n] = v === '' ? (project ? null : undefined) : v; }
    for (const n of NUMBER) { const v = inputs[n].value; if (!project || String(project[n] ?? '') !== v) out[n] = v === '' ? (project ? null : undefined) : Number(v); }
    for (const n of DATES) { const v = inputs[n].value; if (!project || (project[n] ?? '') !== v) out[n] = v === '' ? (project ? null : undefined) : v; }
    for (const n of ['level', 'stage']) { const v = inputs[n].value; if (!project || project[n] !== v) out[n] = v || undefined; }
    if (!project || (project.new !== false) !== isNew.checked) out.new = isNew.checked;
    const chosen = picked(champions);
    if (!project || JSON.stringify(chosen.sort()) !== JSON.stringify((project.champions || []).map(c => c.id).sort())) out.championIds = chosen;
    const l = picked(liaison)[0] ?? null;
    if ((project?.liaison?.id ?? null) !== l) out.liaisonId = l;
    for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
    if (project && out.description === null && !project.description) delete out.description;
    return out;
  }

  async function submit(body = values()) {
    try {
      const saved = project
        ? await api.patch(`/api/projects/${project.id}`, { version, ...body, ...confirmation(form) })
        : await api.post('/api/projects', { ...body, ...confirmation(form) }, { 'Idempotency-Key': form.dataset.key || (form.dataset.key = crypto.randomUUID()) });
      conflict.hidden = true;
      clearErrors(form);
      onSaved(saved);
    } catch (e) {
      if (e.status === 409 && e.body.current) return showConflict(e.body.current, body);
      if (e.status) delete form.dataset.key;   // refused: the next try is a new request
      showErrors(form, e);
    }
  }

  /** Someone saved first: say what they changed, keep what this person typed, offer to apply it on top. */
  function showConflict(current, mine) {
    const shown = v => Array.isArray(v) ? v.map(x => x.displayName ?? x).join('、') : (v && typeof v === 'object' ? v.displayName ?? v.id : v);
    // people compare by who they are, the rest by value
    const same = v => Array.isArray(v) ? v.map(x => x.id ?? x).sort().join() : (v && typeof v === 'object' ? v.id : v ?? null);
    const fields = [...TEXT, ...NUMBER, ...DATES, 'level', 'stage', 'new', 'champions', 'liaison'];
    const changed = fields.filter(k => k in current && same(current[k]) !== same(project[k]));
    conflict.replaceChildren(h('p', {}, t('conflict.project')),
      h('ul', {}, changed.map(k => h('li', {}, `${t(LABELS[k])}: ${shown(project[k]) ?? '—'} → ${shown(current[k]) ?? '—'}`))),
      h('p', { class: 'muted' }, `${t('conflict.yours')}: ${Object.keys(mine).filter(k => k !== 'version').map(k => t(LABELS[k] || k)).join('、')}`),
      h('button', { type: 'button', id: 'reapply', onclick: () => {
        // on the new version: their changes stand, this person's edit goes on top of them
        version = current.version;
        Object.assign(project, current);
        for (const k of [...TEXT, ...NUMBER, ...DATES, 'level', 'stage']) if (!(k in mine) && inputs[k]) inputs[k].value = current[k] ?? '';
        busy(conflict.querySelector('#reapply'), () => submit(mine));
      } }, t('conflict.reapply')));
    conflict.hidden = false;
  }

  form.addEventListener('submit', e => { e.preventDefault(); busy(save, submit); });
  return form;
}
