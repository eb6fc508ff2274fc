import { api } from '../api.js';
import { t, language } from '../i18n.js';
import { chartable, barChart, resultTable } from '../results.js';
import { h, light, lightWhy, yi, table, section, fill, today, time } from '../ui.js';
import { follow, debounce } from '../live.js';
import { periodPicker, periodLabel } from '../period.js';
import { asOf, asOfControl, at } from '../asof.js';
import * as vendor from '../vendor.js';


/** How many projects the battle map lists (the rest are counted and on the projects page). */
const SHOWN = 100;

/** 挂图作战: the battle map. Every project's light counted, the most urgent listed, the pools and rates, departments' records. */
export async function render(root) {
  await vendor.echarts();   // the charts below draw with window.echarts
  const charts = [];
  const stops = [];
  // the period opens on the year of the latest signing up to today (the demo's year in the demo)
  const period = { value: null };

  async function draw() {
    // the projects as the server orders them for attention (red, yellow, green, the most overdue first), counted by light
    const map = await api.get(at(`/api/battle-map?limit=${SHOWN}`));
    if (period.value === null) period.value = String(map.latestSigningYear ?? Number(today().slice(0, 4)));
    // looking back, the figures are the graph's as it stood; the bottlenecks and the tiles are only ever now
    const back = asOf() !== null;
    const [kpis, bottlenecks, tiles] = await Promise.all([api.get(at(`/api/kpis?period=${encodeURIComponent(period.value)}`)),
      back ? null : api.get('/api/bottlenecks?limit=10'), back ? [] : api.get('/api/console/tiles')]);
    const departments = kpis.departments;
    charts.forEach(c => c.dispose());
    charts.length = 0;
    fill(root, h('h1', {}, t('nav.battle')), periodBar(kpis.period, period, draw), cards(kpis),
      chartsRow(kpis, map.lights, departments, charts),
      h('div', { class: 'columns' }, projectTable(map), departmentTable(departments, kpis.period)),
      h('div', { class: 'columns' }, back ? null : bottleneckTable(bottlenecks), leaderTable(kpis.leaders), permitTable(kpis.permitBundles)),
      tiles.length ? h('div', { class: 'columns', id: 'tiles' }, tiles.map(q => tile(q, charts))) : null);
    charts.forEach(c => c.resize());
    // follow the projects on the map; the server caps a socket at 200 channels
    const watched = new Set(stops.map(s => s.channel));
    // a project created (by hand or by an import) or deleted
    if (!watched.has('projects:all')) stops.push({ channel: 'projects:all', stop: follow('projects:all', refresh) });
    for (const p of map.projects.slice(0, 150)) {
      const channel = `project:${p.id}`;
      if (!watched.has(channel)) stops.push({ channel, stop: follow(channel, refresh) });
    }
  }
  const refresh = debounce(() => draw().catch(e => console.warn(e)), 300);
  await draw();
  const onResize = () => charts.forEach(c => c.resize());
  window.addEventListener('resize', onResize);
  return () => {
    stops.forEach(s => s.stop());
    charts.forEach(c => c.dispose());
    window.removeEventListener('resize', onResize);
  };
}

/** The period the figures cover, chosen here and said in words. */
function periodBar(covered, period, redraw) {
  const again = () => redraw().catch(e => console.warn(e));
  return h('div', { class: 'period-bar', id: 'period' },
    asOfControl(again),
    h('label', {}, `${t('period.title')} `, periodPicker(period, again)),
    h('span', { class: 'muted', id: 'period-covers' },
      t(asOf() ? 'period.coversAsOf' : 'period.covers', { period: periodLabel(covered), from: covered.from, to: covered.to })),
    asOf() ? null : h('span', { class: 'downloads' }, t('exports.downloadLabel'),
      h('a', { href: `/api/exports/projects?period=${encodeURIComponent(period.value)}${language() === 'en' ? '&lang=en' : ''}`,
        id: 'export-battle', download: '' }, t('nav.battle')), ' · ',
      h('a', { href: `/api/exports/departments?period=${encodeURIComponent(period.value)}${language() === 'en' ? '&lang=en' : ''}`,
        id: 'export-scores', download: '' }, t('exports.departments'))));
}

