// 地域集会施設 for the public portal: /p/{lgCode}/. The facilities (GET collaboration/facilities/public: kind,
// address, opening, rooms and capacity, this fiscal year's designated manager — an organisation — and the
// monitoring the municipality published), and the link to the open data 公共施設一覧 (CSV, UTF-8 with BOM).
// No personal data. DOM built with createElement/textContent only.

import {h as el} from '/ui/core/kit.js';

export default async function render(root, ctx) {
  const t = ctx.t;
  let alive = true;
  const status = el('p', { role: 'status', 'aria-live': 'polite' });
  const list = el('div', { class: 'machi-facilities' });
  const csv = `/api/v1/municipalities/${ctx.lgCode}/collaboration/facilities/public/open-data.csv`;
  root.append(el('h1', null, t('地域集会施設', 'Community facilities')),
    el('p', null, t('地域のコミュニティ活動や市民活動に使える施設です。各施設は指定管理者が管理運営し、市が毎年モニタリング (評価) をしています。',
      'Facilities for community and civic activities. Designated managers run them, and the municipality evaluates their management every year.')),
    el('p', null, el('a', { href: csv, class: 'machi-open-data', download: `${ctx.lgCode}_public_facility.csv` },
      t('オープンデータ「公共施設一覧」(CSV) をダウンロード', 'Download the open data 公共施設一覧 (CSV)'))),
    status, list);

  function facility(f) {
    const article = el('article', { class: 'machi-facility' });
    article.append(el('h2', null, f.name));
    const meta = el('dl', { class: 'machi-voice-meta' });
    const add = (label, value) => { if (value) meta.append(el('dt', null, label), el('dd', null, String(value))); };
    add(t('種別', 'Kind'), f.kindLabel);
    add(t('住所', 'Address'), [f.postalCode ? `〒${f.postalCode}` : null, f.address, f.addressDetail].filter(Boolean).join(' '));
    add(t('利用できる曜日', 'Open days'), f.openDays);
    add(t('利用できる時間', 'Hours'), f.opensAt && f.closesAt ? `${f.opensAt}〜${f.closesAt}` : null);
    add(t('特記事項', 'Notes'), f.openingNote);
    add(t('部屋 (定員)', 'Rooms (capacity)'), f.rooms.map((r) => `${r.name} (${r.capacity}${t('人', '')})`).join('、'));
    add(t('バリアフリー', 'Accessibility'), f.barrierFree);
    add(t('電話', 'Telephone'), f.phone);
    add(t('指定管理者', 'Designated manager'), f.manager ? `${f.manager.organisationName} (${f.manager.periodLabel})` : null);
    add(t('説明', 'Description'), f.description);
    article.append(meta);
    if (f.monitoring.length) {
      article.append(el('h3', null, t('モニタリングの結果', 'Monitoring results')));
      for (const m of f.monitoring) {
        article.append(el('h4', null, `${m.fiscalYearLabel} ${t('総合評価', 'overall rating')}: ${m.rating}`));
        if (m.scores.length) {
          article.append(el('table', { class: 'machi-facility-scores' },
            el('thead', null, el('tr', null, el('th', { scope: 'col' }, t('評価項目', 'Item')), el('th', { scope: 'col' }, t('評価 (5段階)', 'Score (of 5)')))),
            el('tbody', null, ...m.scores.map((s) => el('tr', null, el('td', null, s.item), el('td', null, String(s.score)))))));
        }
        if (m.comment) article.append(el('p', null, m.comment));
      }
    }
    return article;
  }

  try {
    const data = await ctx.getJson('collaboration/facilities/public');
    if (alive) {
      list.replaceChildren(...data.map(facility));
      status.textContent = data.length ? t(`${data.length} 施設`, `${data.length} facilities`) : t('施設はまだ登録されていません。', 'No facility yet.');
    }
  } catch (e) {
    if (alive) status.textContent = t('施設を読み込めませんでした。', 'The facilities could not be loaded.');
  }
  return () => { alive = false; };
}
