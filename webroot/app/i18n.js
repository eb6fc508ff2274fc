// Every word the interface shows is in the catalogue, one file per language (webroot/i18n/zh-CN.json,
// en.json), read by the pages here and by the server (support/Catalogue): one place to review a
// translation or add a language. Both are loaded before any page draws (a module awaiting this one waits).
const [zh, en] = await Promise.all(['zh-CN', 'en'].map(l => fetch(`/i18n/${l}.json`).then(r => r.json())));
const catalogue = { 'zh-CN': zh, en };

let lang = localStorage.getItem('liandong.lang') === 'en' ? 'en' : 'zh-CN';

/** The words under {@code key} in the person's language, each {name} replaced by params.name; the key itself when missing (CatalogueTest keeps none missing). */
export function t(key, params = {}) {
  // English says "1 day", not "1 days": a key with ".one" is the words for a count of one
  const one = Number(params.n) === 1 && catalogue[lang][`${key}.one`] !== undefined;
  let text = catalogue[lang][one ? `${key}.one` : key] ?? key;
  for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, v);
  return text;
}

export function language() { return lang; }

/**
 * Why an obligation is blocked, in the reader's language: the reason the server sets when a 容缺
 * lapses is stored in the catalogue's words, and shown in the reader's; a reason a person typed
 * is shown as typed.
 */
export function blockedReason(o) {
  const key = 'server.obligations.lapsedReason';
  return o.blockedReason && Object.values(catalogue).some(c => c[key] === o.blockedReason) ? t(key) : o.blockedReason;
}

export function setLanguage(next) {
  lang = next === 'en' ? 'en' : 'zh-CN';
  localStorage.setItem('liandong.lang', lang);
  applyStatic();
}

/** Translates the page's fixed elements marked with data-i18n (their text) and data-i18n-label (their accessible name). */
export function applyStatic(root = document) {
  document.documentElement.lang = lang;
  root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-label]').forEach(el => { el.setAttribute('aria-label', t(el.dataset.i18nLabel)); });
}