function cards(kpis) {
  const rates = kpis.pools.ratesPercent;
  const pools = [['kpi.signed', kpis.pools.signed, null], ['kpi.filed', kpis.pools.filed, rates.filedOfSigned],
    ['kpi.started', kpis.pools.started, rates.startedOfFiled], ['kpi.producing', kpis.pools.producing, rates.producingOfStarted]];
  const progress = kpis.progress;
  const ahead = progress.actualPercent !== null && progress.actualPercent >= progress.expectedPercent;
  return h('div', { class: 'cards', id: 'kpis' },
    kpi('kpi.projects', kpis.projects, `${t('kpi.investment')} ${yi(kpis.totalInvestmentYi)}`),
    ...pools.map(([key, n, r]) => kpi(key, n, r === null ? '' : `${t('kpi.rate')} ${r}%`)),
    kpi('kpi.progress', progress.actualPercent === null ? '—' : `${progress.actualPercent}%`,
      `${t('kpi.expected')} ${progress.expectedPercent ?? '—'}% · ${ahead ? t('kpi.ahead') : t('kpi.behind')}`, 'kpi-progress'),
    kpi('kpi.startRate', kpis.keyProjects.startRatePercent === null ? '—' : `${kpis.keyProjects.startRatePercent}%`,
      `${kpis.keyProjects.newStarted} / ${kpis.keyProjects.new} ${t('kpi.keyNew')}`, 'kpi-start-rate'),
    kpi('kpi.landToStart', kpis.landToStart.medianDays === null ? '—' : t('kpi.days', { n: kpis.landToStart.medianDays }),
      t('kpi.byNextDay', { n: kpis.landToStart.byNextDay, m: kpis.landToStart.count }), 'kpi-land-to-start'),
    h('div', { class: 'kpi', id: 'kpi-new-signed' },
      h('div', { class: 'value' }, `${kpis.newlySigned.count} · ${yi(kpis.newlySigned.investmentYi)}`),
      h('div', { class: 'label' }, `${t('kpi.newSigned')} (${t('kpi.investment')})`),
      h('div', { class: 'sub' }, periodLabel(kpis.period))));
}

function kpi(labelKey, value, sub, id) {
  return h('div', { class: 'kpi', id }, h('div', { class: 'value' }, String(value)), h('div', { class: 'label' }, t(labelKey)),
    sub ? h('div', { class: 'sub' }, sub) : null);
}

function chartsRow(kpis, counts, departments, charts) {
  const stagesEl = h('div', { class: 'chart', id: 'chart-stages' });
  const lightsEl = h('div', { class: 'chart', id: 'chart-lights' });
  const deptEl = h('div', { class: 'chart', id: 'chart-departments' });
  const row = h('div', { class: 'columns' }, section('chart.stages', stagesEl), section('chart.lights', lightsEl), section('chart.departments', deptEl));
  requestAnimationFrame(() => {
    const stages = echarts.init(stagesEl);
    stages.setOption({
      animation: false, grid: { left: 40, right: 10, top: 10, bottom: 30 }, tooltip: {},
      xAxis: { type: 'category', data: kpis.byStage.map(s => t(`stage.${s.stage}`)) }, yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: kpis.byStage.map(s => s.count), itemStyle: { color: '#1d5fbf' } }],
    });
    const byLight = ['red', 'yellow', 'green'].map(c => ({ name: t(`lights.${c}`), value: counts[c] }));
    const lights = echarts.init(lightsEl);
    lights.setOption({
      animation: false, tooltip: {}, color: ['#d92d20', '#f5b400', '#12b76a'],
      series: [{ type: 'pie', radius: ['40%', '70%'], data: byLight, label: { formatter: '{b} {c}' } }],
    });
    const late = departments.filter(d => d.overdue > 0).sort((a, b) => b.overdue - a.overdue).slice(0, 10);
    const shortName = d => d.shortName || d.name;
    const dept = echarts.init(deptEl);
    dept.setOption({
      animation: false, grid: { left: 110, right: 20, top: 10, bottom: 20 }, tooltip: {},
      xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', data: late.map(shortName), inverse: true },
      series: [{ type: 'bar', data: late.map(d => d.overdue), itemStyle: { color: '#d92d20' } }],
    });
    charts.push(stages, lights, dept);
  });
  return row;
}

/** The first projects in the server's order of attention; how many there are in all, and where to see the rest. */
function projectTable(map) {
  const rows = map.projects.map(p =>
    h('tr', { dataset: { project: p.id, light: p.light } },
      h('td', {}, light(p.light)),
      h('td', {}, h('a', { href: `#/project/${p.id}` }, p.name), lightWhy(p)),
      h('td', {}, t(`stage.${p.stage}`)),
      h('td', {}, yi(p.investmentYi)),
      h('td', {}, p.champions.map(c => c.displayName).join(t('common.listSeparator'))),
      h('td', {}, String(p.overdue))));
  const more = map.total > map.projects.length ? h('p', { class: 'muted', id: 'project-lights-shown' },
    t('battle.shown', { n: map.projects.length, total: map.total }), ' · ', h('a', { href: '#/projects' }, t('battle.allProjects'))) : null;
  return section('table.project', h('div', { id: 'project-lights' },
    table(['table.light', 'table.project', 'table.stage', 'table.investment', 'table.champions', 'table.overdue'], rows), more));
}

