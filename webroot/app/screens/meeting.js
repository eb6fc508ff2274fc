import { api } from '../api.js';
import { t } from '../i18n.js';
import { h, statusBadge, date, banner, explain, section, fill } from '../ui.js';
import { follow, debounce } from '../live.js';
import { meta } from '../meta.js';

/** 会办 live: agenda and the item now discussed, who is present, decisions, minutes. */
export async function render(root, { user, params }) {
  const vocabulary = await meta();
  const id = params[0];
  const departments = await api.get('/api/departments');
  let people = { people: [], departments: [] };
  const presenceEl = h('section', { class: 'card', id: 'presence' });
  const bodyEl = h('div');

  function drawPresence() {
    fill(presenceEl, h('h2', {}, `${t('meeting.present')} (${people.people.length})`),
      h('ul', { class: 'people' }, people.departments.map(d => h('li', { dataset: { department: d.departmentId } },
        h('strong', {}, d.departmentName || '—'), ': ',
        people.people.filter(p => p.departmentId === d.departmentId).map(p => p.displayName).join('、')))));
  }

  async function draw() {
    const m = await api.get(`/api/meetings/${id}`);
    const closed = m.status === 'closed';
    const agenda = h('ol', { class: 'agenda', id: 'agenda' }, m.agenda.map(item => h('li', {
      class: item.id === m.focusItemId ? 'focus' : '', dataset: { item: item.id }, 'aria-current': item.id === m.focusItemId ? 'true' : null },
      item.id === m.focusItemId ? h('strong', {}, `${t('meeting.now')}: `) : null, item.title,
      m.actions.chair && !closed && item.id !== m.focusItemId
        ? h('button', { type: 'button', class: 'secondary', dataset: { focus: item.id }, style: 'margin-left:.5rem',
          onclick: () => act(() => api.post(`/api/meetings/${id}/focus`, { agendaItemId: item.id })) }, t('meeting.focus'))
        : null)));
    const decisions = h('div', { id: 'decisions' }, m.decisionList.map(d => h('div', { class: 'card', dataset: { decision: d.id } },
      h('p', {}, h('strong', {}, d.text)), h('p', { class: 'muted' }, `${t('common.by')} ${d.by} · ${String(d.at).slice(0, 16).replace('T', ' ')}`),
      h('ul', {}, d.obligations.map(o => h('li', {}, statusBadge(o.status), ` ${o.title} — ${o.departmentName} · ${date(o.dueOn)}`))))));
    const controls = m.actions.manage && !closed ? h('div', { class: 'row' },
      m.status === 'scheduled' ? h('button', { type: 'button', id: 'open-meeting',
        onclick: () => act(() => setStatus('open')) }, t('meeting.open')) : null,
      h('button', { type: 'button', id: 'close-meeting', class: 'secondary',
        onclick: () => act(() => setStatus('closed')) }, t('meeting.close'))) : null;
    fill(bodyEl, 
      h('h1', {}, m.title, ' ', h('span', { class: 'badge', id: 'meeting-status' }, t(`meeting.status.${m.status}`))),
      h('p', { class: 'muted' }, `${String(m.startsAt).slice(0, 16).replace('T', ' ')} · ${m.location || ''} · ${m.projects.map(p => p.name).join('、')}`),
      controls,
      h('div', { class: 'columns' }, section('meeting.agenda', agenda), presenceEl),
      section('meeting.decisions', decisions, m.actions.decide && !closed ? decisionForm(m) : null),
      closed ? await minutes() : null);
    drawPresence();
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

  async function act(call) {
    try { await call(); } catch (e) { banner(explain(e)); }
    await draw();
  }

  function decisionForm(m) {
    const text = h('textarea', { id: 'decision-text', rows: 2, cols: 60, required: true, 'aria-label': t('meeting.decisionText'), placeholder: t('meeting.decisionText') });
    const rows = h('div', { id: 'decision-obligations' });
    const addRow = () => {
      const dept = h('select', { 'aria-label': t('table.department'), dataset: { field: 'departmentId' } }, departments.map(d => h('option', { value: d.id }, d.name)));
      const title = h('input', { type: 'text', required: true, placeholder: t('table.title'), 'aria-label': t('table.title'), dataset: { field: 'title' } });
      const due = h('input', { type: 'date', required: true, 'aria-label': t('table.due'), dataset: { field: 'dueOn' } });
      const track = h('select', { 'aria-label': t('project.timeline'), dataset: { field: 'track' } }, vocabulary.tracks.map(k => h('option', { value: k.key }, t(`track.${k.key}`))));
      const projectSel = m.projects.length > 1 ? h('select', { 'aria-label': t('table.project'), dataset: { field: 'projectId' } }, m.projects.map(p => h('option', { value: p.id }, p.name))) : null;
      rows.append(h('div', { class: 'row obligation-row' }, projectSel, dept, title, due, track));
    };
    const form = h('form', { id: 'decision-form' }, h('h2', {}, t('meeting.decide')), text, rows,
      h('div', { class: 'row' }, h('button', { type: 'button', class: 'secondary', id: 'add-obligation', onclick: addRow }, t('meeting.addObligation')),
        h('button', { type: 'submit', id: 'submit-decision' }, t('action.save'))));
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const obligations = [...rows.querySelectorAll('.obligation-row')].map(r => Object.fromEntries(
        [...r.querySelectorAll('[data-field]')].map(f => [f.dataset.field, f.value])));
      const focus = m.focusItemId ? { agendaItemId: m.focusItemId } : {};
      await act(() => api.post(`/api/meetings/${id}/decisions`, { text: text.value, ...focus, obligations },
        { 'Idempotency-Key': crypto.randomUUID() }));
    });
    return form;
  }

  async function minutes() {
    const mm = await api.get(`/api/meetings/${id}/minutes`);
    return h('section', { class: 'card', id: 'minutes' }, h('h2', {}, t('meeting.minutes'), ' ',
      h('a', { href: `/api/meetings/${id}/minutes?format=html`, target: '_blank', rel: 'noopener' }, t('meeting.printable'))),
      h('h3', {}, t('meeting.attendance')), h('p', {}, mm.attendance.map(p => `${p.displayName}（${p.departmentName || '—'}）`).join('、') || '—'),
      h('h3', {}, t('meeting.decisions')), h('ol', {}, mm.decisions.map(d => h('li', {}, d.text))),
      h('h3', {}, t('meeting.created')), h('ul', {}, mm.obligationsCreated.map(o => h('li', {}, `${o.title} — ${o.departmentName} · ${date(o.dueOn)}`))));
  }

  fill(root, bodyEl);
  await draw();
  const redraw = debounce(() => draw().catch(e => console.warn(e)), 150);
  return follow(`meeting:${id}`, m => {
    if (m.type === 'presence') { people = m.data; drawPresence(); } else redraw();
  });
}
