import { t, language } from './i18n.js';
import { now } from './clock.js';

/** Builds an element; children that are strings become text (never HTML). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces an element's children, leaving out the null / false ones. */
export function fill(el, ...children) {
  el.replaceChildren(...children.flat().filter(c => c !== null && c !== undefined && c !== false));
  return el;
}

export function clear(el) { while (el.firstChild) el.firstChild.remove(); return el; }

/** A message across the page: an error stays until the person dismisses it; news goes after a while. */
export function banner(message, kind = 'error') {
  const el = document.getElementById('banner');
  const close = h('button', { type: 'button', class: 'link dismiss', 'aria-label': t('common.dismiss'),
    onclick: () => { el.hidden = true; } }, '×');
  el.replaceChildren(h('span', {}, message), close);
  el.dataset.kind = kind;
  el.hidden = false;
  clearTimeout(banner.timer);
  if (kind !== 'error') banner.timer = setTimeout(() => { el.hidden = true; }, 6000);
}

/** An API error in words: the server's message in the chosen language, with field details. */
export function explain(error) {
  const body = error.body || {};
  // the server's message names each field by its label in both languages (never its JSON key)
  return language() === 'en' ? (body.message || error.message || t('error.generic')) : (body.messageZh || body.message || t('error.generic'));
}

export function statusBadge(status) {
  return h('span', { class: `badge status-${status}` }, t(`status.${status}`));
}

export function light(color) {
  return h('span', { class: `light light-${color}`, role: 'img', title: t(`lights.${color}`), 'aria-label': t(`lights.${color}`) });
}

/** Work that blocks its project: overdue, blocked, or past its 容缺 deadline (the flags are the server's). */
export function blocking(o) { return o.overdue || o.status === 'blocked' || o.deficiencyExpired; }

/** Why a project's light is what it is, in the server's words (the rule is the server's: projects.Light). */
export function lightWhy(p) {
  const reasons = (p.lightReasons || []).map(r => t(`lights.why.${r}`, { n: p.slipWorkdays }));
  return reasons.length ? h('span', { class: 'light-why muted' }, reasons.join('；')) : null;
}

export function date(value) { return value ? String(value).slice(0, 10) : '—'; }

/** How many days past its due date a date is, counted in the server's zone (negative: days left). */
export function daysLate(dueOn, on = today()) {
  return Math.round((day(on) - day(dueOn)) / 86_400_000);
}

/** What is left until a due date, in words a person reads at a glance: 剩余 3 天, 今天到期, 逾期 2 天 (calendar days, in the server's zone). */
export function countdown(dueOn, overdue) {
  if (!dueOn) return null;
  const late = daysLate(dueOn);
  const key = overdue || late > 0 ? 'due.late' : late === 0 ? 'due.today' : 'due.left';
  return h('span', { class: `countdown ${overdue || late > 0 ? 'error' : late >= -3 ? 'soon' : 'muted'}` }, t(key, { n: Math.abs(late) }));
}

/** A calendar date (2026-12-22) as a number that orders and subtracts; never shifted by the browser's zone. */
export function day(date) { return Date.parse(`${String(date).slice(0, 10)}T00:00:00Z`); }

/** The calendar day after a date (2023-06-30 → 2023-07-01). */
export function nextDay(date) { return new Date(day(date) + 86_400_000).toISOString().slice(0, 10); }

/** Tomorrow in the server's zone. */
export function tomorrow() { return nextDay(today()); }

/** Today's date in the server's zone. */
export function today() { return time(new Date(now()).toISOString()).slice(0, 10); }

export function yi(value) { return value === null || value === undefined ? '—' : Number(value).toFixed(2).replace(/\.?0+$/, ''); }

export function section(titleKey, ...children) {
  return h('section', { class: 'card' }, h('h2', {}, t(titleKey)), ...children);
}

/**
 * A table with its column heads; with more than three columns it becomes one card per row on a
 * phone (each cell labelled by its column), as the inbox does.
 */
