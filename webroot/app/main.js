import { api, setCsrf } from './api.js';
import { t, setLanguage, language, applyStatic } from './i18n.js';
import { h, clear, fill, setZone, banner } from './ui.js';
import { meta } from './meta.js';
import * as live from './live.js';
import * as login from './screens/login.js';
import * as receipt from './screens/receipt.js';
import * as mySettings from './screens/me.js';
import * as battle from './screens/battle.js';
import * as project from './screens/project.js';
import * as inbox from './screens/inbox.js';
import * as leader from './screens/leader.js';
import * as meetings from './screens/meetings.js';
import * as meeting from './screens/meeting.js';
import * as graph from './screens/graph.js';
import * as consoleScreen from './screens/console.js';
import * as brief from './screens/brief.js';
import * as projects from './screens/projects.js';
import * as admin from './screens/admin.js';
import * as outbox from './screens/outbox.js';
import * as wall from './screens/wall.js';
import * as notices from './screens/notices.js';
import * as imports from './screens/imports.js';
import * as templates from './screens/templates.js';
import { ring } from './bell.js';

const routes = [
  [/^#\/battle$/, battle], [/^#\/project\/([\w.-]+)$/, project], [/^#\/inbox(?:\/([\w.-]+))?$/, inbox],
  [/^#\/leader$/, leader], [/^#\/console$/, consoleScreen], [/^#\/meetings$/, meetings], [/^#\/meeting\/([\w.-]+)$/, meeting], [/^#\/graph$/, graph],
  [/^#\/projects(?:\/(mine))?$/, projects], [/^#\/admin$/, admin], [/^#\/outbox$/, outbox], [/^#\/wall$/, wall], [/^#\/notices$/, notices], [/^#\/me$/, mySettings], [/^#\/imports$/, imports], [/^#\/templates$/, templates],
  [/^#\/brief\/(leader|meeting)\/([\w.-]+)$/, brief],
];

const session = { user: null, demo: false };
let cleanup = null;

function home(user) {
  if (user.roles.includes('wall') && user.roles.length === 1) return '#/wall';
  if (user.roles.includes('officer')) return '#/inbox';
  if (user.roles.includes('leader')) return '#/leader';
  return '#/battle';
}

function navigation(user) {
  const items = [['#/battle', 'nav.battle'], ['#/wall', 'nav.wall']];
  const nav = clear(document.getElementById('nav'));
  if (user.roles.length === 1 && user.roles[0] === 'wall') {
    for (const [href, key] of items) nav.append(h('a', { href, dataset: { route: href } }, t(key)));
    markCurrent();
    return;
  }
  if (user.may?.MANAGE_PROJECTS) items.push(['#/projects', 'nav.projects'], ['#/imports', 'nav.imports'], ['#/templates', 'nav.templates']);
  items.push(['#/inbox', 'nav.inbox']);
  if (user.roles.includes('leader') || user.roles.includes('admin')) items.push(['#/leader', 'nav.leader']);
  items.push(['#/meetings', 'nav.meetings'], ['#/graph', 'nav.graph']);
  if (user.may?.CONSOLE) items.push(['#/console', 'nav.console']);
  if (user.may?.MANAGE_USERS || user.may?.MANAGE_DEPARTMENTS) items.push(['#/admin', 'nav.admin']);
  if (user.may?.DELIVERIES) items.push(['#/outbox', 'nav.outbox']);
  for (const [href, key] of items) nav.append(h('a', { href, dataset: { route: href } }, t(key)));
  markCurrent();
  // 专人对接: a liaison finds the projects they answer for
  api.get('/api/projects?liaison=me').then(mine => {
    if (!mine.length || nav.querySelector('[data-route="#/projects/mine"]')) return;
    nav.append(h('a', { href: '#/projects/mine', dataset: { route: '#/projects/mine' } }, t('nav.mine')));
    markCurrent();
  }).catch(e => console.warn(e));
}

function markCurrent() {
  document.querySelectorAll('#nav a').forEach(a => {
    if (location.hash.startsWith(a.dataset.route)) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
}

let generation = 0;

/**
 * Shows the screen the hash names. Each screen draws into a container of its own, so a slower
 * screen still loading from an earlier hash can never draw over the current one.
 */
async function route() {
  const mine = ++generation;
  if (cleanup) { cleanup(); cleanup = null; }
  const main = document.getElementById('view');
  const view = h('div');
  main.replaceChildren(view);
  const settle = result => {
    const stop = typeof result === 'function' ? result : null;
    if (mine === generation) cleanup = stop; else if (stop) stop();
  };
  // a receipt link (签收) opens its one notice whoever is, or is not, logged in
  const receiptLink = location.hash.match(/^#\/receipt\/([A-Za-z0-9._-]{1,200})$/);
  if (receiptLink) {
    settle(await receipt.render(view, { token: receiptLink[1] }));
    return;
  }
  if (!session.user) {
    settle(await login.render(view, { onLogin: boot, demo: session.demo, kioskPath: session.demoKioskPath,
      sso: session.sso, localLogin: session.localLogin }));
    return;
  }
  if (!location.hash || location.hash === '#/') { location.hash = home(session.user); return; }
  markCurrent();
  for (const [pattern, screen] of routes) {
    const match = location.hash.match(pattern);
    if (match) {
      view.append(h('p', { class: 'muted' }, t('common.loading')));
      try {
        settle(await screen.render(view, { user: session.user, params: match.slice(1) }));
      } catch (e) {
        console.warn(e);
        clear(view).append(h('p', { class: 'error' }, e.message));
      }
      return;
    }
  }
  location.hash = home(session.user);
}

/**
 * A wall screen's kiosk link (#/kiosk/<key>): the key logs the screen in as its wall account and
 * is kept in this browser, so the screen logs itself in again after its session ends; the
 * address bar shows #/wall, never the key. A key that no longer works is forgotten.
 */
const KIOSK = 'liandong.kiosk';

async function kioskLogin() {
  const key = localStorage.getItem(KIOSK);
  if (!key) return false;
  try {
    await api.post('/api/session/kiosk', { key });
    return true;
  } catch (e) {
    if (e.status === 401) { localStorage.removeItem(KIOSK); banner(t('kiosk.invalid')); }
    return false;
  }
}

function takeKioskLink() {
  const match = location.hash.match(/^#\/kiosk\/([A-Za-z0-9_-]{8,200})$/);
  if (!match) return false;
  localStorage.setItem(KIOSK, match[1]);
  history.replaceState(null, '', `${location.pathname}#/wall`);
  session.kioskFresh = true;
  return true;
}

async function boot() {
  try {
    // a fresh kiosk link logs in as its wall account whoever was logged in before
    if (session.kioskFresh) { session.kioskFresh = false; await kioskLogin(); }
    let me = await api.get('/api/session');
    if (!me.user && await kioskLogin()) me = await api.get('/api/session');
    session.demo = me.demo === true;
    session.demoKioskPath = me.demoKioskPath;
    session.sso = me.sso === true;
    session.localLogin = me.localLogin !== false;
    if (!me.user) throw new Error('not logged in');
    session.user = me.user;
    setCsrf(me.csrfToken);
    setZone((await meta()).timeZone);
    // my name opens 我的设置 (my addresses, my language, a test message)
    fill(document.getElementById('who'), h('a', { href: '#/me', id: 'who-link', title: t('me.title') }, me.user.displayName));
    document.getElementById('logout').hidden = false;
    navigation(me.user);
    live.start();
    ring(me.user).catch(e => console.warn(e));
  } catch (e) {
    session.user = null;
    ring(null);
    clear(document.getElementById('nav'));
    document.getElementById('who').textContent = '';
    document.getElementById('logout').hidden = true;
  }
  await route();
}

function showConnection(state) {
  const el = document.getElementById('conn');
  el.dataset.state = state;
  el.textContent = t(`conn.${state}`);
}

// 适老化: larger text for whoever needs it, kept on this browser; every size follows the root's
const textSize = document.getElementById('textsize');
function largeText(on) {
  document.documentElement.classList.toggle('large', on);
  textSize.setAttribute('aria-pressed', String(on));
  localStorage.setItem('liandong.large', on ? '1' : '');
}
largeText(localStorage.getItem('liandong.large') === '1');
textSize.addEventListener('click', () => largeText(!document.documentElement.classList.contains('large')));

document.getElementById('lang').addEventListener('click', () => {
  setLanguage(language() === 'en' ? 'zh-CN' : 'en');
  document.getElementById('lang').textContent = t('lang.other');
  showConnection(live.connectionState());
  if (session.user) { navigation(session.user); ring(session.user).catch(e => console.warn(e)); }
  route();
});

document.getElementById('logout').addEventListener('click', async () => {
  localStorage.removeItem(KIOSK);
  let ended;
  try { ended = await api.del('/api/session'); } finally {
    // a session from the identity provider ends there too (RP-initiated logout); it sends the browser back here
    if (ended && ended.redirect) { location.assign(ended.redirect); return; }
    live.stop();
    session.user = null;
    location.hash = '#/';
    boot();
  }
});

window.addEventListener('hashchange', () => { if (takeKioskLink()) boot(); else route(); });
live.onSessionEnd(() => {
  session.user = null;
  banner(t('common.sessionEnded'));
  boot();
});
live.onState(showConnection);
document.getElementById('lang').textContent = t('lang.other');
applyStatic();
takeKioskLink();
boot();
