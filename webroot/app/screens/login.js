import { api } from '../api.js';
import { t, language } from '../i18n.js';
import { h, fill } from '../ui.js';

/** Why a sign-in through the identity provider ended here (#/sso/<reason>, set by the server's callback). */
const SSO_REASONS = ['denied', 'failed', 'expired', 'norole', 'inactive', 'taken', 'unavailable', 'limited'];

export async function render(root, { onLogin, demo, kioskPath, sso, localLogin }) {
  const error = h('p', { class: 'error', role: 'alert', id: 'login-error' });
  const reason = (location.hash.match(/^#\/sso\/([a-z]+)$/) || [])[1];
  if (SSO_REASONS.includes(reason)) error.textContent = t(`login.sso.${reason}`);
  const username = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  // the district's unified identity first where it is configured; the password below it (for admins only when local login is off)
  const provider = sso ? [
    h('p', {}, h('a', { class: 'button-link primary', id: 'login-sso', href: `/auth/oidc/login?lang=${encodeURIComponent(language())}` }, t('login.sso'))),
    h('p', { class: 'muted', id: 'login-or' }, t(localLogin === false ? 'login.adminOnly' : 'login.orPassword')),
  ] : [];
  const form = h('form', { class: 'card login', id: 'login-form' },
    h('h1', {}, t('login.title')),
    ...provider,
    h('label', { for: 'username' }, t('login.username')), username,
    h('label', { for: 'password' }, t('login.password')), password,
    h('p', {}, h('button', { type: 'submit', id: 'login-submit', class: sso ? 'secondary' : '' }, t('login.submit'))),
    error,
    // the demo accounts exist only with the demo data: never advertised on a real server
    demo ? h('p', { class: 'muted', id: 'login-demo' }, t('login.demo')) : null,
    demo && kioskPath ? h('p', { class: 'muted' }, t('login.demoKiosk'), ' ', h('a', { href: kioskPath, id: 'login-demo-kiosk' }, kioskPath)) : null);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      await api.post('/api/session', { username: username.value.trim(), password: password.value });
      location.hash = '#/';
      onLogin();
    } catch (err) {
      error.textContent = err.status === 401 ? t('login.failed') : err.message;
    }
  });
  fill(root, form);
  (sso ? form.querySelector('#login-sso') : username).focus();
}