/** 绩效考核 of the period, best first (the score and its formula are the server's: KpiDetails, README). */
function departmentTable(departments, covered) {
  const ranked = [...departments].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || b.overdue - a.overdue);
  const rows = ranked.map(d =>
    h('tr', { class: d.overdue > 0 ? 'overdue' : '', dataset: { department: d.id, rank: d.rank ?? '' } },
      h('td', { class: 'num' }, d.rank ?? '—'),
      h('td', {}, h('a', { href: `#/inbox/${d.id}` }, d.name)),
      h('td', { class: 'num' }, d.score ?? '—'),
      h('td', {}, String(d.owed - d.done)),
      h('td', {}, String(d.overdue)),
      h('td', {}, d.onTimePercent === null ? '—' : `${d.onTimePercent}%`),
      h('td', {}, d.medianHoursToAccept ?? '—'),
      h('td', { class: d.deficienciesExpired > 0 ? 'error' : '' }, `${d.deficienciesOutstanding} / ${d.deficienciesExpired}`),
      h('td', {}, String(d.reminders)),
      h('td', { class: d.supervisions > d.supervisionsAnsweredOnTime ? 'error' : '' }, `${d.supervisions} / ${d.supervisionsAnsweredOnTime}`),
      h('td', {}, String(d.extensions))));
  return h('section', { class: 'card' }, h('h2', {}, `${t('kpi.performance')} · ${periodLabel(covered)}`),
    h('p', { class: 'muted' }, t('kpi.scoreFormula')),
    h('div', { id: 'department-table', class: 'scroll-x' },
      table(['kpi.rank', 'table.department', 'kpi.score', 'table.open', 'table.overdue', 'table.onTime', 'kpi.acceptHours',
        'kpi.deficient', 'kpi.reminders', 'kpi.supervisions', 'kpi.extensions'], rows)));
}

/** A saved query an analyst published: its name and its first rows, as a bar chart when they are labels and numbers. */
function tile(q, charts) {
  const cols = q.error ? null : chartable(q.result);
  const body = q.error ? h('p', { class: 'error' }, language() === 'en' ? q.error : q.errorZh)
    : cols && q.result.rows.length > 1 ? barChart(window.echarts, h('div', { class: 'chart', dataset: { tileChart: q.id } }),
      { ...q.result, rows: q.result.rows.slice(0, 10) }, cols, charts)
    : resultTable(q.result, q.result.rows.slice(0, 10));
  return h('section', { class: 'card', dataset: { tile: q.id } }, h('h2', {}, q.name), q.description ? h('p', { class: 'muted' }, q.description) : null, body);
}

function bottleneckTable(ranking) {
  return section('kpi.bottlenecks', h('p', { class: 'muted', id: 'bottleneck-formula' }, t('kpi.bottleneckFormula')),
    h('div', { id: 'bottlenecks' }, ranking.length ? table(['table.department', 'kpi.score', 'kpi.lateNearly', 'kpi.waiting', 'table.title'],
      ranking.slice(0, 10).map(d => h('tr', { dataset: { department: d.departmentId } }, h('td', {}, h('a', { href: `#/inbox/${d.departmentId}` }, d.departmentName)),
        h('td', { class: 'num' }, String(d.score)),
        h('td', { class: 'num' }, h('span', { class: d.late ? 'error' : '' }, String(d.late)), ` / ${d.nearlyLate}`),
        h('td', {}, t('kpi.waitingValue', { n: d.projectsWaiting, yi: yi(d.investmentWaitingYi) })),
        h('td', {}, d.obligations.slice(0, 3).map(o => h('div', {}, h('a', { href: `#/project/${o.projectId}` }, o.title),
          o.daysLate > 0 ? h('span', { class: 'error' }, ` · ${t('due.late', { n: o.daysLate })}`) : null)))))) : h('p', { class: 'muted' }, t('common.none'))));
}

function leaderTable(leaders) {
  return section('kpi.leaders', table(['table.champions', 'lights.green', 'lights.yellow', 'lights.red'], leaders.map(l =>
    h('tr', { dataset: { leader: l.id } }, h('td', {}, l.name), h('td', {}, String(l.onTrack)), h('td', {}, String(l.yellow)),
      h('td', { class: l.red ? 'error' : '' }, String(l.red))))));
}

function permitTable(bundles) {
  return section('kpi.permits', h('div', { id: 'permit-bundles' }, table(['table.project', 'kpi.hours', 'table.status'], bundles.map(b =>
    h('tr', { class: b.exceeded ? 'overdue' : '', dataset: { project: b.projectId, running: b.running } },
      h('td', {}, h('a', { href: `#/project/${b.projectId}` }, b.projectName)),
      h('td', {}, b.spanHours !== null ? `${b.spanHours} / ${b.targetHours}` : `${b.issued}/${b.total}`,
        b.running ? h('div', { class: b.exceeded ? 'error' : 'muted' }, t('permits.running', { start: time(b.firstIssuedAt), h: b.elapsedHours, t: b.targetHours })) : null),
      h('td', { class: b.exceeded ? 'error' : '' }, b.exceeded ? `✗ ${t('permits.exceeded', { t: b.targetHours })}`
        : b.metTarget === null ? '—' : '✓'))))));
}
