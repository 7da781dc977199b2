// 市民活動への補助金 (proposal-based grants) for the public portal: /p/{lgCode}/. The calls whose submission
// period has not ended (GET collaboration/grants/public/calls: purpose, eligibility, maximum, rate, years from
// start-up, schedule, review criteria) and the funded projects (GET collaboration/grants/public/funded:
// organisation, project, year of funding, amount granted). Organisations only: no personal data.
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
  const yen = (n) => t(`${Number(n).toLocaleString('ja-JP')}円`, `${Number(n).toLocaleString('en')} yen`);
  let alive = true;
  let page = 0;
  const callStatus = el('p', { role: 'status', 'aria-live': 'polite' });
  const calls = el('div', { class: 'machi-grant-calls' });
  const fundedStatus = el('p', { role: 'status', 'aria-live': 'polite' });
  const funded = el('div', { class: 'table-wrap' });
  const prev = el('button', { type: 'button' }, t('前へ', 'Previous'));
  const next = el('button', { type: 'button' }, t('次へ', 'Next'));
  root.append(el('h1', null, t('市民活動への補助金 (協働提案型公募補助)', 'Grants for civic activities (proposal-based grants)')),
    el('p', null, t('市民活動団体などが行う公益的な事業の企画提案を募集し、審査のうえ事業費の一部を補助します。申請には協働の団体登録が必要です。',
      'The municipality invites proposals for public-interest projects by civic organisations and funds part of their cost after review. Organisations apply once registered as partners.')),
    el('h2', null, t('募集中・募集予定', 'Open and upcoming calls')), callStatus, calls,
    el('h2', null, t('補助した事業', 'Funded projects')), fundedStatus, funded,
    el('nav', { 'aria-label': t('ページ送り', 'Pages') }, prev, ' ', next));

  function call(c) {
    const article = el('article', { class: 'machi-grant-call' });
    article.append(el('h3', null, `${c.fiscalYearLabel} ${c.title}`));
    const meta = el('dl', { class: 'machi-voice-meta' });
    const add = (label, value) => { if (value) meta.append(el('dt', null, label), el('dd', null, String(value))); };
    const s = c.schedule;
    add(t('目的', 'Purpose'), c.purpose);
    add(t('対象', 'Eligibility'), c.eligibility);
    add(t('補助額', 'Grant'), t(`補助対象経費の ${c.subsidyRate}% 以内、上限 ${yen(c.maxPerGrant)}`, `Up to ${c.subsidyRate}% of the eligible cost, at most ${yen(c.maxPerGrant)}`));
    add(t('補助の期間', 'Funding period'), t(`事業の立ち上げから最長 ${c.maxYears} 年`, `At most ${c.maxYears} years from the project's start-up`));
    add(t('説明会', 'Briefing'), formatDate(s.briefingOn, ctx.lang));
    add(t('企画書作成会', 'Proposal workshop'), formatDate(s.workshopOn, ctx.lang));
    add(t('受付期間', 'Submission'), `${formatDate(s.submissionOpensOn, ctx.lang)} – ${formatDate(s.submissionClosesOn, ctx.lang)}`);
    add(t('公開審査', 'Hearing'), formatDate(s.hearingOn, ctx.lang));
    add(t('決定', 'Decision'), formatDate(s.decisionOn, ctx.lang));
    add(t('審査基準 (重み)', 'Criteria (weight)'), c.criteria.map((k) => `${k.name} (${k.weight})`).join('、'));
    article.append(meta);
    return article;
  }

  async function loadFunded() {
    try {
      const data = await ctx.getJson(`collaboration/grants/public/funded?page=${page}&size=${PAGE_SIZE}`);
      if (!alive) return;
      fundedStatus.textContent = data.totalItems === 0 ? t('補助した事業はまだありません。', 'No funded projects yet.') : (data.totalItemsExact === false ? t(`${data.totalItems} 件超`, `more than ${data.totalItems} projects`)
        : t(`${data.totalItems} 件`, `${data.totalItems} projects`));
      funded.replaceChildren(el('table', { class: 'machi-grants-funded' },
        el('thead', null, el('tr', null, ...[t('年度', 'Fiscal year'), t('団体', 'Organisation'), t('事業名', 'Project'), t('年目', 'Year'), t('交付決定額', 'Granted')]
          .map((x) => el('th', { scope: 'col' }, x)))),
        el('tbody', null, ...data.items.map((f) => el('tr', null, el('td', null, f.fiscalYearLabel), el('td', null, f.applicantName),
          el('td', null, f.projectTitle), el('td', null, String(f.fundingYear)), el('td', null, yen(f.grantedAmount)))))));
      prev.disabled = page <= 0;
      next.disabled = page + 1 >= Math.max(1, data.totalPages);
    } catch (e) {
      if (alive) fundedStatus.textContent = t('補助した事業を読み込めませんでした。', 'The funded projects could not be loaded.');
    }
  }

  prev.addEventListener('click', () => { if (page > 0) { page -= 1; loadFunded(); } });
  next.addEventListener('click', () => { page += 1; loadFunded(); });
  try {
    const list = await ctx.getJson('collaboration/grants/public/calls');
    if (alive) {
      calls.replaceChildren(...list.map(call));
      callStatus.textContent = list.length ? t(`${list.length} 件`, `${list.length} calls`) : t('現在、募集はありません。', 'There is no call at the moment.');
    }
  } catch (e) {
    if (alive) callStatus.textContent = t('募集を読み込めませんでした。', 'The calls could not be loaded.');
  }
  await loadFunded();
  return () => { alive = false; };
}
