import { t, language } from './i18n.js';

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

export function banner(message, kind = 'error') {
  const el = document.getElementById('banner');
  el.textContent = message;
  el.dataset.kind = kind;
  el.hidden = false;
  clearTimeout(banner.timer);
  banner.timer = setTimeout(() => { el.hidden = true; }, 6000);
}

/** An API error in words: the server's message in the chosen language, with field details. */
export function explain(error) {
  const body = error.body || {};
  const en = language() === 'en';
  const fields = en ? body.fields : (body.fieldsZh || body.fields);
  // with field messages, they say it all; without, the message in the page's language
  if (fields && Object.keys(fields).length) return Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join(en ? '; ' : '；');
  return en ? (body.message || error.message) : (body.messageZh || body.message || t('error.generic'));
}

export function statusBadge(status) {
  return h('span', { class: `badge status-${status}` }, t(`status.${status}`));
}

export function light(color) {
  return h('span', { class: `light light-${color}`, title: t(`lights.${color}`), 'aria-label': t(`lights.${color}`) });
}

export function date(value) { return value ? String(value).slice(0, 10) : '—'; }

export function daysLate(dueOn, today = new Date()) {
  const due = new Date(dueOn + 'T00:00:00');
  return Math.floor((today - due) / 86_400_000);
}

export function yi(value) { return value === null || value === undefined ? '—' : Number(value).toFixed(2).replace(/\.?0+$/, ''); }

export function section(titleKey, ...children) {
  return h('section', { class: 'card' }, h('h2', {}, t(titleKey)), ...children);
}

export function table(headKeys, rows) {
  return h('table', { class: 'grid' },
    h('thead', {}, h('tr', {}, headKeys.map(k => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, rows));
}
