import { api } from '../api.js';
import { t } from '../i18n.js';
import { h, table, section, fill } from '../ui.js';

export async function render(root) {
  const meetings = await api.get('/api/meetings');
  fill(root, h('h1', {}, t('meetings.title')), section('meetings.title', table(['meeting.agenda', 'table.project', 'table.status'],
    meetings.map(m => h('tr', { dataset: { meeting: m.id } },
      h('td', {}, h('a', { href: `#/meeting/${m.id}` }, m.title), h('div', { class: 'muted' }, String(m.startsAt).slice(0, 16).replace('T', ' '))),
      h('td', {}, m.projects.map(p => p.name).join('、')),
      h('td', {}, t(`meeting.status.${m.status}`)))))));
}
