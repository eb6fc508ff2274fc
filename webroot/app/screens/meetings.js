// 协调会办: the meetings, newest first; the service office calls a new one here.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { h, section, keyed, field, wide, showErrors, busy, picker, picked, time, toInstant } from '../ui.js';
import { meta } from '../meta.js';

export async function render(root, { user }) {
  const vocabulary = await meta();
  const body = h('tbody', { id: 'meeting-list' });
  async function load() {
    const meetings = await api.get('/api/meetings');
    keyed(body, meetings, m => m.id, m => h('tr', { dataset: { meeting: m.id } },
      h('td', {}, h('a', { href: `#/meeting/${m.id}` }, m.title), h('div', { class: 'muted' }, time(m.startsAt))),
      h('td', {}, m.projects.map(p => p.name).join(t('common.listSeparator'))),
      h('td', {}, t(`meeting.status.${m.status}`))));
  }
  const list = h('table', { class: 'grid' }, h('thead', {}, h('tr', {},
    ['meetings.titleField', 'table.project', 'table.status'].map(k => h('th', { scope: 'col' }, t(k))))), body);
  root.replaceChildren(h('h1', {}, t('meetings.title')),
    user.may?.MANAGE_MEETINGS ? await meetingForm(vocabulary) : '',
    section('meetings.title', h('div', { class: 'scroll' }, list)));
  await load();
}

/** 安排会议: title, time in the server's zone, place, the projects it is about, the agenda. */
async function meetingForm(vocabulary) {
  const projects = await api.get('/api/projects');
  const title = h('input', { type: 'text', name: 'title', maxlength: 200 });
  const startsAt = h('input', { type: 'datetime-local', name: 'startsAt' });
  const location = h('input', { type: 'text', name: 'location', maxlength: 200 });
  const about = picker('projectIds', vocabulary.stages.map(s => ({ label: t(`stage.${s.key}`),
    options: projects.filter(p => p.stage === s.key).map(p => ({ value: p.id, label: `${p.name}（${p.code}）` })) }))
    .filter(g => g.options.length), { multiple: true, id: 'meeting-projects', labelKey: 'meetings.projects' });
  const agenda = h('textarea', { name: 'agenda', rows: 4 });
  const create = h('button', { type: 'submit', id: 'meeting-create' }, t('meetings.create'));
  const form = h('form', { class: 'grid-form', id: 'meeting-form', novalidate: true },
    field('meetings.titleField', title), field('meetings.when', startsAt), field('meetings.location', location),
    h('div', { class: 'field wide', dataset: { field: 'projectIds' } }, h('label', {}, t('meetings.projects')), about,
      h('div', { class: 'field-error error', dataset: { errorFor: 'projectIds' } })),
    wide(field('meetings.agendaLines', agenda)),
    h('p', { class: 'muted wide' }, t('meetings.zoneHint', { zone: vocabulary.timeZone })),
    h('div', { class: 'row wide' }, create));
  let key = crypto.randomUUID();   // the same on a retry after a lost answer, fresh after a refusal
  form.addEventListener('submit', e => {
    e.preventDefault();
    busy(create, async () => {
      const body = { title: title.value.trim(), startsAt: toInstant(startsAt.value), projectIds: picked(about),
        agenda: agenda.value.split('\n').map(x => x.trim()).filter(Boolean) };
      if (location.value.trim()) body.location = location.value.trim();
      if (!body.startsAt) delete body.startsAt;
      try {
        const m = await api.post('/api/meetings', body, { 'Idempotency-Key': key });
        window.location.hash = `#/meeting/${m.id}`;
      } catch (err) {
        if (err.status) key = crypto.randomUUID();
        showErrors(form, err);
      }
    });
  });
  return h('details', { class: 'card', id: 'meeting-new' }, h('summary', {}, t('meetings.new')), form);
}
