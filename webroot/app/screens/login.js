import { api } from '../api.js';
import { t } from '../i18n.js';
import { h, fill } from '../ui.js';

export async function render(root, { onLogin, demo, kioskPath }) {
  const error = h('p', { class: 'error', role: 'alert', id: 'login-error' });
  const username = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form = h('form', { class: 'card login', id: 'login-form' },
    h('h1', {}, t('login.title')),
    h('label', { for: 'username' }, t('login.username')), username,
    h('label', { for: 'password' }, t('login.password')), password,
    h('p', {}, h('button', { type: 'submit', id: 'login-submit' }, t('login.submit'))),
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
  username.focus();
}
