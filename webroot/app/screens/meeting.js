// 会办 live: agenda and the item now discussed, who is invited and present, decisions, minutes.
// The regions showing the meeting are patched from each event (keyed rows); the forms (a
// decision being typed, an agenda item, an invitation) are built once and never redrawn.
import { api } from '../api.js';
import { t, language } from '../i18n.js';
import { h, statusBadge, date, banner, explain, section, fill, keyed, time, picker, picked, options, busy, showErrors, clearErrors, field, toInstant } from '../ui.js';
import { follow, debounce } from '../live.js';
import { meta, name } from '../meta.js';
import { departmentGroups, peopleGroups } from '../forms.js';
import { sinceView } from '../since.js';

export async function render(root, { params }) {
  const vocabulary = await meta();
  const id = params[0];
  const [departments, people] = await Promise.all([api.get('/api/departments'), api.get('/api/people')]);
  let presence = { people: [], departments: [] };
  let m = null;

  const titleEl = h('h1');
  const subtitleEl = h('p', { class: 'muted', id: 'meeting-when' });
  const controlsEl = h('div', { class: 'row' });
  const agendaEl = h('ol', { class: 'agenda', id: 'agenda' });
  const invitedEl = h('ul', { class: 'people', id: 'invited' });
  const presenceEl = h('section', { class: 'card', id: 'presence' });
  const decisionsEl = h('div', { id: 'decisions' });
  const minutesEl = h('div');
  const agendaForm = agendaItemForm();
  const draftEl = h('div', { id: 'agenda-draft', hidden: true });
  const sinceEl = h('section', { class: 'card', id: 'since-previous' }, h('p', { class: 'muted' }, t('common.loading')));
  const inviteForm = invitationForm();
  const decisionBox = h('div', { id: 'decision-box' });
  const rescheduleForm = reschedule();
  let decisionForm = null;

  function drawPresence() {
    fill(presenceEl, h('h2', {}, `${t('meeting.present')} (${presence.people.length})`),
      h('ul', { class: 'people' }, presence.departments.map(d => h('li', { dataset: { department: d.departmentId } },
        h('strong', {}, d.departmentName || '—'), ': ',
        presence.people.filter(p => p.departmentId === d.departmentId).map(p => p.displayName).join(t('common.listSeparator'))))));
  }

  async function draw() {
    m = await api.get(`/api/meetings/${id}`);
    const closed = m.status === 'closed';
    const manage = m.actions.manage && !closed;
    fill(titleEl, m.title, ' ', h('span', { class: 'badge', id: 'meeting-status' }, t(`meeting.status.${m.status}`)));
    subtitleEl.textContent = `${time(m.startsAt)} · ${m.location || '—'} · ${m.projects.map(p => p.name).join(t('common.listSeparator'))}`;
    fill(controlsEl, manage && m.status === 'scheduled' ? h('button', { type: 'button', id: 'open-meeting',
      onclick: e => act(e.target, () => setStatus('open')) }, t('meeting.open')) : null,
    manage ? h('button', { type: 'button', id: 'close-meeting', class: 'secondary',
      onclick: e => act(e.target, () => setStatus('closed')) }, t('meeting.close')) : null,
    manage && m.status === 'scheduled' ? h('button', { type: 'button', id: 'reschedule-open', class: 'secondary',
      onclick: () => { rescheduleForm.hidden = !rescheduleForm.hidden; if (!rescheduleForm.hidden) rescheduleForm.fill(m); } }, t('meeting.reschedule')) : null);
    if (!(manage && m.status === 'scheduled')) rescheduleForm.hidden = true;

    keyed(agendaEl, m.agenda, item => item.id, item => agendaRow(item, manage), item =>
      `${item.title}|${item.id === m.focusItemId}|${manage}|${m.actions.chair && !closed}|${m.agenda.indexOf(item)}|${m.agenda.length}`);
    agendaForm.hidden = !manage;
    draftEl.hidden = !manage;
    // the office opens a meeting to be held and finds its agenda already drafted from the graph
    if (manage && !draftEl.firstChild) {
      draftEl.append(h('p', { class: 'muted' }, t('common.loading')));
      drawDraft().catch(e => fill(draftEl, h('p', { class: 'error' }, explain(e))));
    }
    inviteForm.hidden = !manage;
    keyed(invitedEl, [...m.invited.departments.map(d => ({ ...d, kind: 'department' })), ...m.invited.people.map(p => ({ ...p, kind: 'person' }))],
      x => x.id, x => h('li', { dataset: { invited: x.id } }, x.kind === 'department' ? h('strong', {}, x.name) : x.displayName,
        manage ? h('button', { type: 'button', class: 'link', 'aria-label': t('common.remove'), title: t('common.remove'),
          onclick: e => act(e.target, () => api.del(`/api/meetings/${id}/invitations/${x.id}`)) }, ' ×') : null), x => `${x.id}|${manage}`);
    if (!invitedEl.children.length) invitedEl.dataset.empty = t('common.none');

    keyed(decisionsEl, m.decisionList, d => d.id, d => h('div', { class: 'card', dataset: { decision: d.id } },
      h('p', {}, h('strong', {}, d.text)), h('p', { class: 'muted' }, `${t('common.by')} ${d.byName || d.by} · ${time(d.at)}`),
      h('ul', {}, d.obligations.map(o => h('li', { dataset: { obligation: o.id } }, statusBadge(o.status),
        ` ${o.title} — ${o.departmentName} · ${date(o.dueOn)}`)))));

    // the decision form: built once when it may be used, kept however the meeting changes
    if (m.actions.decide && m.status === 'open') {
      if (!decisionForm) { decisionForm = buildDecisionForm(); decisionBox.replaceChildren(decisionForm); }
      decisionForm.refresh(m);
    } else if (m.actions.decide && m.status === 'scheduled') {
      decisionBox.replaceChildren(h('p', { class: 'muted', id: 'decisions-wait' }, t('meeting.decisionsNeedOpen')));
    } else if (closed) {
      decisionBox.replaceChildren();
      decisionForm = null;
    }
    if (closed && !minutesEl.firstChild) minutesEl.replaceChildren(await minutes());
    drawSince().catch(e => fill(sinceEl, h('p', { class: 'error' }, explain(e))));
  }

  /**
   * 自上次会办以来: what changed for this meeting's projects since the previous meeting about them
   * closed, and how that meeting's decisions stand (the server reads it from the change log).
   */
  async function drawSince() {
    const s = await api.get(`/api/meetings/${id}/since-previous`);
    fill(sinceEl, h('h2', {}, t('since.title')), ...sinceView(s));
  }

  function agendaRow(item, manage) {
    const focused = item.id === m.focusItemId;
    const at = m.agenda.indexOf(item);
    const move = delta => {
      const ids = m.agenda.map(x => x.id);
      ids.splice(at, 1);
      ids.splice(at + delta, 0, item.id);
      return api.post(`/api/meetings/${id}/agenda/order`, { itemIds: ids });
    };
    return h('li', { class: focused ? 'focus' : '', dataset: { item: item.id }, 'aria-current': focused ? 'true' : null },
      focused ? h('strong', {}, `${t('meeting.now')}: `) : null, item.title,
      m.actions.chair && m.status !== 'closed' && !focused
        ? h('button', { type: 'button', class: 'secondary', dataset: { focus: item.id }, style: 'margin-left:.5rem',
          onclick: e => act(e.target, () => api.post(`/api/meetings/${id}/focus`, { agendaItemId: item.id })) }, t('meeting.focus'))
        : null,
      manage ? h('span', { class: 'item-tools' },
        at > 0 ? h('button', { type: 'button', class: 'link', dataset: { up: item.id }, title: t('common.up'), 'aria-label': t('common.up'),
          onclick: e => act(e.target, () => move(-1)) }, '↑') : null,
        at < m.agenda.length - 1 ? h('button', { type: 'button', class: 'link', dataset: { down: item.id }, title: t('common.down'), 'aria-label': t('common.down'),
          onclick: e => act(e.target, () => move(1)) }, '↓') : null,
        h('button', { type: 'button', class: 'link', dataset: { removeItem: item.id }, title: t('common.remove'), 'aria-label': t('common.remove'),
          onclick: e => confirm(t('common.confirmRemove', { name: item.title })) && act(e.target, () => api.del(`/api/meetings/${id}/agenda/${item.id}`)) }, '×'))
        : null);
  }

  // opening or closing changes nothing anyone else edits (focus, agenda, decisions bump the
  // version too), so it goes on the version as it is now rather than as the page last drew it
  async function setStatus(status) {
    for (let attempt = 0; ; attempt++) {
      const current = await api.get(`/api/meetings/${id}`);
      try {
        return await api.patch(`/api/meetings/${id}`, { version: current.version, status });
      } catch (e) {
        // a focus or decision landed in between: the intent still holds, so try once more
        if (e.status !== 409 || attempt > 0 || current.status === 'closed') throw e;
      }
    }
  }

  /** 改期: a new time and place for a meeting still to be held; the server tells everyone it invites. */
  function reschedule() {
    const when = h('input', { type: 'datetime-local', name: 'startsAt', required: true });
    const where = h('input', { type: 'text', name: 'location', maxlength: 200 });
    const save = h('button', { type: 'submit', id: 'reschedule-save' }, t('action.save'));
    const form = h('form', { class: 'grid-form card', id: 'reschedule-form', novalidate: true, hidden: true },
      field('meetings.when', when), field('meetings.location', where), h('p', { class: 'muted wide' }, t('meeting.rescheduleHint')),
      h('div', { class: 'row wide' }, save));
    form.fill = meeting => {
      when.value = time(meeting.startsAt).replace(' ', 'T');
      where.value = meeting.location || '';
      clearErrors(form);
    };
    form.addEventListener('submit', e => {
      e.preventDefault();
      busy(save, async () => {
        if (!when.value) return showErrors(form, { body: { fields: { startsAt: t('meeting.whenMissing') }, fieldsZh: { startsAt: t('meeting.whenMissing') } } });
        try {
          const body = { version: m.version, startsAt: toInstant(when.value) };
          if ((where.value.trim() || null) !== (m.location || null)) body.location = where.value.trim() || null;
          await api.patch(`/api/meetings/${id}`, body);
          form.hidden = true;
          banner(t('meeting.rescheduled'), 'info');
          await draw();
        } catch (err) {
          if (err.status === 409) { banner(t('conflict.title')); await draw(); form.fill(m); } else showErrors(form, err);
        }
      });
    });
    return form;
  }

  async function act(button, call) {
    await busy(button, async () => { try { await call(); } catch (e) { banner(explain(e)); } });
    await draw();
  }

  /**
   * 议程草稿: what the graph says this meeting must take up (the server drafts and ranks it); the
   * office takes an item onto the agenda with one click, its department invited in the same step.
   */
  async function drawDraft() {
    const proposals = await api.get(`/api/meetings/${id}/agenda-draft`);
    const reasonWords = r => t(`draft.reason.${r}`);
    const list = h('ul', { class: 'draft-list', id: 'draft-list' }, proposals.map(p => {
      const take = h('button', { type: 'button', dataset: { take: p.obligationId }, disabled: p.onAgenda,
        onclick: () => busy(take, async () => {
          try {
            await api.post(`/api/meetings/${id}/agenda`, { title: p.agendaTitle, projectId: p.projectId,
              inviteDepartmentIds: p.departmentId ? [p.departmentId] : [] });
            p.onAgenda = true;
            take.disabled = true;
            take.textContent = t('draft.taken');
            await draw();
          } catch (err) { banner(explain(err)); }
        }) }, t(p.onAgenda ? 'draft.taken' : 'draft.take'));
      return h('li', { dataset: { draft: p.obligationId } },
        h('div', {}, h('strong', {}, p.title), ' — ', p.departmentName),
        h('div', { class: 'muted small' }, p.reasons.map(reasonWords).join(' · '),
          p.costDays > 0 ? ` · ${t('draft.cost', { n: p.costDays })}` : '', p.respondBy ? ` · ${t('notices.respondBy', { date: p.respondBy })}` : '',
          ` · ${p.projectName}`),
        take);
    }));
    fill(draftEl, h('h3', {}, t('draft.title')), proposals.length ? list : h('p', { class: 'muted' }, t('draft.none')),
      h('button', { type: 'button', class: 'link', onclick: e => busy(e.currentTarget, drawDraft) }, t('draft.again')));
  }

  function agendaItemForm() {
    const title = h('input', { type: 'text', name: 'title', maxlength: 200, id: 'agenda-title', placeholder: t('meeting.itemTitle'),
      'aria-label': t('meeting.itemTitle') });
    const add = h('button', { type: 'submit', id: 'agenda-add' }, t('meeting.addItem'));
    const form = h('form', { class: 'inline', id: 'agenda-form', hidden: true }, title, add,
      h('div', { class: 'field-error error', dataset: { errorFor: 'title' } }));
    form.addEventListener('submit', e => {
      e.preventDefault();
      busy(add, async () => {
        try {
          await api.post(`/api/meetings/${id}/agenda`, { title: title.value.trim() });
          title.value = '';
          clearErrors(form);
          await draw();
        } catch (err) { showErrors(form, err); }
      });
    });
    return form;
  }

  function invitationForm() {
    const departmentPicker = picker('departmentIds', departmentGroups(departments, vocabulary), { multiple: true, id: 'invite-departments', labelKey: 'meeting.inviteDepartments',
      refresh: async () => departmentGroups(await api.get('/api/departments'), vocabulary) });
    const peoplePicker = picker('userIds', peopleGroups(people), { multiple: true, id: 'invite-people', labelKey: 'meeting.invitePeople',
      refresh: async () => peopleGroups(await api.get('/api/people')) });
    const invite = h('button', { type: 'submit', id: 'invite-send' }, t('meeting.invite'));
    const slot = (n, labelKey, el) => h('div', { class: 'field', dataset: { field: n } }, h('label', {}, t(labelKey)), el,
      h('div', { class: 'field-error error', dataset: { errorFor: n } }));
    const form = h('form', { class: 'grid-form', id: 'invite-form', hidden: true, novalidate: true },
      slot('departmentIds', 'meeting.inviteDepartments', departmentPicker), slot('userIds', 'meeting.invitePeople', peoplePicker),
      h('div', { class: 'row wide' }, invite));
    form.addEventListener('submit', e => {
      e.preventDefault();
      busy(invite, async () => {
        const body = {};
        if (picked(departmentPicker).length) body.departmentIds = picked(departmentPicker);
        if (picked(peoplePicker).length) body.userIds = picked(peoplePicker);
        if (!Object.keys(body).length) return;
        try {
          await api.post(`/api/meetings/${id}/invitations`, body);
          options(departmentPicker, departmentGroups(departments, vocabulary), []);
          options(peoplePicker, peopleGroups(people), []);
          clearErrors(form);
          await draw();
        } catch (err) { showErrors(form, err); }
      });
    });
    return form;
  }

  /** The decision and the obligations it dispatches; every department is chosen on purpose. */
  function buildDecisionForm() {
    const text = h('textarea', { id: 'decision-text', name: 'text', rows: 2, cols: 60, 'aria-label': t('meeting.decisionText'),
      placeholder: t('meeting.decisionText') });
    const rows = h('div', { id: 'decision-obligations' });
    const projectPickers = [];
    const addRow = () => {
      const dept = picker('departmentId', departmentGroups(departments, vocabulary),
        { labelKey: 'table.department', refresh: async () => departmentGroups(await api.get('/api/departments'), vocabulary) });
      dept.select.dataset.field = 'departmentId';
      const title = h('input', { type: 'text', placeholder: t('table.title'), 'aria-label': t('table.title'), dataset: { field: 'title' } });
      const due = h('input', { type: 'date', 'aria-label': t('table.due'), dataset: { field: 'dueOn' } });
      const track = h('select', { 'aria-label': t('project.timeline'), dataset: { field: 'track' } },
        vocabulary.tracks.map(k => h('option', { value: k.key }, name(k))));
      const projectSel = h('select', { 'aria-label': t('table.project'), dataset: { field: 'projectId' } });
      projectPickers.push(projectSel);
      refreshProjects(projectSel);
      rows.append(h('div', { class: 'row obligation-row' }, projectSel, dept, title, due, track,
        h('button', { type: 'button', class: 'link', 'aria-label': t('common.remove'), onclick: e => e.target.closest('.obligation-row').remove() }, '×')));
    };
    const refreshProjects = select => {
      const keep = select.value;
      select.replaceChildren(...m.projects.map(p => h('option', { value: p.id }, p.name)));
      if (keep && m.projects.some(p => p.id === keep)) select.value = keep;
      select.hidden = m.projects.length < 2;
    };
    const save = h('button', { type: 'submit', id: 'submit-decision' }, t('action.save'));
    const form = h('form', { id: 'decision-form', novalidate: true }, h('h2', {}, t('meeting.decide')), text,
      h('div', { class: 'field-error error', dataset: { errorFor: 'text' } }), rows,
      h('div', { class: 'field-error error', dataset: { errorFor: 'obligations' } }),
      h('div', { class: 'row' }, h('button', { type: 'button', class: 'secondary', id: 'add-obligation', onclick: addRow }, t('meeting.addObligation')), save));
    let key = crypto.randomUUID();
    form.addEventListener('submit', e => {
      e.preventDefault();
      busy(save, async () => {
        const obligations = [...rows.querySelectorAll('.obligation-row')].map(r => Object.fromEntries(
          [...r.querySelectorAll('[data-field]')].map(f => [f.dataset.field, f.value]).filter(([, v]) => v !== '')));
        const focus = m.focusItemId ? { agendaItemId: m.focusItemId } : {};
        try {
          await api.post(`/api/meetings/${id}/decisions`, { text: text.value, ...focus, obligations }, { 'Idempotency-Key': key });
          key = crypto.randomUUID();
          text.value = '';
          rows.replaceChildren();
          projectPickers.length = 0;
          clearErrors(form);
          await draw();
        } catch (err) {
          if (err.status) key = crypto.randomUUID();
          showErrors(form, err);
        }
      });
    });
    form.refresh = () => projectPickers.forEach(refreshProjects);
    return form;
  }

  async function minutes() {
    const mm = await api.get(`/api/meetings/${id}/minutes`);
    return h('section', { class: 'card', id: 'minutes' }, h('h2', {}, t('meeting.minutes'), ' ',
      h('a', { href: `/api/meetings/${id}/minutes?format=html`, target: '_blank', rel: 'noopener', id: 'minutes-printable' }, t('meeting.printable')), ' ',
      h('a', { href: `/api/exports/meetings/${id}/minutes${language() === 'en' ? '?lang=en' : ''}`, id: 'minutes-xlsx', download: '' }, t('exports.minutes'))),
      h('h3', {}, t('meeting.attendance')), h('p', {}, mm.attendance.map(p => `${p.displayName}（${p.departmentName || '—'}）`).join(t('common.listSeparator')) || '—'),
      h('h3', {}, t('meeting.decisions')), h('ol', {}, mm.decisions.map(d => h('li', {}, d.text))),
      h('h3', {}, t('meeting.created')), h('ul', {}, mm.obligationsCreated.map(o => h('li', {}, `${o.title} — ${o.departmentName} · ${date(o.dueOn)}`))));
  }

  fill(root, titleEl, subtitleEl, controlsEl, rescheduleForm,
    h('p', {}, h('a', { href: `#/brief/meeting/${id}`, class: 'button-link', id: 'meeting-brief' }, t('brief.open'))), sinceEl,
    h('div', { class: 'columns' }, section('meeting.agenda', agendaEl, agendaForm, draftEl),
      h('div', {}, presenceEl, section('meeting.invited', invitedEl, inviteForm))),
    section('meeting.decisions', decisionsEl, decisionBox), minutesEl);
  drawPresence();
  await draw();
  const redraw = debounce(() => draw().catch(e => console.warn(e)), 150);
  return follow(`meeting:${id}`, message => {
    if (message.type === 'presence') { presence = message.data; drawPresence(); } else redraw();
  });
}
