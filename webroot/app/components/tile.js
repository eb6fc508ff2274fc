// <ld-tile>: a saved query an analyst published to the battle map, drawn as the kind it asks for
// (the registry in tiles.js) with its first rows, or its error in the reader's language.
import { Component, define, html, nothing } from './base.js';
import { language } from '../i18n.js';
import * as tiles from './tiles.js';

/** A tile shows at most this many rows of its answer. */
export const ROWS = 10;

export class Tile extends Component {
  static properties = { query: { attribute: false } };

  willUpdate() {
    const q = this.query;
    if (!q) return;
    this.result = q.error ? null : { ...q.result, rows: q.result.rows.slice(0, ROWS) };
    this.kind = this.result ? tiles.choose(this.result, q.display ?? 'auto') : 'error';
    this.dataset.tile = q.id;
    this.dataset.kind = this.kind;
  }

  render() {
    const q = this.query;
    if (!q) return nothing;
    const body = this.result ? tiles.draw(this.kind, this.result, q)
      : html`<p class="error">${language() === 'en' ? q.error : q.errorZh}</p>`;
    return html`<section class="card"><h2>${q.name}</h2>
      ${q.description ? html`<p class="muted">${q.description}</p>` : nothing}${body}</section>`;
  }
}
define('ld-tile', Tile);
