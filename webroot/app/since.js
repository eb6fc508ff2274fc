import { t } from './i18n.js';
import { h, date, time } from './ui.js';

/** What a diff sorts its changes into (history.HistoryService), in the order a meeting asks about them. */
export const KINDS = ['done', 'newlyLate', 'slipped', 'created', 'deficiencyAccepted', 'deficiencyLapsed', 'blocked'];

/**
 * 自上次会办以来: a diff as a person reads it (the meeting room, the leader view, the briefs):
 * the window, the counts, each kind's obligations and, after a meeting, how its decisions stand.
 * {@code print} lays every list open, for paper.
 */
export function sinceView(s, { print = false, noPrevious = 'since.noPrevious' } = {}) {
  const line = o => h('li', { dataset: { obligation: o.id } }, h('strong', {}, o.title), ` — ${o.departmentName || '—'}`,
    o.slipWorkdays !== undefined ? ` · ${date(o.previousDueOn)} → ${date(o.dueOn)} (${t('since.slip', { n: o.slipWorkdays })})`
      : o.at ? ` · ${time(o.at)}` : ` · ${t('table.due')} ${date(o.dueOn)}`,
    ` · ${o.projectName || ''}`);
  const heading = s.previous ? t('since.fromPrevious', { title: s.previous.title, time: time(s.previous.closedAt) }) : t(noPrevious);
  const decisions = s.previousDecisions?.length ? h('div', { id: 'since-decisions' }, h('h3', {}, t('since.decisions')),
    h('ul', {}, s.previousDecisions.map(d => h('li', { dataset: { decision: d.id } }, d.text,
      h('ul', {}, d.obligations.map(o => h('li', { dataset: { obligation: o.id, standing: o.standing } },
        h('span', { class: `badge standing-${o.standing}` }, t(`since.standing.${o.standing}`)),
        ` ${o.title} — ${o.departmentName || '—'} · ${date(o.dueOn)}`))))))) : null;
  const lists = KINDS.filter(k => s[k].length).map(k => print
    ? h('div', { dataset: { kind: k } }, h('h3', {}, `${t(`since.kind.${k}`)} (${s[k].length})`), h('ul', {}, s[k].map(line)))
    : h('details', { dataset: { kind: k }, open: k === 'newlyLate' || k === 'slipped' },
      h('summary', {}, `${t(`since.kind.${k}`)} (${s[k].length})`), h('ul', {}, s[k].map(line))));
  return [h('p', { class: 'muted', id: 'since-window' }, heading, ' → ', time(s.to)),
    h('ul', { class: 'chips', id: 'since-counts' }, KINDS.map(k => h('li', { dataset: { kind: k, count: s.counts[k] },
      class: s.counts[k] ? '' : 'muted' }, `${t(`since.kind.${k}`)} ${s.counts[k]}`))),
    ...lists, decisions];
}
