// What every component shares: it draws into the page itself (no shadow root), so the page's
// styles, its skip link and a screen reader's reading order reach inside it as they reach the rest.
import { LitElement, html, nothing } from 'lit';
import { t } from '../i18n.js';

export { html, nothing };
// a light with its name (a screen reader hears 红灯 / red, never colour alone) and why: ui.js's,
// which every page uses; lit draws the element they make where the template puts it
export { light, lightWhy } from '../ui.js';

export class Component extends LitElement {
  createRenderRoot() { return this; }
}

/** Defines a component once (a module loaded twice does not define it twice). */
export function define(name, type) {
  if (!customElements.get(name)) customElements.define(name, type);
  return type;
}

/**
 * A table's head, and its columns' names for each cell's data-label: with more than three
 * columns the table becomes one card per row on a phone, each value named by its column.
 */
export function columns(keys) {
  const names = keys.map(k => t(k));
  return {
    names,
    className: keys.length > 3 ? 'grid stack' : 'grid',
    head: html`<thead><tr>${names.map(n => html`<th scope="col">${n}</th>`)}</tr></thead>`,
  };
}

/** A card with a heading. */
export function card(titleKey, body, id) {
  return html`<section class="card" id=${id ?? nothing}><h2>${t(titleKey)}</h2>${body}</section>`;
}
