// 大学・企業との連携協定 for the public portal: /p/{lgCode}/. The municipality's partnership agreements
// (GET collaboration/partnerships/public: party, kind, concluded and end dates, fields, number of
// activities), newest first, paged. Organisations only: no note, no personal data.
// DOM built with createElement/textContent only.

import {h as el} from '/ui/core/kit.js';

const PAGE_SIZE = 20;

function formatDate(iso, lang) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return lang === 'en' ? iso : `${y}年${m}月${d}日`;
}

export default async function render(root, ctx) {
  const t = ctx.t;
  let alive = true;
  let page = 0;
  const status = el('p', { role: 'status', 'aria-live': 'polite' });
  const list = el('div', { class: 'table-wrap' });
  const prev = el('button', { type: 'button' }, t('前へ', 'Previous'));
  const next = el('button', { type: 'button' }, t('次へ', 'Next'));
  root.append(el('h1', null, t('大学・企業との連携協定', 'Partnership agreements')),
    el('p', null, t('市が大学・企業・金融機関などと結んでいる連携協定と、その連携分野です。',
      'The agreements the municipality has concluded with universities, companies, financial institutions and others, and their fields.')),
    status, list, el('nav', { 'aria-label': t('ページ送り', 'Pages') }, prev, ' ', next));

  async function load() {
    try {
      const data = await ctx.getJson(`collaboration/partnerships/public?page=${page}&size=${PAGE_SIZE}`);
      if (!alive) return;
      status.textContent = data.totalItems === 0 ? t('連携協定はまだありません。', 'No agreements yet.')
        : t(`${data.totalItems} 件`, `${data.totalItems} agreements`);
      list.replaceChildren(el('table', { class: 'machi-partnerships' },
        el('thead', null, el('tr', null, ...[t('協定', 'Agreement'), t('相手方', 'Other party'), t('種別', 'Kind'),
          t('締結日', 'Concluded'), t('終了日', 'Ends'), t('連携分野', 'Fields'), t('連携事業', 'Activities')]
          .map((x) => el('th', { scope: 'col' }, x)))),
        el('tbody', null, ...data.items.map((a) => el('tr', null, el('td', null, a.title), el('td', null, a.partnerName),
          el('td', null, a.kindLabel), el('td', null, formatDate(a.concludedOn, ctx.lang)),
          el('td', null, formatDate(a.endsOn, ctx.lang)), el('td', null, a.fields.join('、')),
          el('td', null, String(a.activityCount)))))));
      prev.disabled = page <= 0;
      next.disabled = page + 1 >= Math.max(1, data.totalPages);
    } catch (e) {
      if (alive) status.textContent = t('連携協定を読み込めませんでした。', 'The agreements could not be loaded.');
    }
  }

  prev.addEventListener('click', () => { if (page > 0) { page -= 1; load(); } });
  next.addEventListener('click', () => { page += 1; load(); });
  await load();
  return () => { alive = false; };
}
