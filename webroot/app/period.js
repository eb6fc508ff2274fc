import { t } from './i18n.js';
import { h, today } from './ui.js';

/**
 * 统计周期: the period a page's figures cover, chosen by a person and said in words. The server
 * reads the text (`?period=`, support.Period): 2023, 2023-Q2, 2023-06 or 2023-05-20..2023-06-27.
 */
export function periodLabel(p) {
  if (!p) return '';
  const [y, rest] = [p.text.slice(0, 4), p.text.slice(5)];
  switch (p.kind) {
    case 'year': return t('period.label.year', { y });
    case 'quarter': return t('period.label.quarter', { y, q: rest.slice(1) });
    case 'month': return t('period.label.month', { y, m: Number(rest),
      month: new Date(`${p.text}-01T00:00:00Z`).toLocaleDateString('en', { month: 'long', timeZone: 'UTC' }) });
    default: return t('period.range', { from: p.from, to: p.to });
  }
}

/**
 * The picker: the kind (year, quarter, month, from–to) and its fields. `state.value` holds the
 * period's text; `onChange` runs when a complete, valid choice is made.
 */
export function periodPicker(state, onChange) {
  const box = h('span', { class: 'period-fields' });
  const kindOf = text => /^\d{4}$/.test(text) ? 'year' : /Q/.test(text) ? 'quarter' : /\.\./.test(text) ? 'range' : 'month';
  const kind = h('select', { id: 'period-kind', 'aria-label': t('period.kind') },
    ['year', 'quarter', 'month', 'range'].map(k => h('option', { value: k }, t(k === 'range' ? 'period.custom' : `period.${k}`))));
  kind.value = kindOf(state.value);
  const set = text => { if (text && text !== state.value) { state.value = text; onChange(); } };
  function fields() {
    const year = Number(state.value.slice(0, 4)) || Number(today().slice(0, 4));
    const yearInput = h('input', { type: 'number', id: 'kpi-year', value: year, min: 1990, max: 2100, 'aria-label': t('kpi.year') });
    const validYear = () => Number.isInteger(Number(yearInput.value)) && Number(yearInput.value) >= 1990 && Number(yearInput.value) <= 2100;
    switch (kind.value) {
      case 'year':
        yearInput.addEventListener('change', () => { if (validYear()) set(String(yearInput.value)); });
        return [yearInput];
      case 'quarter': {
        const quarter = h('select', { id: 'period-quarter', 'aria-label': t('period.quarter') },
          [1, 2, 3, 4].map(q => h('option', { value: q }, t('period.q', { n: q }))));
        const m = /Q([1-4])/.exec(state.value);
        quarter.value = m ? m[1] : String(Math.floor((Number(today().slice(5, 7)) - 1) / 3) + 1);
        const apply = () => { if (validYear()) set(`${yearInput.value}-Q${quarter.value}`); };
        yearInput.addEventListener('change', apply);
        quarter.addEventListener('change', apply);
        return [yearInput, quarter];
      }
      case 'month': {
        const month = h('input', { type: 'month', id: 'period-month', 'aria-label': t('period.month'),
          value: /^\d{4}-\d{2}$/.test(state.value) ? state.value : `${year}-${today().slice(5, 7)}` });
        month.addEventListener('change', () => { if (/^\d{4}-\d{2}$/.test(month.value)) set(month.value); });
        return [month];
      }
      default: {
        const [from0, to0] = /\.\./.test(state.value) ? state.value.split('..') : [`${year}-01-01`, today()];
        const from = h('input', { type: 'date', id: 'period-from', value: from0, 'aria-label': t('period.from') });
        const to = h('input', { type: 'date', id: 'period-to', value: to0, 'aria-label': t('period.to') });
        const apply = () => { if (from.value && to.value && from.value <= to.value) set(`${from.value}..${to.value}`); };
        from.addEventListener('change', apply);
        to.addEventListener('change', apply);
        return [from, ' – ', to];
      }
    }
  }
  kind.addEventListener('change', () => {
    box.replaceChildren(...fields());
    // a kind chosen is applied with its defaults at once, so the figures follow the picker
    box.querySelector('input, select')?.dispatchEvent(new Event('change'));
  });
  box.replaceChildren(...fields());
  return h('span', { class: 'period-picker' }, kind, ' ', box);
}
