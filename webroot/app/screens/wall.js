// 挂图作战 大屏: the battle map for the wall of the dispatch room. One dark screen with no
// scrolling at any size (1366 to 3840 wide), large figures with their words, a clock and when
// the data was last updated, every project's light counted, the most urgent projects listed
// (the server's order of attention) with changed rows flashing, and the red ones taking turns
// in the spotlight.
import { api } from '../api.js';
import { now } from '../clock.js';
import { t } from '../i18n.js';
import { h, light, yi, fill, keyed, time, today } from '../ui.js';
import { follow, debounce } from '../live.js';

/** How many projects the wall lists (as many as its tallest screen has rows for; every light is counted). */
const SHOWN = 40;
const SPOTLIGHT_SECONDS = 10;

export async function render(root) {
  document.body.classList.add('wall-mode');
  const clockEl = h('span', { class: 'wall-clock', id: 'wall-clock' });
  const updatedEl = h('span', { class: 'wall-updated', id: 'wall-updated' });
  const figuresEl = h('div', { class: 'wall-figures', id: 'wall-figures' });
  const lightsEl = h('div', { class: 'wall-lights', id: 'wall-lights' });
  const spotlightEl = h('div', { class: 'wall-spotlight', id: 'wall-spotlight', 'aria-live': 'polite' });
  const rowsEl = h('tbody', { id: 'wall-projects' });
  const moreEl = h('p', { class: 'wall-more', id: 'wall-more', hidden: true });
  let total = 0;
  const bottlenecksEl = h('div', { class: 'wall-bottlenecks', id: 'wall-bottlenecks' });
  let reds = [];
  let turn = 0;
  const stops = [];

  fill(root, h('div', { class: 'wall' },
    h('header', { class: 'wall-top' }, h('h1', {}, t('wall.title')), h('div', { class: 'wall-time' }, clockEl, updatedEl)),
    figuresEl,
    h('div', { class: 'wall-body' },
      h('section', { class: 'wall-panel' }, h('h2', {}, t('chart.lights')), lightsEl, spotlightEl),
      h('section', { class: 'wall-panel wall-list' }, h('h2', {}, t('table.project')),
        h('div', { class: 'wall-rows' }, h('table', {}, h('thead', {}, h('tr', {}, ['table.light', 'table.project', 'table.stage', 'table.investment', 'table.champions', 'table.overdue']
          .map(k => h('th', { scope: 'col' }, t(k))))), rowsEl)), moreEl),
      h('section', { class: 'wall-panel' }, h('h2', {}, t('kpi.bottlenecks')), bottlenecksEl))));

  const tick = () => { const at = new Date(now()); clockEl.textContent = time(at.toISOString()) + ':' + String(at.getSeconds()).padStart(2, '0'); };
  tick();
  const clock = setInterval(tick, 1000);

  async function draw() {
    // the projects in the server's order of attention (red, yellow, green, the most overdue first), counted by light
    const map = await api.get(`/api/battle-map?limit=${SHOWN}`);
    // the newest year with signings, as the battle map opens
    const year = map.latestSigningYear ?? Number(today().slice(0, 4));
    const [kpis, bottlenecks] = await Promise.all([api.get(`/api/kpis?year=${year}`), api.get('/api/bottlenecks?limit=6')]);
    figures(kpis, year);
    fill(lightsEl, ['red', 'yellow', 'green'].map(c => h('div', { class: `wall-light wall-${c}`, dataset: { light: c } },
      h('strong', {}, String(map.lights[c])), h('span', {}, t(`lights.${c}`)))));
    const projects = map.projects;
    keyed(rowsEl, projects, p => p.id, p => h('tr', { dataset: { project: p.id, light: p.light } },
      h('td', {}, light(p.light)), h('td', {}, p.name), h('td', {}, t(`stage.${p.stage}`)), h('td', { class: 'num' }, yi(p.investmentYi)),
      h('td', {}, (p.champions || []).map(c => c.displayName).join(t('common.listSeparator'))), h('td', { class: p.overdue ? 'num late' : 'num' }, String(p.overdue))),
    p => `${p.version}|${p.light}|${p.overdue}|${p.stage}`);
    fill(bottlenecksEl, bottlenecks.length ? h('ol', {}, bottlenecks.slice(0, 6).map(d => h('li', {},
      h('strong', {}, d.departmentName), h('span', { class: 'late' }, ` ${t('kpi.late')} ${d.late}`), ` · ${t('kpi.nearlyLate')} ${d.nearlyLate}`,
      ` · ${t('kpi.score')} ${d.score}`)))
      : h('p', { class: 'muted' }, t('common.none')));
    total = map.lights.red + map.lights.yellow + map.lights.green;
    fit();
    reds = projects.filter(p => p.light === 'red');
    spotlight();
    updatedEl.textContent = t('wall.updated', { time: time(new Date(now()).toISOString()) });
    // follow the projects on the wall; the server caps a socket at 200 channels
    const watched = new Set(stops.map(s => s.channel));
    // a project created (by hand or by an import) or deleted
    if (!watched.has('projects:all')) stops.push({ channel: 'projects:all', stop: follow('projects:all', refresh) });
    for (const p of projects.slice(0, 150)) {
      const channel = `project:${p.id}`;
      if (!watched.has(channel)) stops.push({ channel, stop: follow(channel, refresh) });
    }
  }

  function figures(kpis, year) {
    const pools = kpis.pools;
    const big = (id, value, words, sub) => h('div', { class: 'wall-figure', id }, h('div', { class: 'wall-value' }, value),
      h('div', { class: 'wall-words' }, words), sub ? h('div', { class: 'wall-sub' }, sub) : null);
    fill(figuresEl,
      big('wall-projects-count', String(kpis.projects), t('kpi.projects'), `${t('kpi.investment')} ${yi(kpis.totalInvestmentYi)}`),
      big('wall-signed', String(pools.signed), t('kpi.signed')),
      big('wall-filed', String(pools.filed), t('kpi.filed'), pools.ratesPercent.filedOfSigned === null ? null : `${t('kpi.rate')} ${pools.ratesPercent.filedOfSigned}%`),
      big('wall-started', String(pools.started), t('kpi.started'), pools.ratesPercent.startedOfFiled === null ? null : `${t('kpi.rate')} ${pools.ratesPercent.startedOfFiled}%`),
      big('wall-producing', String(pools.producing), t('kpi.producing'), pools.ratesPercent.producingOfStarted === null ? null : `${t('kpi.rate')} ${pools.ratesPercent.producingOfStarted}%`),
      big('wall-start-rate', kpis.keyProjects.startRatePercent === null ? '—' : `${kpis.keyProjects.startRatePercent}%`, t('kpi.startRate'),
        `${kpis.keyProjects.newStarted} / ${kpis.keyProjects.new} ${t('kpi.keyNew')}`),
      big('wall-new-signed', String(kpis.newlySigned.count), t('wall.newSigned', { year }),
        t('wall.signedValue', { yi: yi(kpis.newlySigned.investmentYi) })));
  }

  /**
   * As many rows as the screen has room for, whole, in the server's order; the rest counted
   * under them (另有 N 个项目), never a row cut in half.
   */
  function fit() {
    // measured with the count's line in place, so showing it cannot push the last row out
    moreEl.hidden = false;
    const room = rowsEl.closest('.wall-rows').getBoundingClientRect().bottom;
    let shown = 0;
    for (const row of rowsEl.rows) {
      row.hidden = false;
      if (row.getBoundingClientRect().bottom > room + 0.5) row.hidden = true; else shown++;
    }
    const rest = total - shown;
    moreEl.hidden = rest <= 0;
    moreEl.textContent = t('wall.more', { n: rest });
    // the ranking too: as many departments as there is room for, in its order
    const panel = bottlenecksEl.closest('.wall-panel').getBoundingClientRect().bottom;
    for (const item of bottlenecksEl.querySelectorAll('li')) {
      item.hidden = false;
      if (item.getBoundingClientRect().bottom > panel) item.hidden = true;
    }
  }
  const resized = new ResizeObserver(() => fit());
  resized.observe(root);

  /** The red project whose turn it is: name, stage, people, what is late. */
  function spotlight() {
    if (!reds.length) { fill(spotlightEl, h('p', { class: 'muted' }, t('wall.noRed'))); return; }
    const p = reds[turn % reds.length];
    fill(spotlightEl, h('div', { class: 'wall-spot', dataset: { project: p.id } },
      h('div', { class: 'wall-spot-head' }, light('red'), ' ', h('strong', {}, p.name)),
      h('div', { class: 'wall-spot-more' }, `${t(`stage.${p.stage}`)} · ${p.company}`),
      h('div', {}, t('wall.champions', { names: (p.champions || []).map(c => c.displayName).join(t('common.listSeparator')) || '—' })),
      h('div', { class: 'wall-spot-more' }, t('wall.liaison', { name: p.liaison?.displayName || '—' })),
      h('div', { class: 'late' }, t('wall.lateCount', { n: p.overdue })),
      h('div', { class: 'muted' }, `${turn % reds.length + 1} / ${reds.length}`)));
  }
  const rotate = setInterval(() => { turn++; spotlight(); }, SPOTLIGHT_SECONDS * 1000);

  // Esc leaves the wall for the ordinary battle map (the header is hidden here)
  const onKey = e => { if (e.key === 'Escape') location.hash = '#/battle'; };
  document.addEventListener('keydown', onKey);

  const refresh = debounce(() => draw().catch(e => console.warn(e)), 300);
  await draw();
  return () => {
    clearInterval(clock);
    clearInterval(rotate);
    resized.disconnect();
    document.removeEventListener('keydown', onKey);
    stops.forEach(s => s.stop());
    document.body.classList.remove('wall-mode');
  };
}
