import { api } from './api.js';
import { t } from './i18n.js';
import { h, time, toInstant, explain } from './ui.js';

/**
 * 时点: the instant the pages show the graph as of (null: as it is now), chosen in the time
 * control and kept while the person moves between pages. The server rebuilds the graph as it
 * stood (`?asOf=`, Graph.asOf); the pages only carry the instant.
 */
const state = { asOf: null };

export function asOf() { return state.asOf; }

/** The path, asking for the graph as of the chosen instant when there is one. */
export function at(path) {
  if (!state.asOf) return path;
  return `${path}${path.includes('?') ? '&' : '?'}asOf=${encodeURIComponent(state.asOf)}`;
}

/** Draws the page again from the start (for pages that read everything once). */
export function rerender() { window.dispatchEvent(new HashChangeEvent('hashchange')); }

/**
 * The control: now, an instant (in the server's zone), or when a closed meeting ended. While it
 * looks back it says so, with a way back to now. {@code onChange} redraws the page.
 */
export function asOfControl(onChange) {
  const mode = h('select', { id: 'asof-mode', 'aria-label': t('asof.title') },
    ['now', 'instant', 'meeting'].map(m => h('option', { value: m }, t(`asof.${m}`))));
  const when = h('input', { type: 'datetime-local', id: 'asof-when', 'aria-label': t('asof.instant'), hidden: true,
    value: state.asOf ? time(state.asOf).replace(' ', 'T') : '' });
  const meeting = h('select', { id: 'asof-meeting', 'aria-label': t('asof.meeting'), hidden: true });
  const note = h('span', { id: 'asof-note', class: state.asOf ? 'badge status-blocked' : 'muted' },
    state.asOf ? t('asof.looking', { time: time(state.asOf) }) : t('asof.live'));
  const back = h('button', { type: 'button', class: 'secondary', id: 'asof-back', hidden: !state.asOf,
    onclick: () => set(null) }, t('asof.back'));
  mode.value = state.asOf ? 'instant' : 'now';
  when.hidden = !state.asOf;
  function set(instant) {
    if (instant === state.asOf) return;
    state.asOf = instant;
    onChange();
  }
  mode.addEventListener('change', async () => {
    when.hidden = mode.value !== 'instant';
    meeting.hidden = mode.value !== 'meeting';
    if (mode.value === 'now') set(null);
    if (mode.value === 'meeting' && !meeting.options.length) {
      const closed = (await api.get('/api/meetings?status=closed')).filter(m => m.closedAt)
        .sort((a, b) => String(b.closedAt).localeCompare(String(a.closedAt)));
      meeting.replaceChildren(h('option', { value: '' }, t('asof.pickMeeting')),
        ...closed.map(m => h('option', { value: m.closedAt }, `${m.title} · ${time(m.closedAt)}`)));
    }
  });
  // the server says whether it can show that instant (not in the future, by its clock): its
  // refusal stays beside the field, in the page's language, and the page keeps what it shows
  const refused = h('span', { class: 'field-error error', id: 'asof-error', role: 'alert' });
  when.addEventListener('change', async () => {
    refused.textContent = '';
    if (!when.value) return;
    const instant = toInstant(when.value);
    try {
      await api.get(`/api/battle-map?limit=1&asOf=${encodeURIComponent(instant)}`);
    } catch (e) {
      refused.textContent = explain(e);
      when.setAttribute('aria-invalid', 'true');
      return;
    }
    when.removeAttribute('aria-invalid');
    set(instant);
  });
  meeting.addEventListener('change', () => { if (meeting.value) set(meeting.value); });
  return h('span', { class: 'asof-control', id: 'asof' }, h('label', {}, `${t('asof.title')} `, mode), ' ', when, meeting, ' ', note, ' ', back, ' ', refused);
}
