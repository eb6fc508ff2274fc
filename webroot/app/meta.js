// The domain's facts as the server holds them (GET /api/meta): stages, levels, tracks, kinds,
// need sources, statuses and their moves. Fetched once per page load; never copied here.
import { api } from './api.js';
import { language } from './i18n.js';

let loading = null;

export function meta() {
  if (!loading) loading = api.get('/api/meta').catch(e => { loading = null; throw e; });
  return loading;
}

/** A term's name in the page's language ({key, zh, en} from /api/meta). */
export function name(term) {
  return language() === 'en' ? term.en : term.zh;
}
