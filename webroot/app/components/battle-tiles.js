// <ld-battle-tiles>: the saved queries analysts published to the battle map, each an <ld-tile>,
// kept by the store and read again when a project the page follows changes.
import { Component, define, html, nothing } from './base.js';
import { resource, Subscription } from '../store.js';
import './tile.js';

export class BattleTiles extends Component {
  static properties = { channels: { attribute: false } };

  constructor() {
    super();
    this.tiles = new Subscription(this, () => resource('/api/console/tiles', () => this.channels ?? ['projects:all']));
  }

  render() {
    const tiles = this.tiles.value;
    if (!tiles?.length) return nothing;
    return html`<div class="columns" id="tiles">${tiles.map(q => html`<ld-tile .query=${q}></ld-tile>`)}</div>`;
  }
}
define('ld-battle-tiles', BattleTiles);
