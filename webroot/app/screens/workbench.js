// The service office's workbench on a project page: tracks from a template, obligations added,
// edited and removed, dependencies picked two at a time, and a what-if on the target start and
// the durations, previewed on the server before anything is saved. Built once per page: the
// page's live redraws only refresh the pickers' choices (keeping what is chosen) and the facts
// the forms started from, so what a person is typing survives every event.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { h, field, showErrors, clearErrors, confirmation, busy, banner, explain, picker, picked, options, fill, light, table } from '../ui.js';
import { name } from '../meta.js';
import { debounce } from '../live.js';
import { departmentGroups } from '../forms.js';

/** Obligations as picker groups, by track. */
function obligationGroups(items, vocabulary, except = null) {
  return vocabulary.tracks.map(tr => ({ label: name(tr),
    options: items.filter(o => o.track === tr.key && o.id !== except).map(o => ({ value: o.id, label: `${o.title}（${o.departmentName}）` })) }))
    .filter(g => g.options.length);
}

export async function workbench(projectId, vocabulary, redraw) {
  const templates = await api.get('/api/templates');
  let project = null;
  let items = [];

  // 1. tracks from a template
  const templateOption = x => h('option', { value: x.key }, `${name(x.name)} · v${x.version} · ${t('work.steps', { n: x.items })}`);
  const templateSelect = h('select', { id: 'template-select', name: 'template' }, templates.map(templateOption));
  // a template an administrator added or edited since: the choices are read again when the person comes to them
  templateSelect.addEventListener('focus', async () => {
    const chosen = templateSelect.value;
    try { fill(templateSelect, (await api.get('/api/templates')).map(templateOption)); templateSelect.value = chosen; } catch (e) { console.warn(e); }
  });
  const builtFrom = h('p', { class: 'muted', id: 'template-built-from' });
  const generate = h('button', { type: 'submit', id: 'template-apply' }, t('work.generate'));
  const templateForm = h('form', { class: 'inline', id: 'template-form' },
    h('label', { for: 'template-select' }, t('work.templateChoose')), templateSelect, generate);
  templateForm.addEventListener('submit', e => {
    e.preventDefault();
    busy(generate, async () => {
      const send = onlyMissing => api.post(`/api/projects/${projectId}/tracks`, { template: templateSelect.value, onlyMissing },
        { 'Idempotency-Key': crypto.randomUUID() });
      try {
        let r;
        try {
          r = await send(false);
        } catch (err) {
          // the tracks are built already: ask before adding the template's missing steps
          const built = err.status === 409 ? err.body.current : null;
          if (!built) throw err;
          if (!built.missing) return banner(t('work.nothingMissing', { n: built.existing }), 'info');
          if (!confirm(t('work.onlyMissing', { n: built.existing, m: built.missing }))) return;
          r = await send(true);
        }
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
  let departments = await api.get('/api/departments');
  const department = picker('departmentId', departmentGroups(departments, vocabulary), { id: 'obligation-department', labelKey: 'table.department',
    refresh: async () => departmentGroups(departments = await api.get('/api/departments'), vocabulary) });
  const dependsOn = picker('dependsOn', [], { multiple: true, id: 'obligation-depends', labelKey: 'work.dependsOn' });
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
        if (editing) await api.patch(`/api/obligations/${editing.id}`, { version: editing.version, ...body, ...confirmation(obligationForm) });
        else await api.post('/api/obligations', { ...body, ...confirmation(obligationForm) }, { 'Idempotency-Key': crypto.randomUUID() });
        clearErrors(obligationForm);
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

  // 3. a dependency: pick the obligation and the one it must wait for (in this project, or found in another)
  const after = picker('after', [], { id: 'dependency-after', labelKey: 'work.after' });
  const before = picker('dependsOn', [], { id: 'dependency-before', labelKey: 'work.before' });
  const elsewhere = h('input', { type: 'search', id: 'dependency-search', maxlength: 100, placeholder: t('work.searchOther'),
    'aria-label': t('work.searchOther') });
  let found = [];   // steps of other projects the search found, offered in the picker beside this project's
  const beforeGroups = () => [...obligationGroups(items, vocabulary, picked(after)[0]),
    ...(found.length ? [{ label: t('work.otherProjects'), options: found.map(o => ({ value: o.id, label: `${o.title}（${o.projectName} · ${o.departmentName}）` })) }] : [])];
  const search = debounce(async () => {
    const q = elsewhere.value.trim();
    found = q.length < 2 ? [] : (await api.get(`/api/obligations?q=${encodeURIComponent(q)}&limit=20`)).items.filter(o => o.projectId !== projectId);
    options(before, beforeGroups());
    if (found.length && !picked(before).length) before.select.focus();
  }, 300);
  elsewhere.addEventListener('input', () => search());
  const addDependency = h('button', { type: 'submit', id: 'dependency-add' }, t('work.addDependency'));
  const dependencyForm = h('form', { class: 'grid-form', id: 'dependency-form', novalidate: true },
    slot('after', after, 'work.after'), slot('dependsOn', h('div', {}, before, h('div', { class: 'muted hint' }, t('work.otherHint')), elsewhere), 'work.before'),
    h('div', { class: 'row wide' }, addDependency));
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
        elsewhere.value = '';
        found = [];
        options(before, beforeGroups(), []);
        await redraw();
      } catch (err) { showErrors(dependencyForm, err); }
    });
  });
  after.select.addEventListener('change', () => options(before, beforeGroups()));

  // 4. what if: another target start, other durations; previewed, then saved
  const target = h('input', { type: 'date', name: 'targetStartOn', id: 'whatif-target' });
  const durationOf = picker('obligation', [], { id: 'whatif-obligation', labelKey: 'table.title' });
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
      moved.length ? table(['table.title', 'schedule.latestStart', 'schedule.float', 'schedule.critical'], moved.map(o => {
        const was = now.items.find(x => x.id === o.id);
        return h('tr', { class: o.critical ? 'critical' : '' }, h('td', {}, o.title), h('td', { class: 'num' }, `${was.latestStart} → ${o.latestStart}`),
          h('td', { class: 'num' }, `${was.totalFloat} → ${o.totalFloat}`), h('td', {}, o.critical ? '✓' : ''));
      })) : null);
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
      if (body.targetStartOn) offerReplan(body.targetStartOn);
    } catch (err) {
      // someone changed the project or an obligation after the preview: preview again on theirs
      banner(err.status === 409 ? t('conflict.title') : explain(err));
      await redraw();
    }
  }));

  // 5. 倒排序时: new due dates for the open steps back from the target start, previewed, then applied
  const replanTarget = h('input', { type: 'date', name: 'targetStartOn', id: 'replan-target' });
  const replanPreview = h('button', { type: 'submit', id: 'replan-preview' }, t('work.preview'));
  const replanApply = h('button', { type: 'button', id: 'replan-apply', hidden: true }, t('replan.apply'));
  const replanEl = h('div', { id: 'replan-result', 'aria-live': 'polite' });
  const replanForm = h('form', { class: 'grid-form', id: 'replan-form', novalidate: true },
    field('replan.target', replanTarget, 'replan.hint'), h('div', { class: 'row wide' }, replanPreview, replanApply),
    h('div', { class: 'wide' }, replanEl));
  let replanTouched = false;
  replanTarget.addEventListener('input', () => { replanTouched = true; replanApply.hidden = true; });
  replanForm.addEventListener('submit', e => { e.preventDefault(); busy(replanPreview, () => previewReplan()); });

  async function previewReplan() {
    try {
      const proposal = await api.post(`/api/projects/${projectId}/replan`, replanTarget.value ? { targetStartOn: replanTarget.value } : {});
      clearErrors(replanForm);
      drawReplan(proposal);
      replanApply.hidden = proposal.moved === 0 && proposal.targetStartOn === proposal.currentTargetStartOn;
    } catch (err) { replanApply.hidden = true; showErrors(replanForm, err); }
  }

  function drawReplan(r) {
    const later = r.feasible ? null : h('p', { class: 'error', id: 'replan-slip' },
      t('replan.infeasible', { target: r.targetStartOn, start: r.projectedStartOn, n: r.slipWorkdays }), ' ',
      h('button', { type: 'button', class: 'secondary small', id: 'replan-from-projected', onclick: () => {
        replanTarget.value = r.projectedStartOn;
        replanTouched = true;
        busy(replanPreview, () => previewReplan());
      } }, t('replan.fromProjected', { date: r.projectedStartOn })));
    fill(replanEl, h('h3', {}, t('work.previewNote')),
      h('p', { id: 'replan-summary' }, t('replan.summary', { target: r.targetStartOn, moved: r.moved, before: r.lateBefore, after: r.lateAfter }),
        ' · ', `${t('schedule.projected')} ${r.projectedStartOn ?? '—'}`),
      later,
      r.items.length ? h('div', { class: 'scroll', id: 'replan-items' }, table(['table.light', 'table.title', 'table.department', 'replan.dueNow',
        'replan.dueNew', 'schedule.earliestFinish'], r.items.map(o => h('tr', { class: o.critical ? 'critical' : '', dataset: { obligation: o.id, flag: o.flag } },
        h('td', {}, light(o.flag === 'done' ? 'green' : o.flag), ' ', t(`flag.${o.flag}`)),
        h('td', {}, o.title), h('td', {}, o.departmentName), h('td', {}, o.dueOn), h('td', {}, h('strong', {}, o.newDueOn)),
        h('td', {}, o.earliestFinish))))) : h('p', { class: 'muted' }, t('work.noChange')));
  }

  replanApply.addEventListener('click', () => busy(replanApply, async () => {
    try {
      const body = { apply: true, version: project.version };
      if (replanTarget.value) body.targetStartOn = replanTarget.value;
      const r = await api.post(`/api/projects/${projectId}/replan`, body);
      banner(t('replan.applied', { n: r.moved, target: r.targetStartOn }), 'info');
      replanApply.hidden = true;
      replanTouched = false;
      replanEl.replaceChildren();
      await redraw();
    } catch (err) {
      banner(err.status === 409 ? t('conflict.title') : explain(err));
      await redraw();
    }
  }));

  /** The target start changed: the re-plan opens on it, previewed. */
  function offerReplan(targetStartOn) {
    const box = element.querySelector('#workbench-replan');
    box.open = true;
    replanTarget.value = targetStartOn;
    replanTouched = false;
    box.scrollIntoView({ block: 'start' });
    busy(replanPreview, () => previewReplan());
  }

  const element = h('section', { class: 'card', id: 'workbench' }, h('h2', {}, t('work.title')),
    h('details', { id: 'workbench-template' }, h('summary', {}, t('work.template')), h('p', { class: 'muted' }, t('work.templateHint')), builtFrom,
      templateForm),
    h('details', { id: 'workbench-obligation' }, h('summary', {}, t('work.addObligation')), obligationTitle, obligationForm),
    h('details', { id: 'workbench-dependency' }, h('summary', {}, t('work.dependency')), dependencyForm),
    h('details', { id: 'workbench-whatif', open: true }, h('summary', {}, t('work.whatIf')), whatIfForm),
    h('details', { id: 'workbench-replan' }, h('summary', {}, t('replan.title')), h('p', { class: 'muted' }, t('replan.about')), replanForm));

  let first = true;
  return {
    element,
    /** The page drew fresh data: the pickers follow it; what is typed and chosen stays. */
    update(p, list, plan) {
      project = p;
      items = list;
      if (!targetTouched) target.value = p.targetStartOn || '';
      if (!replanTouched) replanTarget.value = p.targetStartOn || '';
      builtFrom.textContent = p.templateKey ? t('work.builtFrom', { key: p.templateKey, version: p.templateVersion }) : '';
      if (!editing) options(dependsOn, obligationGroups(items, vocabulary));
      options(after, obligationGroups(items, vocabulary));
      options(before, beforeGroups());
      options(durationOf, obligationGroups(items.filter(o => o.status !== 'done'), vocabulary));
      if (first) element.querySelector('#workbench-template').open = items.length === 0;
      first = false;
      drawDurations();
    },
    editObligation(o) {
      element.querySelector('#workbench-obligation').open = true;
      editObligation(o);
    },
    offerReplan,
  };
}
