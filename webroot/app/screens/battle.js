// 挂图作战: the battle map, composed of components (webroot/app/components). The page holds what
// the person chose (the period, the instant looked back to) and the two reads the parts share,
// the map and the period's figures, from the store; the ranking and the tiles keep their own.
import { t, language } from '../i18n.js';
import { today } from '../ui.js';
import { periodPicker, periodLabel } from '../period.js';
import { asOf, asOfControl, at } from '../asof.js';
import { resource, Subscription } from '../store.js';
import { Component, define, html, nothing } from '../components/base.js';
import '../components/kpis.js';
import '../components/battle-charts.js';
import '../components/project-lights.js';
import '../components/department-scores.js';
import '../components/bottlenecks.js';
import '../components/leaders.js';
import '../components/permits.js';
import '../components/battle-tiles.js';

/** How many projects the battle map lists (the rest are counted and on the projects page). */
const SHOWN = 100;
/** How many of them it follows live (the server caps a socket at 200 channels). */
const FOLLOWED = 150;

/** The channels whose changes move the battle map: a project created or deleted, and each listed project's own. */
function channelsOf(map) {
  return ['projects:all', ...(map?.projects ?? []).slice(0, FOLLOWED).map(p => `project:${p.id}`)];
}

class BattleMap extends Component {
  constructor() {
    super();
    // the period opens on the year of the latest signing up to today (the demo's year in the demo)
    this.period = { value: null };
    this.map = new Subscription(this, () => resource(at(`/api/battle-map?limit=${SHOWN}`), channelsOf));
    this.kpis = new Subscription(this, () => {
      const map = this.map.value;
      if (this.period.value === null && map) this.period.value = String(map.latestSigningYear ?? Number(today().slice(0, 4)));
      return this.period.value === null ? null
        : resource(at(`/api/kpis?period=${encodeURIComponent(this.period.value)}`), () => channelsOf(this.map.value));
    });
    this.controls = null;
  }

  willUpdate() {
    if (!this.controls && this.period.value !== null) this.controls = this.periodControls();
  }

  /** While a read for a new period or instant is under way the page says it is busy (the figures are the last ones). */
  updated() {
    this.setAttribute('aria-busy', String(this.map.loading || this.kpis.loading));
  }

  /** The period picker and the time control, made once (they keep their state while the figures change). */
  periodControls() {
    const again = () => this.requestUpdate();
    return {
      asOf: asOfControl(() => { this.controls = this.periodControls(); again(); }),
      period: periodPicker(this.period, again),
    };
  }

  render() {
    const map = this.map.value;
    const kpis = this.kpis.value;
    const failed = this.map.error ?? this.kpis.error;
    if (failed) return html`<h1>${t('nav.battle')}</h1><p class="error">${failed.message}</p>`;
    if (!map || !kpis) return html`<h1>${t('nav.battle')}</h1><p class="muted">${t('common.loading')}</p>`;
    // looking back, the figures are the graph's as it stood; the ranking and the tiles are only ever now
    const back = asOf() !== null;
    const channels = channelsOf(map);
    return html`<h1>${t('nav.battle')}</h1>
      ${this.periodBar(kpis.period)}
      <ld-kpis .kpis=${kpis}></ld-kpis>
      <ld-battle-charts .kpis=${kpis} .lights=${map.lights}></ld-battle-charts>
      <div class="columns"><ld-project-lights .map=${map}></ld-project-lights>
        <ld-department-scores .departments=${kpis.departments} .period=${kpis.period}></ld-department-scores></div>
      <div class="columns">${back ? nothing : html`<ld-bottlenecks .channels=${channels}></ld-bottlenecks>`}
        <ld-leader-lights .leaders=${kpis.leaders}></ld-leader-lights><ld-permit-bundles .bundles=${kpis.permitBundles}></ld-permit-bundles></div>
      ${back ? nothing : html`<ld-battle-tiles .channels=${channels}></ld-battle-tiles>`}`;
  }

  /** The period the figures cover, chosen here and said in words, and the downloads of what is shown. */
  periodBar(covered) {
    const lang = language() === 'en' ? '&lang=en' : '';
    const period = encodeURIComponent(this.period.value);
    return html`<div class="period-bar" id="period">${this.controls.asOf}
      <label>${t('period.title')} ${this.controls.period}</label>
      <span class="muted" id="period-covers">${t(asOf() ? 'period.coversAsOf' : 'period.covers',
        { period: periodLabel(covered), from: covered.from, to: covered.to })}</span>
      ${asOf() ? nothing : html`<span class="downloads">${t('exports.downloadLabel')}
        <a href="/api/exports/projects?period=${period}${lang}" id="export-battle" download>${t('nav.battle')}</a> ·
        <a href="/api/exports/departments?period=${period}${lang}" id="export-scores" download>${t('exports.departments')}</a></span>`}</div>`;
  }
}
define('ld-battle-map', BattleMap);

export async function render(root) {
  const page = document.createElement('ld-battle-map');
  root.replaceChildren(page);
  await page.updateComplete;
  return () => page.remove();
}
