// タウンミーティング (town meetings) for the public portal: /p/{lgCode}/. The published reports per meeting
// (GET engagement/meetings/published): the fiscal year (令和N年度), day, kind, place or online, theme,
// participants, or why it was cancelled; the report's summary and each opinion raised with the unit
// that handles it, its status and the city's response. No personal data: opinions carry no names.
// DOM built with createElement/textContent only.

import {h as el} from '/ui/core/kit.js';

const PAGE_SIZE = 10;

function formatDate(iso, lang) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return lang === 'en' ? iso : `${y}年${m}月${d}日`;
}

export default async function render(root, ctx) {
  const t = ctx.t;
  let page = 0;
  let alive = true;
  const status = el('p', { role: 'status', 'aria-live': 'polite' });
  const list = el('div', { class: 'machi-meetings' });
  const prev = el('button', { type: 'button' }, t('前へ', 'Previous'));
  const next = el('button', { type: 'button' }, t('次へ', 'Next'));
  const pageInfo = el('span', { 'aria-live': 'polite' });
  root.append(el('h1', null, t('タウンミーティング', 'Town meetings')),
    el('p', null, t('市長と市民が直接語り合うタウンミーティング・懇談会の開催報告です。出された意見と市の対応を掲載しています。発言者の個人情報は掲載していません。',
      'Reports of the town meetings and dialogues between the mayor and residents: the opinions raised and the city\'s responses. Nothing that identifies a speaker is shown.')),
    status, list, el('nav', { 'aria-label': t('ページ送り', 'Pages') }, prev, ' ', pageInfo, ' ', next));

  function meeting(m) {
    const article = el('article', { class: 'machi-voice machi-meeting' });
    const titleId = `meeting-${m.id}`;
    article.setAttribute('aria-labelledby', titleId);
    article.append(el('h2', { id: titleId }, m.title));
    const meta = el('dl', { class: 'machi-voice-meta' });
    const add = (label, value, cls) => {
      if (value !== null && value !== undefined && value !== '') meta.append(el('dt', null, label), el('dd', cls ? { class: cls } : null, String(value)));
    };
    add(t('年度', 'Fiscal year'), m.fiscalYearLabel);
    add(t('状況', 'Status'), m.statusLabel, 'meeting-status');
    add(t('種別', 'Kind'), m.kindLabel);
    add(t('開催日', 'Date'), formatDate(m.meetingDate, ctx.lang));
    add(t('会場', 'Venue'), m.online ? t('オンライン', 'Online') : m.venue);
    add(t('地区', 'District'), m.district);
    add(t('テーマ', 'Theme'), m.theme);
    add(t('参加者数', 'Participants'), m.participants === null || m.participants === undefined ? null : t(`${m.participants} 人`, `${m.participants}`));
    add(t('中止の理由', 'Why it was cancelled'), m.cancelReason, 'meeting-cancel-reason');
    article.append(meta);
    if (m.reportSummary) article.append(el('h3', null, t('報告', 'Report')), el('p', { class: 'meeting-summary' }, m.reportSummary));
    if (m.opinions.length) {
      const table = el('table', { class: 'meeting-opinions' },
        el('caption', null, t('出された意見と市の対応', 'Opinions raised and the city\'s responses')),
        el('thead', null, el('tr', null, ...[t('番号', 'No.'), t('意見', 'Opinion'), t('担当課', 'Unit'), t('状況', 'Status'), t('市の対応', 'Response')]
          .map((x) => el('th', { scope: 'col' }, x)))),
        el('tbody', null, ...m.opinions.map((o) => el('tr', null, el('td', null, String(o.seq)), el('td', null, o.opinion),
          el('td', null, o.unitName || '—'), el('td', null, o.statusLabel), el('td', null, o.response || '—')))));
      article.append(el('div', { class: 'table-wrap' }, table));
    }
    return article;
  }

  async function load() {
    status.textContent = t('読み込んでいます…', 'Loading…');
    prev.disabled = true;
    next.disabled = true;
    try {
      const data = await ctx.getJson(`engagement/meetings/published?page=${page}&size=${PAGE_SIZE}`);
      if (!alive) return;
      list.replaceChildren(...data.items.map(meeting));
      status.textContent = data.totalItems === 0
        ? t('公表している開催報告はまだありません。', 'No meeting reports have been published yet.')
        : (data.totalItemsExact === false ? t(`${data.totalItems} 件超`, `more than ${data.totalItems} published`)
          : t(`${data.totalItems} 件`, `${data.totalItems} published`));
      const pages = Math.max(1, data.totalPages);
      pageInfo.textContent = t(`${page + 1} / ${pages} ページ`, `Page ${page + 1} of ${pages}`);
      prev.disabled = page <= 0;
      next.disabled = page + 1 >= pages;
    } catch (e) {
      if (!alive) return;
      list.replaceChildren();
      status.textContent = t('開催報告を読み込めませんでした。', 'The meeting reports could not be loaded.');
    }
  }

  prev.addEventListener('click', () => { if (page > 0) { page -= 1; load(); } });
  next.addEventListener('click', () => { page += 1; load(); });
  await load();
  return () => { alive = false; };
}
