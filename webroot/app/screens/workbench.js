// The service office's workbench on a project page: tracks from a template, obligations added,
// edited and removed, dependencies picked two at a time, and a what-if on the target start and
// the durations, previewed on the server before anything is saved. Built once per page: the
// page's live redraws only refresh the pickers' choices (keeping what is chosen) and the facts
// the forms started from, so what a person is typing survives every event.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { h, field, showErrors, clearErrors, busy, banner, explain, picker, picked, options, fill } from '../ui.js';
import { name } from '../meta.js';
import { departmentGroups } from '../forms.js';

/** Obligations as picker groups, by track. */
function obligationGroups(items, vocabulary, except = null) {
  return vocabulary.tracks.map(tr => ({ label: name(tr),
    options: items.filter(o => o.track === tr.key && o.id !== except).map(o => ({ value: o.id, label: `${o.title}（${o.departmentName}）` })) }))
    .filter(g => g.options.length);
}

export async function workbench(projectId, vocabulary, redraw) {
  const [templates, departments] = await Promise.all([api.get('/api/templates'), api.get('/api/departments')]);
  let project = null;
  let items = [];

  // 1. tracks from a template
  const templateSelect = h('select', { id: 'template-select', name: 'template' },
    templates.map(x => h('option', { value: x.key }, `${name(x.name)} · ${x.items}`)));
  const generate = h('button', { type: 'submit', id: 'template-apply' }, t('work.generate'));
  const templateForm = h('form', { class: 'inline', id: 'template-form' },
    h('label', { for: 'template-select' }, t('work.templateChoose')), templateSelect, generate);
  templateForm.addEventListener('submit', e => {
    e.preventDefault();
    busy(generate, async () => {
      try {
        const r = await api.post(`/api/projects/${projectId}/tracks`, { template: templateSelect.value },
          { 'Idempotency-Key': crypto.randomUUID() });
        banner(t('work.generated', { n: r.created }), 'info');
        await redraw();
      } catch (err) { banner(explain(err)); }
    });
  });

  // 2. one obligation: add, or edit the one chosen in the table
  const inputs = {
    title: h('input', { type: 'text', name: 'title', maxlength: 200 }),
    dueOn: h('input', { type: 'date', name: 'dueOn' }),
    durationDays: h('input', { type: 'number', name: 'durationDays', min: 0, max: 3650, step: 1 }),
    track: h('select', { name: 'track' }, vocabulary.tracks.map(x => h('option', { value: x.key }, name(x)))),
    kind: h('select', { name: 'kind' }, vocabulary.kinds.map(x => h('option', { value: x.key }, name(x)))),
  };
  inputs.kind.value = 'approval';
  const department = picker('departmentId', departmentGroups(departments, vocabulary), { id: 'obligation-department' });
  const dependsOn = picker('dependsOn', [], { multiple: true, id: 'obligation-depends' });
  let editing = null;
  const obligationTitle = h('h3', {}, t('work.addObligation'));
  const saveObligation = h('button', { type: 'submit', id: 'obligation-save' }, t('action.save'));
  const cancelEdit = h('button', { type: 'button', class: 'secondary', hidden: true, onclick: () => startAdding() }, t('action.cancel'));
  const obligationConflict = h('div', { class: 'conflict', role: 'alert', hidden: true });
  const slot = (n, el, labelKey) => h('div', { class: 'field', dataset: { field: n } }, h('label', {}, t(labelKey)), el,
    h('div', { class: 'field-error error', role: 'alert', dataset: { errorFor: n } }));
  const dependsField = slot('dependsOn', dependsOn, 'work.dependsOn');
  const obligationForm = h('form', { class: 'grid-form', id: 'obligation-form', novalidate: true },
    field('table.title', inputs.title), slot('departmentId', department, 'table.department'),
    field('project.timeline', inputs.track), field('work.kind', inputs.kind),
    field('table.due', inputs.dueOn), field('work.duration', inputs.durationDays), dependsField,
    obligationConflict, h('div', { class: 'row wide' }, saveObligation, cancelEdit));

  function startAdding() {
    editing = null;
    obligationForm.reset();
    options(department, departmentGroups(departments, vocabulary), []);
    options(dependsOn, obligationGroups(items, vocabulary), []);
    inputs.kind.value = 'approval';
    obligationTitle.textContent = t('work.addObligation');
    dependsField.hidden = false;
    cancelEdit.hidden = true;
    obligationConflict.hidden = true;
  }

  function editObligation(o) {
    editing = o;
    inputs.title.value = o.title;
    inputs.dueOn.value = o.dueOn || '';
    inputs.durationDays.value = o.durationDays ?? '';
    inputs.track.value = o.track;
    inputs.kind.value = o.kind;
    options(department, departmentGroups(departments, vocabulary), [o.departmentId]);
    obligationTitle.textContent = `${t('work.editObligation')}：${o.title}`;
    dependsField.hidden = true;   // dependencies are edited two at a time below
    cancelEdit.hidden = false;
    obligationConflict.hidden = true;
    obligationForm.scrollIntoView({ block: 'center' });
    inputs.title.focus();
  }

  function obligationValues() {
    const v = {
      title: inputs.title.value.trim(), dueOn: inputs.dueOn.value, track: inputs.track.value, kind: inputs.kind.value,
      departmentId: picked(department)[0],
      durationDays: inputs.durationDays.value === '' ? undefined : Number(inputs.durationDays.value),
    };
    if (!editing) return { projectId, ...v, dependsOn: picked(dependsOn) };
    // on an edit, only what differs from the version the form started from
    const out = {};
    for (const [k, value] of Object.entries(v)) if (value !== undefined && value !== (editing[k] ?? undefined)) out[k] = value;
    if (inputs.durationDays.value === '' && editing.durationDays != null) out.durationDays = null;
    return out;
  }

  obligationForm.addEventListener('submit', e => {
    e.preventDefault();
    busy(saveObligation, async () => {
      const body = obligationValues();
      for (const k of Object.keys(body)) if (body[k] === '' || body[k] === undefined) delete body[k];
      try {
        if (editing) await api.patch(`/api/obligations/${editing.id}`, { version: editing.version, ...body });
        else await api.post('/api/obligations', body, { 'Idempotency-Key': crypto.randomUUID() });
        banner(t('common.saved'), 'info');
        startAdding();
        await redraw();
      } catch (err) {
        if (err.status === 409 && err.body.current) {
          const now = err.body.current;
          obligationConflict.replaceChildren(h('p', {}, t('conflict.title')),
            h('p', { class: 'muted' }, `${now.title} · ${now.departmentName} · ${now.dueOn} · ${now.durationDays ?? '—'} · v${now.version}`),
            h('button', { type: 'button', id: 'obligation-reapply', onclick: () => { editing = now; obligationConflict.hidden = true;
              obligationForm.requestSubmit(); } }, t('conflict.reapply')));
          obligationConflict.hidden = false;
        } else showErrors(obligationForm, err);
      }
    });
  });

  // 3. a dependency: pick the obligation and the one it must wait for
  const after = picker('after', [], { id: 'dependency-after' });
  const before = picker('dependsOn', [], { id: 'dependency-before' });
  const addDependency = h('button', { type: 'submit', id: 'dependency-add' }, t('work.addDependency'));
  const dependencyForm = h('form', { class: 'grid-form', id: 'dependency-form', novalidate: true },
    slot('after', after, 'work.after'), slot('dependsOn', before, 'work.before'), h('div', { class: 'row wide' }, addDependency));
  dependencyForm.addEventListener('submit', e => {
    e.preventDefault();
    busy(addDependency, async () => {
      const [a] = picked(after);
      const [b] = picked(before);
      try {
        if (!a || !b) {
          const missing = { [a ? 'dependsOn' : 'after']: t('work.pick') };
          return showErrors(dependencyForm, { body: { fields: missing, fieldsZh: missing } });
        }
        await api.post(`/api/obligations/${a}/dependencies`, { version: items.find(o => o.id === a)?.version, dependsOn: b });
        clearErrors(dependencyForm);
        options(before, obligationGroups(items, vocabulary, a), []);
        await redraw();
      } catch (err) { showErrors(dependencyForm, err); }
    });
  });
  after.select.addEventListener('change', () => options(before, obligationGroups(items, vocabulary, picked(after)[0])));

  // 4. what if: another target start, other durations; previewed, then saved
  const target = h('input', { type: 'date', name: 'targetStartOn', id: 'whatif-target' });
  const durationOf = picker('obligation', [], { id: 'whatif-obligation' });
  const days = h('input', { type: 'number', name: 'days', min: 0, max: 3650, step: 1, id: 'whatif-days', style: 'width:6rem',
    'aria-label': t('work.duration') });
  const durations = new Map();   // obligation id → working days
  const durationList = h('ul', { id: 'whatif-durations' });
  const previewEl = h('div', { id: 'whatif-result' });
  const previewButton = h('button', { type: 'submit', id: 'whatif-preview' }, t('work.preview'));
  const applyButton = h('button', { type: 'button', id: 'whatif-apply', class: 'secondary', hidden: true }, t('work.apply'));
  const whatIfForm = h('form', { class: 'grid-form', id: 'whatif-form', novalidate: true },
    field('project.targetStartOn', target),
    h('div', { class: 'field wide' }, h('label', {}, t('work.duration')), h('div', { class: 'row' }, durationOf, days,
      h('button', { type: 'button', class: 'secondary', id: 'whatif-add', onclick: () => {
        const [o] = picked(durationOf);
        if (!o || days.value === '') return;
        durations.set(o, Number(days.value));
        drawDurations();
      } }, t('common.add'))), durationList),
    h('div', { class: 'row wide' }, previewButton, applyButton), h('div', { class: 'wide' }, previewEl));
  let targetTouched = false;
  target.addEventListener('input', () => { targetTouched = true; });

  function drawDurations() {
    fill(durationList, [...durations].map(([id, n]) => {
      const o = items.find(x => x.id === id);
      return h('li', { dataset: { obligation: id } }, `${o?.title ?? id}: ${o?.durationDays ?? '—'} → ${n}`,
        h('button', { type: 'button', class: 'link', 'aria-label': t('common.remove'), onclick: () => { durations.delete(id); drawDurations(); } }, ' ×'));
    }));
  }

  function whatIfBody() {
    const body = {};
    if (target.value && target.value !== project.targetStartOn) body.targetStartOn = target.value;
    if (durations.size) body.durations = Object.fromEntries(durations);
    return body;
  }

  whatIfForm.addEventListener('submit', e => {
    e.preventDefault();
    busy(previewButton, async () => {
      const body = whatIfBody();
      try {
        const [now, then] = await Promise.all([api.get(`/api/projects/${projectId}/schedule`),
          api.post(`/api/projects/${projectId}/schedule/preview`, body)]);
        clearErrors(whatIfForm);
        drawPreview(now, then, Object.keys(body).length > 0);
        applyButton.hidden = Object.keys(body).length === 0;
      } catch (err) { showErrors(whatIfForm, err); }
    });
  });

  function drawPreview(now, then, changed) {
    const titleOf = id => then.items.find(o => o.id === id)?.title ?? id;
    const path = (ids, cls) => h('ol', { class: `path ${cls}` }, ids.map(id => h('li', { dataset: { obligation: id } }, titleOf(id))));
    const moved = then.items.filter(o => { const was = now.items.find(x => x.id === o.id); return was && (was.latestStart !== o.latestStart || was.critical !== o.critical); });
    fill(previewEl, h('h3', {}, t('work.previewNote')), changed ? null : h('p', { class: 'muted' }, t('work.noChange')),
      h('p', { id: 'whatif-projected' }, `${t('schedule.projected')}: ${now.projectedStartOn ?? '—'} → `, h('strong', {}, then.projectedStartOn ?? '—'),
        ' · ', then.slipWorkdays > 0 ? t('schedule.slip', { n: then.slipWorkdays }) : t('schedule.onTime')),
      h('div', { class: 'columns' }, h('div', {}, h('h4', {}, t('work.criticalNow')), path(now.criticalPath, 'now')),
        h('div', { id: 'whatif-critical' }, h('h4', {}, t('work.criticalThen')), path(then.criticalPath, 'then'))),
      moved.length ? h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, ['table.title', 'schedule.latestStart', 'schedule.float', 'schedule.critical']
        .map(k => h('th', { scope: 'col' }, t(k))))), h('tbody', {}, moved.map(o => {
        const was = now.items.find(x => x.id === o.id);
        return h('tr', { class: o.critical ? 'critical' : '' }, h('td', {}, o.title), h('td', {}, `${was.latestStart} → ${o.latestStart}`),
          h('td', {}, `${was.totalFloat} → ${o.totalFloat}`), h('td', {}, o.critical ? '✓' : ''));
      }))) : null);
  }

  applyButton.addEventListener('click', () => busy(applyButton, async () => {
    const body = whatIfBody();
    try {
      if (body.targetStartOn) await api.patch(`/api/projects/${projectId}`, { version: project.version, targetStartOn: body.targetStartOn });
      for (const [id, n] of durations) {
        const o = items.find(x => x.id === id);
        if (o) await api.patch(`/api/obligations/${id}`, { version: o.version, durationDays: n });
      }
      durations.clear();
      drawDurations();
      targetTouched = false;
      previewEl.replaceChildren();
      applyButton.hidden = true;
      banner(t('common.saved'), 'info');
      await redraw();
    } catch (err) {
      // someone changed the project or an obligation after the preview: preview again on theirs
      banner(err.status === 409 ? t('conflict.title') : explain(err));
      await redraw();
    }
  }));

  const element = h('section', { class: 'card', id: 'workbench' }, h('h2', {}, t('work.title')),
    h('details', { id: 'workbench-template' }, h('summary', {}, t('work.template')), h('p', { class: 'muted' }, t('work.templateHint')), templateForm),
    h('details', { id: 'workbench-obligation' }, h('summary', {}, t('work.addObligation')), obligationTitle, obligationForm),
    h('details', { id: 'workbench-dependency' }, h('summary', {}, t('work.dependency')), dependencyForm),
    h('details', { id: 'workbench-whatif', open: true }, h('summary', {}, t('work.whatIf')), whatIfForm));

  let first = true;
  return {
    element,
    /** The page drew fresh data: the pickers follow it; what is typed and chosen stays. */
    update(p, list, plan) {
      project = p;
      items = list;
      if (!targetTouched) target.value = p.targetStartOn || '';
      if (!editing) options(dependsOn, obligationGroups(items, vocabulary));
      options(after, obligationGroups(items, vocabulary));
      options(before, obligationGroups(items, vocabulary, picked(after)[0]));
      options(durationOf, obligationGroups(items.filter(o => o.status !== 'done'), vocabulary));
      if (first) element.querySelector('#workbench-template').open = items.length === 0;
      first = false;
      drawDurations();
    },
    editObligation(o) {
      element.querySelector('#workbench-obligation').open = true;
      editObligation(o);
    },
  };
}
