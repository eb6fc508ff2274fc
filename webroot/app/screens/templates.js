// 事项模板: the track templates, one per type of project (工业, 房地产与园区开发, 交通物流, 总部与楼宇经济 …).
// Everyone in the office reads them; an administrator copies one, edits its steps (each save a new
// version, checked by the server as at start-up) and sees its versions. A project keeps the
// version it was built with.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { h, section, fill, table, busy, banner, explain, showErrors, clearErrors, field, time } from '../ui.js';
import { meta, name } from '../meta.js';

export async function render(root, { user }) {
  const vocabulary = await meta();
  const admin = !!user.may?.MANAGE_TEMPLATES;
  let departments = await api.get('/api/departments');
  const listEl = h('div', { id: 'template-list' });
  const viewEl = h('div', { id: 'template-view' });
  const editEl = h('div', { id: 'template-edit' });

  async function load() {
    const templates = await api.get('/api/templates');
    fill(listEl, table(['templates.name', 'templates.key', 'templates.version', 'templates.steps', 'templates.updated', 'table.actions'],
      templates.map(x => h('tr', { dataset: { template: x.key } },
        h('td', {}, h('strong', {}, name(x.name))), h('td', {}, x.key), h('td', { class: 'num' }, `v${x.version}`),
        h('td', { class: 'num' }, String(x.items)), h('td', {}, x.updatedAt ? `${time(x.updatedAt)} · ${x.updatedBy ?? ''}` : '—'),
        h('td', {}, h('button', { type: 'button', class: 'secondary small', dataset: { view: x.key }, onclick: () => view(x.key) }, t('templates.view')),
          admin ? [' ', h('button', { type: 'button', class: 'secondary small', dataset: { edit: x.key }, onclick: () => edit(x, false) }, t('common.edit')),
            ' ', h('button', { type: 'button', class: 'secondary small', dataset: { copy: x.key }, onclick: () => edit(x, true) }, t('templates.copy'))] : null)))));
  }

  const departmentName = id => departments.find(d => d.id === id)?.name ?? id;
  const kindName = key => { const k = vocabulary.kinds.find(x => x.key === key); return k ? name(k) : key; };

  async function view(key, version) {
    const x = await api.get(`/api/templates/${key}${version ? `?version=${version}` : ''}`);
    fill(viewEl, section('templates.steps', h('h3', {}, `${name(x.name)} · v${x.version}`), x.about ? h('p', { class: 'muted' }, x.about) : null,
      h('p', { class: 'muted', id: 'template-versions' }, t('templates.versions'), ' ', x.versions.map(v => h('button', { type: 'button', class: 'link',
        onclick: () => view(key, v.version) }, `v${v.version}`))),
      h('div', { class: 'scroll' }, table(['templates.itemKey', 'table.title', 'project.timeline', 'work.kind', 'table.department', 'work.duration', 'work.dependsOn'],
        x.steps.map(s => h('tr', { dataset: { step: s.key } }, h('td', {}, s.key), h('td', {}, s.title), h('td', {}, t(`track.${s.track}`)),
          h('td', {}, kindName(s.kind)), h('td', {}, departmentName(s.departmentId)), h('td', { class: 'num' }, String(s.durationDays)),
          h('td', {}, s.dependsOn.join(t('common.listSeparator')) || '—')))))));
    viewEl.scrollIntoView({ block: 'start' });
  }

  /** The editor: a template's names and steps; {@code copy} saves it under a new key as version 1. */
  async function edit(summary, copy) {
    departments = await api.get('/api/departments');
    const x = await api.get(`/api/templates/${summary.key}`);
    const key = h('input', { type: 'text', name: 'key', maxlength: 40, value: copy ? `${x.key}-copy` : x.key, disabled: !copy, pattern: '[a-z0-9-]+' });
    const zh = h('input', { type: 'text', name: 'name.zh', maxlength: 100, value: copy ? `${x.name.zh}${t('templates.copySuffix')}` : x.name.zh });
    const en = h('input', { type: 'text', name: 'name.en', maxlength: 100, value: copy ? `${x.name.en} (copy)` : x.name.en });
    const about = h('textarea', { name: 'about', rows: 2, maxlength: 2000 }, x.about ?? '');
    const rows = h('tbody', { id: 'template-items' });
    const addRow = step => rows.append(stepRow(step, rows.children.length));
    x.steps.forEach(addRow);
    const save = h('button', { type: 'submit', id: 'template-save' }, t('action.save'));
    const form = h('form', { class: 'grid-form', id: 'template-form', novalidate: true },
      field('templates.key', key), field('templates.nameZh', zh), field('templates.nameEn', en),
      h('div', { class: 'field wide', dataset: { field: 'about' } }, h('label', {}, t('templates.about')), about),
      h('div', { class: 'wide' }, h('div', { class: 'field-error error', role: 'alert', dataset: { errorFor: 'items' } }),
        h('div', { class: 'scroll' }, h('table', { class: 'grid stack', id: 'template-items-table' },
          h('thead', {}, h('tr', {}, ['templates.itemKey', 'table.title', 'project.timeline', 'work.kind', 'table.department', 'work.duration',
            'work.dependsOn', 'table.actions'].map(k => h('th', { scope: 'col' }, t(k))))), rows)),
        h('button', { type: 'button', class: 'secondary', id: 'template-add-step', onclick: () => addRow(null) }, t('templates.addStep'))),
      h('p', { class: 'muted wide' }, t(copy ? 'templates.copyHint' : 'templates.editHint', { version: x.version + 1 })),
      h('div', { class: 'row wide' }, save, h('button', { type: 'button', class: 'secondary', onclick: () => editEl.replaceChildren() }, t('action.cancel'))));
    form.addEventListener('submit', e => {
      e.preventDefault();
      busy(save, async () => {
        const body = { name: { zh: zh.value.trim(), en: en.value.trim() }, about: about.value.trim() || null,
          items: [...rows.children].map(readRow) };
        try {
          const saved = copy ? await api.post('/api/templates', { key: key.value.trim(), ...body })
            : await api.put(`/api/templates/${x.key}`, { version: x.version, ...body });
          clearErrors(form);
          banner(t('templates.saved', { name: name(saved.name), version: saved.version }), 'info');
          editEl.replaceChildren();
          await load();
          await view(saved.key);
        } catch (err) {
          if (err.status === 409) banner(explain(err)); else showErrors(form, err);
        }
      });
    });
    fill(editEl, section(copy ? 'templates.copyTitle' : 'templates.editTitle', h('h3', {}, `${name(x.name)} · v${x.version}`), form));
    editEl.scrollIntoView({ block: 'start' });
  }

  function stepRow(step, i) {
    const LABELS = { key: 'templates.itemKey', title: 'table.title', track: 'project.timeline', kind: 'work.kind', departmentId: 'table.department',
      durationDays: 'work.duration', dependsOn: 'work.dependsOn' };
    const slot = (n, el) => h('td', { dataset: { label: t(LABELS[n]) } }, el,
      h('div', { class: 'field-error error', dataset: { errorFor: `items[${i}].${n}` } }));
    const groups = vocabulary.levels.map(l => h('optgroup', { label: name(l) },
      departments.filter(d => d.level === l.key).map(d => h('option', { value: d.id, selected: d.id === step?.departmentId }, d.name))));
    const select = (n, terms, value) => {
      const el = h('select', { name: n, 'aria-label': t(n === 'track' ? 'project.timeline' : 'work.kind') }, terms.map(x => h('option', { value: x.key }, name(x))));
      el.value = value;
      return el;
    };
    const tr = h('tr', { dataset: { row: String(i) } },
      slot('key', h('input', { type: 'text', name: 'key', value: step?.key ?? `s${i + 1}`, maxlength: 40, size: 5, 'aria-label': t('templates.itemKey') })),
      slot('title', h('input', { type: 'text', name: 'title', value: step?.title ?? '', maxlength: 200, 'aria-label': t('table.title') })),
      slot('track', select('track', vocabulary.tracks.filter(x => x.key !== 'need'), step?.track ?? 'permits')),
      slot('kind', select('kind', vocabulary.kinds, step?.kind ?? 'approval')),
      slot('departmentId', h('select', { name: 'departmentId', 'aria-label': t('table.department') }, h('option', { value: '' }, t('common.choose')), groups)),
      slot('durationDays', h('input', { type: 'number', name: 'durationDays', min: 0, max: 3650, value: step?.durationDays ?? 5, style: 'width:5rem',
        'aria-label': t('work.duration') })),
      slot('dependsOn', h('input', { type: 'text', name: 'dependsOn', value: (step?.dependsOn ?? []).join(' '), size: 10,
        'aria-label': t('work.dependsOn'), placeholder: t('templates.dependsHint') })),
      h('td', {}, h('button', { type: 'button', class: 'link', 'aria-label': t('common.remove'), title: t('common.remove'), onclick: () => tr.remove() }, '×')));
    return tr;
  }

  function readRow(tr) {
    const v = n => tr.querySelector(`[name="${n}"]`).value.trim();
    return { key: v('key'), title: v('title'), track: v('track'), kind: v('kind'), departmentId: v('departmentId'),
      durationDays: Number(v('durationDays')), dependsOn: v('dependsOn').split(/[\s,，、]+/).filter(Boolean) };
  }

  fill(root, h('h1', {}, t('templates.title')), h('p', { class: 'muted' }, t(admin ? 'templates.aboutAdmin' : 'templates.aboutRead')),
    section('templates.title', h('div', { class: 'scroll' }, listEl)), editEl, viewEl);
  await load();
  return () => {};
}
