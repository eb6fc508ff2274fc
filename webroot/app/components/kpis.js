// <ld-kpis>: the period's figures as cards (projects and investment, the pools and their rates,
// progress against the plan, the key projects' start rate, land to start, new signings).
import { Component, define, html, nothing } from './base.js';
import { t } from '../i18n.js';
import { yi } from '../ui.js';
import { periodLabel } from '../period.js';

export class Kpis extends Component {
  static properties = { kpis: { attribute: false } };

  render() {
    const k = this.kpis;
    if (!k) return nothing;
    const rates = k.pools.ratesPercent;
    const pools = [['kpi.signed', k.pools.signed, null], ['kpi.filed', k.pools.filed, rates.filedOfSigned],
      ['kpi.started', k.pools.started, rates.startedOfFiled], ['kpi.producing', k.pools.producing, rates.producingOfStarted]];
    const progress = k.progress;
    const ahead = progress.actualPercent !== null && progress.actualPercent >= progress.expectedPercent;
    const percent = v => v === null ? '—' : `${v}%`;
    return html`<div class="cards" id="kpis">
      ${card('kpi.projects', k.projects, `${t('kpi.investment')} ${yi(k.totalInvestmentYi)}`)}
      ${pools.map(([key, n, r]) => card(key, n, r === null ? '' : `${t('kpi.rate')} ${r}%`))}
      ${card('kpi.progress', percent(progress.actualPercent),
        `${t('kpi.expected')} ${progress.expectedPercent ?? '—'}% · ${ahead ? t('kpi.ahead') : t('kpi.behind')}`, 'kpi-progress')}
      ${card('kpi.startRate', percent(k.keyProjects.startRatePercent),
        `${k.keyProjects.newStarted} / ${k.keyProjects.new} ${t('kpi.keyNew')}`, 'kpi-start-rate')}
      ${card('kpi.landToStart', k.landToStart.medianDays === null ? '—' : t('kpi.days', { n: k.landToStart.medianDays }),
        t('kpi.byNextDay', { n: k.landToStart.byNextDay, m: k.landToStart.count }), 'kpi-land-to-start')}
      <div class="kpi" id="kpi-new-signed">
        <div class="value">${`${k.newlySigned.count} · ${yi(k.newlySigned.investmentYi)}`}</div>
        <div class="label">${`${t('kpi.newSigned')} (${t('kpi.investment')})`}</div>
        <div class="sub">${periodLabel(k.period)}</div>
      </div></div>`;
  }
}

function card(labelKey, value, sub, id) {
  return html`<div class="kpi" id=${id ?? nothing}><div class="value">${String(value)}</div>
    <div class="label">${t(labelKey)}</div>${sub ? html`<div class="sub">${sub}</div>` : nothing}</div>`;
}
define('ld-kpis', Kpis);