export function table(headKeys, rows, attrs = {}) {
  for (const row of [rows].flat()) labelled(row, headKeys);
  return h('table', { ...attrs, class: headKeys.length > 3 ? 'grid stack' : 'grid' },
    h('thead', {}, h('tr', {}, headKeys.map(k => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, rows));
}

/** Names each cell of a row by its column (the card's labels on a phone); for rows drawn after their table. */
export function labelled(row, headKeys) {
  [...(row?.children ?? [])].forEach((cell, i) => {
    if (cell.tagName === 'TD' && !cell.dataset.label && headKeys[i]) cell.dataset.label = t(headKeys[i]);
  });
  return row;
}

/**
 * Patches a list in place from items, by key: a row whose item is unchanged is left as it is
 * (a half-typed form in it survives), a changed one is drawn anew and flagged for a moment, a
 * new one is added in its place, a gone one removed. The one way every live page updates.
 */
export function keyed(container, items, keyOf, draw, versionOf = item => JSON.stringify(item)) {
  const existing = new Map([...container.children].filter(el => el.dataset.key).map(el => [el.dataset.key, el]));
  const initial = existing.size === 0;
  let previous = null;
  for (const item of items) {
    const key = String(keyOf(item));
    const version = String(versionOf(item));
    let el = existing.get(key);
    existing.delete(key);
    if (!el || el.dataset.drawn !== version) {
      if (el && typing(el)) {
        // someone is typing in this row: keep their form, say that the object under it changed;
        // the row is drawn anew at the first change after they send or leave it
        el.classList.add('stale');
        const form = el.querySelector('form[data-dirty]') || document.activeElement.closest('form');
        if (form && !form.querySelector('.stale-note')) form.append(h('span', { class: 'stale-note', role: 'status' }, t('common.stale')));
      } else {
        const fresh = draw(item);
        fresh.dataset.key = key;
        fresh.dataset.drawn = version;
        if (el) el.replaceWith(fresh);
        if (el || !initial) flash(fresh);
        el = fresh;
      }
    }
    const next = previous ? previous.nextSibling : container.firstChild;
    if (el !== next) container.insertBefore(el, next);
    previous = el;
  }
  existing.forEach(el => el.remove());
  return container;
}

/** Whether a person has typed into a form in this element (and not sent it yet), or is in one now. */
function typing(el) {
  const active = document.activeElement;
  return !!el.querySelector('form[data-dirty]') || (el.contains(active) && !!active.closest('form'));
}

// a form becomes dirty at its first keystroke; settle() says it was sent
document.addEventListener('input', e => { const form = e.target.closest?.('form'); if (form) form.dataset.dirty = '1'; }, true);

/** The forms in an element were sent (or given up): live changes may redraw it again. */
export function settle(el) {
  if (!el) return;
  if (el.matches?.('form')) delete el.dataset.dirty;
  el.querySelectorAll?.('form[data-dirty]').forEach(f => { delete f.dataset.dirty; });
  // the button that sent it keeps the focus; the form is done with, so the row may be drawn anew
  if (el.contains?.(document.activeElement) && document.activeElement.closest('form')) document.activeElement.blur();
}

/** A changed row is highlighted for a moment, so a person sees what moved. */
export function flash(el) {
  el.classList.remove('changed');
  void el.offsetWidth;
  el.classList.add('changed');
  setTimeout(() => el.classList.remove('changed'), 2500);
}

/**
 * While a call is in flight its button is disabled and, after 300 ms, shows it is busy; a
 * failure stays in the banner until dismissed. Resolves to the call's result (or null).
 */
export async function busy(button, call) {
  if (button) {
    button.disabled = true;
    button.dataset.busyTimer = setTimeout(() => button.classList.add('busy'), 300);
  }
  try {
    return await call();
  } finally {
    if (button) {
      clearTimeout(Number(button.dataset.busyTimer));
      button.classList.remove('busy');
      button.disabled = false;
    }
  }
}

/** A labelled field with a place for its error; {@code input} carries name = the API field. */
export function field(labelKey, input, hintKey) {
  // a picker is labelled by its select, the control a person chooses in
  const control = input.select instanceof HTMLSelectElement ? input.select : input;
  const id = control.id || `f-${control.name}-${Math.random().toString(36).slice(2, 8)}`;
  control.id = id;
  return h('div', { class: 'field', dataset: { field: control.name } },
    h('label', { for: id }, t(labelKey)), input,
    hintKey ? h('div', { class: 'muted hint' }, t(hintKey)) : null,
    h('div', { class: 'field-error error', role: 'alert', dataset: { errorFor: control.name } }));
}

/** A field across the whole form's width. */
export function wide(el) { el.classList.add('wide'); return el; }

/** The form's "these values are right" box, made on first need, before its buttons. */
function confirmBox(form) {
  let box = form.querySelector('.confirm-odd');
  if (!box) {
    box = h('label', { class: 'check confirm-odd wide', hidden: true }, h('input', { type: 'checkbox', name: 'confirmed' }), t('confirm.odd'));
    const buttons = form.querySelector('button[type=submit]')?.closest('.row, .actions') || form.querySelector('button[type=submit]');
    if (buttons && buttons.parentNode === form) form.insertBefore(box, buttons); else form.append(box);
  }
  return box;
}

/** {confirmed: true} when the person confirmed the odd values the server asked about, to spread into the body. */
export function confirmation(form) {
  const box = form.querySelector('.confirm-odd:not([hidden]) input');
  return box?.checked ? { confirmed: true } : {};
}

/** Takes a form's field messages away (after a save that worked). */
export function clearErrors(form) {
  form.querySelectorAll('.confirm-odd').forEach(el => { el.hidden = true; el.querySelector('input').checked = false; });
  form.querySelectorAll('.field-error').forEach(el => { el.textContent = ''; });
  form.querySelectorAll('.field.invalid').forEach(el => el.classList.remove('invalid'));
}

/** Shows a 400/422's field messages beside the fields, in the page's language; resolves whether any was placed. */
export function showErrors(form, error) {
  clearErrors(form);
  // values that may be right but are odd (domain.Plausible): the person confirms them, and sends again
  if (error.body?.error === 'unconfirmed') confirmBox(form).hidden = false;
  const body = error.body || {};
  const fields = (language() === 'en' ? body.fields : (body.fieldsZh || body.fields)) || {};
  let placed = false;
  const rest = [];
  for (const [name, message] of Object.entries(fields)) {
    // a row's own field first (items[3].durationDays), else the field it belongs to (items)
    const slot = form.querySelector(`[data-error-for="${CSS.escape(name)}"]`)
      || form.querySelector(`[data-error-for="${CSS.escape(name.split(/[.[]/)[0])}"]`);
    if (slot) { slot.textContent = message; slot.closest('.field')?.classList.add('invalid'); placed = true; } else rest.push(name);
  }
  // what has no field on this form is said at the top, by its label (the server's message)
  if (rest.length || !placed) banner(explain(error));
  return placed;
}

/**
 * A searchable picker: a filter box over a select whose options are grouped; nothing is chosen
 * until the person chooses (no accidental default). {@code groups}: [{label, options: [{value, label}]}].
 */
export function picker(name, groups, { multiple = false, placeholderKey = 'common.choose', value = null, id = null, refresh = null, labelKey = null } = {}) {
  // named for a screen reader by labelKey, or by the <label> field() puts beside it
  const named = labelKey ? t(labelKey) : null;
  const select = h('select', { name, id, multiple, size: multiple ? 6 : null, 'aria-label': named,
    dataset: { picker: name, placeholder: multiple ? '' : placeholderKey } });
  options(select, groups, value == null ? [] : [].concat(value));
  const filter = h('input', { type: 'search', class: 'picker-filter', placeholder: t('common.search'),
    'aria-label': named ? `${t('common.search')} · ${named}` : t('common.search') });
  const narrow = () => {
    const q = filter.value.trim().toLowerCase();
    select.querySelectorAll('option').forEach(o => { if (o.value) o.hidden = q && !o.textContent.toLowerCase().includes(q); });
  };
  filter.addEventListener('input', narrow);
  const box = h('span', { class: 'picker' }, filter, select);
  box.select = select;
  // a department or person added since the form was drawn: the choices are read again when the
  // person comes to the picker (at most every few seconds), keeping what is chosen
  if (refresh) {
    let last = Date.now();
    box.addEventListener('focusin', async () => {
      if (Date.now() - last < 5000) return;
      last = Date.now();
      try { options(select, await refresh()); narrow(); } catch (e) { console.warn(e); }
    });
  }
  return box;
}

/**
 * Puts fresh options (groups as for {@link picker}) in a select, keeping what the person chose
 * (or {@code chosen}); a live change to the list never takes a choice away or makes one.
 */
export function options(pickerOrSelect, groups, chosen = null) {
  const select = pickerOrSelect.select || pickerOrSelect;
  const keep = chosen ?? picked(select);
  const placeholder = select.dataset.placeholder;
  fill(select, placeholder ? h('option', { value: '' }, t(placeholder)) : null,
    ...groups.map(g => h('optgroup', { label: g.label }, g.options.map(o => h('option', { value: o.value }, o.label)))));
  [...select.options].forEach(o => { o.selected = o.value !== '' && keep.includes(o.value); });
  if (!select.multiple && !keep.length) select.value = '';
  return select;
}

/** The values a picker (or any select) holds. */
export function picked(pickerOrSelect) {
  const select = pickerOrSelect.select || pickerOrSelect;
  return [...select.selectedOptions].map(o => o.value).filter(Boolean);
}

let zone = 'Asia/Shanghai';
/** The zone the server names (LIANDONG_TIMEZONE): every time a person reads is shown in it. */
export function setZone(z) { if (z) zone = z; }

/** An instant (with its offset) as a time of day in the server's zone: 2023-06-27 21:40. */
export function time(instant) {
  if (!instant) return '—';
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(instant));
  const p = Object.fromEntries(parts.map(x => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** A wall-clock value for a datetime-local input, in the server's zone, back to an instant with offset. */
export function toInstant(local) {
  if (!local) return null;
  // the zone's offset at that moment: format a guess and correct by the difference
  const guess = new Date(`${local}:00Z`);
  const shown = new Date(`${time(guess.toISOString()).replace(' ', 'T')}:00Z`);
  const offsetMinutes = Math.round((shown - guess) / 60000);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `${local}:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
