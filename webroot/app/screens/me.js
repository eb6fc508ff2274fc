// 我的设置: who I am here, where my notices go beyond the app (e-mail, mobile) and in which
// language, and a test message to check they arrive. The kinds by channel are chosen on 通知.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { h, fill, section, field, showErrors, clearErrors, busy, banner, explain } from '../ui.js';

export async function render(root, { user }) {
  let me = await api.get(`/api/users/${encodeURIComponent(user.id)}`);
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'email', maxlength: 254, value: me.email || '' });
  const mobile = h('input', { type: 'tel', name: 'mobile', autocomplete: 'tel', maxlength: 20, value: me.mobile || '' });
  const language = h('select', { name: 'language' }, ['zh-CN', 'en'].map(l => h('option', { value: l, selected: me.language === l }, t(`lang.${l}`))));
  const save = h('button', { type: 'submit', id: 'me-save' }, t('action.save'));
  const form = h('form', { class: 'form', id: 'me-form', novalidate: true },
    h('p', { class: 'muted' }, t('me.contactHint')),
    field('me.email', email), field('me.mobile', mobile), field('me.language', language), h('p', {}, save));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    clearErrors(form);
    try {
      me = await busy(save, () => api.patch('/api/me', { version: me.version, email: email.value.trim() || null,
        mobile: mobile.value.trim() || null, language: language.value }));
      banner(t('common.saved'), 'info');
    } catch (err) { showErrors(form, err); }
  });
  const send = h('button', { type: 'button', class: 'secondary', id: 'me-test' }, t('me.send'));
  const result = h('p', { id: 'me-test-result', role: 'status' });
  send.addEventListener('click', () => busy(send, async () => {
    try {
      const sent = await api.post('/api/me/test-message');
      result.textContent = sent.channels.length
        ? t('me.sent', { channels: sent.channels.map(c => t(`receipt.channel.${c}`)).join(' / ') }) : t('me.none');
    } catch (err) { result.textContent = explain(err); }
  }));
  const facts = [['me.username', me.username], ['me.roles', me.roles.map(r => t(`role.${r}`)).join('、')],
    ['me.department', me.departmentName || '—'], ['me.signIn', t(`signIn.${me.signIn}`)]];
  fill(root, h('h1', {}, t('me.title')),
    section('me.account', h('dl', { class: 'facts' }, facts.flatMap(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v)]))),
    section('me.contact', form),
    section('me.test', h('p', { class: 'muted' }, t('me.testHint')), h('p', {}, send), result));
}
